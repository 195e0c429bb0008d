import { lowerBound } from '../lower-bound.js';
import { NON_ASCII } from './payload-text.js';

/** Number of hashed feature buckets (2^16); the trained weights have exactly this many entries. */
export const FEATURE_DIM = 1 << 16;

/** The FNV-1a 32-bit offset basis: the hash of the empty string. */
export const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a 32-bit hash of a string. */
export function fnv1a(s: string): number {
  return fnv1aFrom(FNV_OFFSET, s);
}

/**
 * FNV-1a of a string (or of its code units from `start` to `end`) continued from the hash of what came before
 * it: fnv1a(a + b) === fnv1aFrom(fnv1a(a), b), and fnv1a(s.slice(i, j)) === fnv1aFrom(FNV_OFFSET, s, i, j).
 */
export function fnv1aFrom(hash: number, s: string, start = 0, end = s.length): number {
  let h = hash;
  for (let i = start; i < end; i++) {
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

/** A word's own features (unigram and character 3–4-grams) hashed, and the bigram hash state after "b:<word> ". */
interface WordFeatures {
  hashes: Uint32Array;
  afterWord: number;
}

/** Memoised per word: diaries repeat words. */
const WORD_FEATURES = new Map<string, WordFeatures>();

function wordFeatures(w: string): WordFeatures {
  let f = WORD_FEATURES.get(w);
  if (f) return f;
  const feats = [`w:${w}`];
  if (w.length >= 3 && /\p{L}/u.test(w)) {
    const padded = ` ${w} `;
    for (let n = 3; n <= 4; n++) for (let i = 0; i + n <= padded.length; i++) feats.push(`c:${padded.slice(i, i + n)}`);
  }
  f = { hashes: Uint32Array.from(feats, fnv1a), afterWord: fnv1aFrom(fnv1aFrom(BIGRAM, w), ' ') };
  if (WORD_FEATURES.size >= 50_000) WORD_FEATURES.clear();
  WORD_FEATURES.set(w, f);
  return f;
}

const TOKEN = /[\p{L}\p{N}']+|[^\s\p{L}\p{N}]/gu;

/**
 * The tokens of a lower-cased text: runs of letters, digits and apostrophes, and every other non-space
 * character alone (`lower.match(TOKEN)`); an ASCII text is split by a loop over its code units.
 */
export function tokenize(lower: string): string[] {
  return splitTokens(lower);
}

/** {@link tokenize}, also writing each token's start and end offsets into `starts` and `ends` when given. */
function splitTokens(lower: string, starts?: number[], ends?: number[]): string[] {
  const out: string[] = [];
  if (NON_ASCII.test(lower)) {
    for (const m of lower.matchAll(TOKEN)) {
      out.push(m[0]);
      starts?.push(m.index);
      ends?.push(m.index + m[0].length);
    }
    return out;
  }
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    // Past the end, a space closes the last run.
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 39) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      out.push(lower.slice(start, i));
      starts?.push(start);
      ends?.push(i);
    }
    start = -1;
    if (c !== 32 && (c < 9 || c > 13)) {
      out.push(lower[i]!);
      starts?.push(i);
      ends?.push(i + 1);
    }
  }
  return out;
}

/** `1 + Math.log(c)` for the small counts nearly every bucket has, computed once by the same expression. */
const LOG_TABLE_SIZE = 256;
const ONE_PLUS_LOG = Float64Array.from({ length: LOG_TABLE_SIZE }, (_, c) => 1 + Math.log(c));

/** Hashes of marker features ("m:<marker>"), memoised: the same few dozen markers recur. */
const MARKER_HASHES = new Map<string, number>();

/** Buckets touched by the featurize call in progress, in first-touch order (grown on demand). */
let TOUCHED = new Int32Array(1024);
let touchedCount = 0;

/**
 * Counts `hash` in its bucket. `mask` is dim - 1 when dim is a power of two (then `hash & mask` is `hash % dim`
 * for an unsigned 32-bit hash, without the floating-point remainder a hash above 2^31 would take), else -1.
 */
function addHash(counts: Uint16Array, dim: number, mask: number, hash: number): void {
  const idx = mask >= 0 ? hash & mask : hash % dim;
  if (counts[idx] === 0) {
    if (touchedCount === TOUCHED.length) {
      const grown = new Int32Array(TOUCHED.length * 2);
      grown.set(TOUCHED);
      TOUCHED = grown;
    }
    TOUCHED[touchedCount++] = idx;
  }
  counts[idx]!++;
}

/** Number of lines: `text.split('\n').length`. */
function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * How many times the main injection model counts each word bigram: phrases ("forget everything about
 * work") then weigh more against the character n-grams of their trigger words, which cross-validation
 * preferred (higher recall, fewer ordinary diary lines flagged) to counting them once.
 */
export const MAIN_BIGRAM_COUNT = 2;

/** The bigram hash state before a text's first word ("b:<s> "). */
const START = fnv1aFrom(BIGRAM, '<s> ');

/** Starts counting a text's features into SCRATCH (first-touch order in TOUCHED); the bucket mask for `dim`. */
function beginCount(dim: number): number {
  if (SCRATCH.length < dim) SCRATCH = new Uint16Array(dim);
  touchedCount = 0;
  return (dim & (dim - 1)) === 0 && dim > 0 ? dim - 1 : -1;
}

/** Counts one word's own features and its bigram (`bigramCount` times). */
function countWord(f: WordFeatures, bigram: number, dim: number, mask: number, bigramCount: number): void {
  const counts = SCRATCH;
  const hashes = f.hashes;
  for (let i = 0; i < hashes.length; i++) addHash(counts, dim, mask, hashes[i]!);
  for (let r = 0; r < bigramCount; r++) addHash(counts, dim, mask, bigram);
}

/** Hashes of "len:<v>" (v 0..12) and "lines:<v>" (v 0..6), the same strings countFeatures hashed one by one. */
const LEN_HASHES = Array.from({ length: 13 }, (_, v) => fnv1a(`len:${v}`));
const LINES_HASHES = Array.from({ length: 7 }, (_, v) => fnv1a(`lines:${v}`));

/**
 * Counts what follows the words: the end bigram, the text's length and line count (of the clipped text) and
 * the markers (rule hits), which weigh as much as a handful of n-grams so the model can learn how far to trust them.
 */
function countTail(afterPrev: number, length: number, lines: number, markers: readonly string[], dim: number, mask: number): number {
  const counts = SCRATCH;
  addHash(counts, dim, mask, fnv1aFrom(afterPrev, '</s>'));
  addHash(counts, dim, mask, LEN_HASHES[Math.min(12, Math.floor(Math.log2(1 + length)))]!);
  addHash(counts, dim, mask, LINES_HASHES[Math.min(6, lines)]!);
  for (const m of markers) {
    let hash = MARKER_HASHES.get(m);
    if (hash === undefined) {
      hash = fnv1a(`m:${m}`);
      if (MARKER_HASHES.size >= 10_000) MARKER_HASHES.clear();
      MARKER_HASHES.set(m, hash);
    }
    for (let i = 0; i < 8; i++) addHash(counts, dim, mask, hash);
  }
  return touchedCount;
}

/**
 * Counts the hashed features of `text` into SCRATCH (first-touch order in TOUCHED); returns how many buckets
 * were touched. The caller reads them and must zero SCRATCH at those buckets.
 */
function countFeatures(text: string, markers: readonly string[], dim: number, bigramCount: number): number {
  const mask = beginCount(dim);
  const clipped = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const words = tokenize(clipped.toLowerCase());
  // The bigram "b:<prev> <w>" is hashed from the state after "b:<prev> ", without building the string.
  let afterPrev = START;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    const f = wordFeatures(w);
    countWord(f, fnv1aFrom(afterPrev, w), dim, mask, bigramCount);
    afterPrev = f.afterWord;
  }
  return countTail(afterPrev, clipped.length, lineCount(clipped), markers, dim, mask);
}

/**
 * A text's tokens read once, with their offsets, features and bigrams, so that stretches of it (a document's
 * windows and sentences) are scored without lower-casing, tokenizing and looking their words up again
 * ({@link linearScoreIn}).
 */
export interface TextTokens {
  text: string;
  /** Where each token starts and ends in `text`. */
  starts: Int32Array;
  ends: Int32Array;
  words: string[];
  features: WordFeatures[];
  /** Token k's bigram hash after token k - 1 (0 for the first). */
  bigrams: Uint32Array;
  /** Offsets of the line breaks of `text`, in order. */
  breaks: Int32Array;
}

/** Greek capital sigma, whose lower case depends on the letters around it (final or not). */
const SIGMA = 'Σ';

/**
 * The tokens of `text` as tokenize(text.toLowerCase()) gives them, with offsets; undefined when lower-casing
 * does not keep every character in place (it changes the length, or the text holds a capital sigma, whose
 * lower case depends on what follows), so that a stretch's own lower case and tokens could differ.
 */
export function textTokens(text: string): TextTokens | undefined {
  const lower = text.toLowerCase();
  if (lower.length !== text.length || text.includes(SIGMA)) return undefined;
  const starts: number[] = [];
  const ends: number[] = [];
  const words = splitTokens(lower, starts, ends);
  const features = words.map(wordFeatures);
  const bigrams = new Uint32Array(words.length);
  for (let k = 1; k < words.length; k++) bigrams[k] = fnv1aFrom(features[k - 1]!.afterWord, words[k]!);
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) breaks.push(i);
  return { text, starts: Int32Array.from(starts), ends: Int32Array.from(ends), words, features, bigrams, breaks: Int32Array.from(breaks) };
}

/**
 * Counts the features of text.slice(start, end) from the text's tokens, as countFeatures would count them;
 * -1 when a token runs across either end or the stretch is longer than countFeatures reads (then the caller
 * counts the stretch itself).
 */
function countRange(tokens: TextTokens, start: number, end: number, markers: readonly string[], dim: number, bigramCount: number): number {
  if (end - start > MAX_CHARS) return -1;
  const first = lowerBound(tokens.starts, start);
  const last = lowerBound(tokens.starts, end);
  if ((first > 0 && tokens.ends[first - 1]! > start) || (last > first && tokens.ends[last - 1]! > end)) return -1;
  const mask = beginCount(dim);
  let afterPrev = START;
  for (let k = first; k < last; k++) {
    const f = tokens.features[k]!;
    countWord(f, k === first ? fnv1aFrom(START, tokens.words[k]!) : tokens.bigrams[k]!, dim, mask, bigramCount);
    afterPrev = f.afterWord;
  }
  const lines = 1 + lowerBound(tokens.breaks, end) - lowerBound(tokens.breaks, start);
  return countTail(afterPrev, end - start, lines, markers, dim, mask);
}

/** `1 + log(count)` of a bucket's count, the feature's value before normalisation. */
function rawValue(count: number): number {
  return count < LOG_TABLE_SIZE ? ONE_PLUS_LOG[count]! : 1 + Math.log(count);
}

/**
 * Turns a (normalised) text into hashed features: lower-cased word unigrams and bigrams (each bigram
 * counted `bigramCount` times), character 3–4-grams inside words, a few shape markers (length, line count)
 * and caller-given markers (the names of the rules that matched), hashed into `dim` buckets. Shared by
 * training and inference.
 */
export function featurize(text: string, markers: readonly string[] = [], dim = FEATURE_DIM, bigramCount = 1): SparseVector {
  const n = countFeatures(text, markers, dim, bigramCount);
  const counts = SCRATCH;
  const indices = TOUCHED.slice(0, n);
  const values = new Float32Array(n);
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const idx = indices[i]!;
    const v = rawValue(counts[idx]!);
    counts[idx] = 0;
    values[i] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < n; i++) values[i]! /= norm;
  return { indices, values };
}

/**
 * `bias` plus the dot product of `weights` with featurize(text, markers, dim, bigramCount): the same
 * single-precision values summed in the same order, without building the vector.
 */
export function linearScore(text: string, markers: readonly string[], dim: number, bigramCount: number, weights: Float32Array, bias: number): number {
  return scoreCounted(countFeatures(text, markers, dim, bigramCount), weights, bias);
}

/** The logistic function: the probability a linear model's score `z` stands for. */
export function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * linearScore(tokens.text.slice(start, end), ...) from the text's tokens ({@link textTokens}): the same value to
 * the last bit, without reading the stretch again (tests/security/detectors/injection-featurize.test.ts).
 */
export function linearScoreIn(tokens: TextTokens, start: number, end: number, markers: readonly string[], dim: number, bigramCount: number, weights: Float32Array, bias: number): number {
  const n = countRange(tokens, start, end, markers, dim, bigramCount);
  return n === -1 ? linearScore(tokens.text.slice(start, end), markers, dim, bigramCount, weights, bias) : scoreCounted(n, weights, bias);
}

/** `bias` plus the dot product of `weights` with the `n` counted buckets' normalised values; zeroes SCRATCH there. */
function scoreCounted(n: number, weights: Float32Array, bias: number): number {
  const counts = SCRATCH;
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const v = rawValue(counts[TOUCHED[i]!]!);
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  let z = bias;
  for (let i = 0; i < n; i++) {
    const idx = TOUCHED[i]!;
    const value = Math.fround(Math.fround(rawValue(counts[idx]!)) / norm);
    counts[idx] = 0;
    z += (weights[idx] ?? 0) * value;
  }
  return z;
}
