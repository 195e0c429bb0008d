/** Number of hashed feature buckets (2^16); the trained weights have exactly this many entries. */
export const FEATURE_DIM = 1 << 16;

/** FNV-1a 32-bit hash of a string. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A sparse feature vector: bucket indices with their (L2-normalised) values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

const MAX_CHARS = 6000;

/**
 * Turns a (normalised) text into hashed features: lower-cased word unigrams and bigrams, character
 * 3–5-grams inside words, a few shape markers (length, line count) and caller-given markers (the names of
 * the rules that matched), hashed into `dim` buckets. Shared by training and inference.
 */
export function featurize(text: string, markers: readonly string[] = [], dim = FEATURE_DIM): SparseVector {
  const counts = new Map<number, number>();
  const add = (f: string): void => {
    const idx = fnv1a(f) % dim;
    counts.set(idx, (counts.get(idx) ?? 0) + 1);
  };
  const clipped = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const lower = clipped.toLowerCase();
  const words = lower.match(/[\p{L}\p{N}']+|[^\s\p{L}\p{N}]/gu) ?? [];
  let prev = '<s>';
  for (const w of words) {
    add(`w:${w}`);
    add(`b:${prev} ${w}`);
    prev = w;
    if (w.length >= 3 && /\p{L}/u.test(w)) {
      const padded = ` ${w} `;
      for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= padded.length; i++) add(`c:${padded.slice(i, i + n)}`);
    }
  }
  add(`b:${prev} </s>`);
  add(`len:${Math.min(12, Math.floor(Math.log2(1 + clipped.length)))}`);
  add(`lines:${Math.min(6, clipped.split('\n').length)}`);
  // Markers (rule hits) weigh as much as a handful of n-grams so the model can learn how far to trust them.
  for (const m of markers) for (let i = 0; i < 8; i++) add(`m:${m}`);
  const indices = Int32Array.from(counts.keys());
  const values = new Float32Array(indices.length);
  let norm = 0;
  indices.forEach((idx, i) => {
    const v = 1 + Math.log(counts.get(idx) ?? 1);
    values[i] = v;
    norm += v * v;
  });
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < values.length; i++) values[i]! /= norm;
  return { indices, values };
}
