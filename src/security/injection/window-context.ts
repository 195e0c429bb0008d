/**
 * How a window of a document sits in the rest of it. An instruction planted in an email or a diary entry is
 * usually about something else than its neighbours ("Who wrote Romeo and Juliet?" inside an invoice): its
 * content words occur nowhere else in the document, and it is often a question or a request. These markers
 * are fed to the planted-instruction window model next to the window's own n-grams.
 */

/** Words of four letters or more that say nothing about a sentence's topic. */
const FUNCTION_WORDS = new Set([
  'about', 'above', 'after', 'again', 'also', 'been', 'before', 'being', 'below', 'both', 'could', 'does', 'doing',
  'down', 'each', 'even', 'every', 'from', 'have', 'having', 'here', 'into', 'just', 'like', 'made', 'make', 'many',
  'more', 'most', 'much', 'must', 'only', 'other', 'over', 'please', 'same', 'should', 'some', 'such', 'than', 'that',
  'their', 'them', 'then', 'there', 'these', 'they', 'this', 'those', 'through', 'under', 'until', 'very', 'want',
  'were', 'what', 'when', 'where', 'which', 'while', 'will', 'with', 'would', 'your', 'yours', 'you\'re', 'thank',
  'thanks', 'dear', 'hello', 'best', 'regards',
]);

const CONTENT_WORD = /\p{L}{4,}/gu;

/** Content words of a document (lower-cased, four letters or more, not a function word) with their offsets. */
export interface ContentWords {
  words: { word: string; at: number }[];
  counts: Map<string, number>;
}

/** Collects the content words of `text` once, so every window's markers can be computed from them. */
export function contentWords(text: string): ContentWords {
  const words: ContentWords['words'] = [];
  const counts = new Map<string, number>();
  for (const m of text.toLowerCase().matchAll(CONTENT_WORD)) {
    if (FUNCTION_WORDS.has(m[0])) continue;
    words.push({ word: m[0], at: m.index });
    counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  return { words, counts };
}

/**
 * Markers for the window [start, end) of a document: `ctx:novel<k>` with k = 0..4 the share (in quarters) of
 * its content words that occur nowhere else in the document (`ctx:novel-none` without content words),
 * `ctx:question` when it ends with a question mark, `ctx:first-person` / `ctx:second-person` when it says
 * "I", "we" / "you" (a diarist's question is about themselves, a planted one is addressed to the reader),
 * and `ctx:sentence` for a sentence or line window.
 */
export function windowContextMarkers(doc: ContentWords, start: number, end: number, text: string, sentence: boolean): string[] {
  const inside = new Map<string, number>();
  // Words are in text order: find the first at or after `start` by bisection, then walk to `end`.
  let lo = 0;
  let hi = doc.words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.words[mid]!.at < start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < doc.words.length && doc.words[i]!.at < end; i++) {
    const w = doc.words[i]!.word;
    inside.set(w, (inside.get(w) ?? 0) + 1);
  }
  let total = 0;
  let novel = 0;
  for (const [word, n] of inside) {
    total += n;
    if ((doc.counts.get(word) ?? 0) === n) novel += n;
  }
  const out = [total ? `ctx:novel${Math.round((4 * novel) / total)}` : 'ctx:novel-none'];
  if (/\?["'”’)\s]*$/.test(text)) out.push('ctx:question');
  if (/\b(?:i|me|my|mine|we|us|our)\b/i.test(text)) out.push('ctx:first-person');
  if (/\b(?:you|your|yours)\b/i.test(text)) out.push('ctx:second-person');
  if (sentence) out.push('ctx:sentence');
  return out;
}
