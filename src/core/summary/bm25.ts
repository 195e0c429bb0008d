import type { Entry } from '../entry.js';

/** A retrieved entry and its BM25 score. */
export interface RankedEntry {
  id: string;
  score: number;
}

/** A BM25 index over entries, for `companion ask` when the provider has no embeddings. */
export interface Bm25Index {
  /** The `k` best entries for the query, best first; entries sharing no term with it are left out. */
  rank(query: string, k: number): RankedEntry[];
}

const STOPWORDS = new Set(('a an and are as at be but by did do does for from had has have he her him his how i if in into is it its ' +
  'me my not of on or our she so that the their them then there they this to was we were what when where which who why will with ' +
  'you your about after again all am been before being can could just more most much over should some such than too very would').split(' '));

/** Lower-cased word terms of a text without stopwords, with a light plural/possessive fold. */
export function bm25Terms(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
  return words
    .map((w) => w.replace(/['’]s$/, ''))
    .filter((w) => w.length > 1 && !STOPWORDS.has(w))
    .map((w) => (w.length > 4 && w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/** Build a BM25 (k1 = 1.2, b = 0.75) index over the texts of the entries. */
export function buildBm25(entries: readonly Pick<Entry, 'id' | 'text'>[], k1 = 1.2, b = 0.75): Bm25Index {
  const docs = entries.map((e) => {
    const counts = new Map<string, number>();
    const terms = bm25Terms(e.text);
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    return { id: e.id, counts, length: terms.length };
  });
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.counts.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const averageLength = docs.reduce((s, d) => s + d.length, 0) / Math.max(1, docs.length);
  const idf = (t: string) => {
    const n = df.get(t) ?? 0;
    return Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
  };
  return {
    rank(query: string, k: number): RankedEntry[] {
      const terms = [...new Set(bm25Terms(query))];
      const scored: RankedEntry[] = [];
      for (const d of docs) {
        let score = 0;
        for (const t of terms) {
          const tf = d.counts.get(t) ?? 0;
          if (tf === 0) continue;
          score += (idf(t) * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * d.length) / (averageLength || 1)));
        }
        if (score > 0) scored.push({ id: d.id, score: Math.round(score * 1000) / 1000 });
      }
      return scored.sort((x, y) => y.score - x.score || x.id.localeCompare(y.id)).slice(0, Math.max(0, k));
    },
  };
}
