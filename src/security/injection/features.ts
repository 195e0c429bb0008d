/** Number of hashed feature buckets (2^16); the trained weights have exactly this many entries. */
export const FEATURE_DIM = 1 << 16;

/** FNV-1a 32-bit hash of a string. */
export function fnv1a(s: string): number {
  return fnv1aFrom(0x811c9dc5, s);
}

/** FNV-1a of a string continued from the hash of what came before it: fnv1a(a + b) === fnv1aFrom(fnv1a(a), b). */
export function fnv1aFrom(hash: number, s: string): number {
  let h = hash;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The hash state after "b:", where every word bigram feature ("b:<previous> <word>") starts. */
const BIGRAM = fnv1a('b:');

/** A sparse feature vector: bucket indices with their (L2-normalised) values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

const MAX_CHARS = 6000;

/** Per-bucket counts reused across calls (zeroed again before each call returns). */
let SCRATCH = new Uint16Array(FEATURE_DIM);

/** Raw hashes of a word's own features (unigram and character 3–4-grams), memoised: diaries repeat words. */
const WORD_HASHES = new Map<string, Uint32Array>();

function wordHashes(w: string): Uint32Array {
  let h = WORD_HASHES.get(w);
  if (h) return h;
  const feats = [`w:${w}`];
  if (w.length >= 3 && /\p{L}/u.test(w)) {
    const padded = ` ${w} `;
    for (let n = 3; n <= 4; n++) for (let i = 0; i + n <= padded.length; i++) feats.push(`c:${padded.slice(i, i + n)}`);
  }
  h = Uint32Array.from(feats, fnv1a);
  if (WORD_HASHES.size >= 50_000) WORD_HASHES.clear();
  WORD_HASHES.set(w, h);
  return h;
}

/**
 * How many times the main injection model counts each word bigram: phrases ("forget everything about
 * work") then weigh more against the character n-grams of their trigger words, which cross-validation
 * preferred (higher recall, fewer ordinary diary lines flagged) to counting them once.
 */
export const MAIN_BIGRAM_COUNT = 2;

/**
 * Turns a (normalised) text into hashed features: lower-cased word unigrams and bigrams (each bigram
 * counted `bigramCount` times), character 3–4-grams inside words, a few shape markers (length, line count)
 * and caller-given markers (the names of the rules that matched), hashed into `dim` buckets. Shared by
 * training and inference.
 */
export function featurize(text: string, markers: readonly string[] = [], dim = FEATURE_DIM, bigramCount = 1): SparseVector {
  if (SCRATCH.length < dim) SCRATCH = new Uint16Array(dim);
  const counts = SCRATCH;
  const touched: number[] = [];
  const addHash = (hash: number): void => {
    const idx = hash % dim;
    if (counts[idx] === 0) touched.push(idx);
    counts[idx]!++;
  };
  const add = (f: string): void => addHash(fnv1a(f));
  const clipped = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const lower = clipped.toLowerCase();
  const words = lower.match(/[\p{L}\p{N}']+|[^\s\p{L}\p{N}]/gu) ?? [];
  // The bigram "b:<prev> <w>" is hashed from the state after "b:<prev> ", without building the string.
  let afterPrev = fnv1aFrom(BIGRAM, '<s> ');
  for (const w of words) {
    for (const hash of wordHashes(w)) addHash(hash);
    const bigram = fnv1aFrom(afterPrev, w);
    for (let r = 0; r < bigramCount; r++) addHash(bigram);
    afterPrev = fnv1aFrom(fnv1aFrom(BIGRAM, w), ' ');
  }
  addHash(fnv1aFrom(afterPrev, '</s>'));
  add(`len:${Math.min(12, Math.floor(Math.log2(1 + clipped.length)))}`);
  add(`lines:${Math.min(6, clipped.split('\n').length)}`);
  // Markers (rule hits) weigh as much as a handful of n-grams so the model can learn how far to trust them.
  for (const m of markers) {
    const hash = fnv1a(`m:${m}`);
    for (let i = 0; i < 8; i++) addHash(hash);
  }
  const indices = Int32Array.from(touched);
  const values = new Float32Array(indices.length);
  let norm = 0;
  touched.forEach((idx, i) => {
    const v = 1 + Math.log(counts[idx]!);
    counts[idx] = 0;
    values[i] = v;
    norm += v * v;
  });
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < values.length; i++) values[i]! /= norm;
  return { indices, values };
}
