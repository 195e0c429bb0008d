import { KIN_CUES, MEETING_CUES, PERSON_STATES, PERSON_VERBS } from './name-cues.js';
import type { Token } from './tokenize.js';
import type { PiiSpan } from './types.js';

/** Hyphenated given names the tagger passed over (tagger.ts's tagEntities adds them). */

/** Hyphenated words of two short parts that are no one's name ("Wi-fi", "Hip-hop", "Co-op"). */
const NOT_HYPHENATED_NAMES: ReadonlySet<string> = new Set([
  'wi-fi', 'hi-fi', 'sci-fi', 'lo-fi', 'hip-hop', 'k-pop', 'j-pop', 'e-mail', 'co-op', 're-do', 'pre-k', 'ex-bf', 'ex-gf',
  'uh-oh', 'uh-huh', 'ha-ha', 'bye-bye', 'yo-yo', 'so-so', 'boo-boo', 'pom-pom', 'mid-way', 'non-stop', 'pre-op', 'post-op',
]);
/** A given name of two short parts joined by a hyphen, romanised Korean or Chinese ("Jun-seo", "Min-ji", "Xiao-ming"). */
const HYPHENATED_NAME = /^\p{Lu}\p{Ll}{1,3}$/u;

/**
 * Given names of two short parts joined by a hyphen that the tagger passed over ("Jun-seo and Min-ji came for
 * dinner"): the parts stand where a person does, before a verb of what people do or "is"/"was" and what people are,
 * after "with", a verb of meeting or a relation, or joined by "and" or "&" to such a name or to a person of `kept`;
 * never inside a span of `kept` (the tagger's and cuedNames').
 */
export function hyphenatedNames(tokens: readonly Token[], labels: readonly string[], kept: readonly PiiSpan[] = []): PiiSpan[] {
  const found: [number, number][] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    const head = tokens[i]!.text;
    const c0 = head.charCodeAt(0);
    if ((c0 < 128 && (c0 < 65 || c0 > 90)) || tokens[i + 1]!.text !== '-' || !HYPHENATED_NAME.test(head)) continue;
    const tail = tokens[i + 2]!.text;
    if (tokens[i + 1]!.gap !== '' || tokens[i + 2]!.gap !== '' || !/^\p{Ll}{2,5}$/u.test(tail) || NOT_HYPHENATED_NAMES.has(`${head.toLowerCase()}-${tail}`)) continue;
    if (labels[i] !== 'O' || labels[i + 1] !== 'O' || labels[i + 2] !== 'O' || /^[\p{L}\p{N}-]/u.test(tokens[i + 3]?.gap === '' ? tokens[i + 3]!.text : '')) continue;
    if (kept.some((span) => span.start < tokens[i + 2]!.end && tokens[i]!.start < span.end)) continue;
    found.push([i, i + 2]);
  }
  if (!found.length) return [];
  const people = kept.filter((span) => span.type === 'PERSON');
  const starts = new Set(found.map(([from]) => from));
  const ends = new Set(found.map(([, to]) => to));
  const and = (j: number): boolean => tokens[j]?.text === 'and' || tokens[j]?.text === '&';
  const person = (j: number): boolean => {
    const token = tokens[j];
    return token !== undefined && people.some((span) => span.start <= token.start && token.end <= span.end);
  };
  const out: PiiSpan[] = [];
  for (const [from, to] of found) {
    const next = tokens[to + 1]?.text ?? '';
    const before = tokens[from - 1]?.text.toLowerCase() ?? '';
    const cued = PERSON_VERBS.has(next) || ((next === 'is' || next === 'was') && PERSON_STATES.has(tokens[to + 2]?.text ?? ''))
      || MEETING_CUES.has(before) || KIN_CUES.has(before)
      || (and(to + 1) && (starts.has(to + 2) || person(to + 2))) || (and(from - 1) && (ends.has(from - 2) || person(from - 2)));
    if (!cued) continue;
    const text = tokens.slice(from, to + 1).map((t) => t.text).join('');
    out.push({ type: 'PERSON', start: tokens[from]!.start, end: tokens[to]!.end, text, confidence: 0.6, source: 'rule:hyphenated-name' });
  }
  return out;
}
