import { gazetteer } from './gazetteer.js';
import { SCORED_ROLE_GROUPS, type CompiledTagger } from './tagger-compiled.js';
import { affixValue, hasAffixes, PAD, wordInfo, type TokenInfo } from './tagger-features.js';
import { VectorSlab } from './vector-slab.js';

/** The token offsets at which a word's own value (word, shape, gazetteer class) is a feature. */
export const WORD_OFFSETS: readonly number[] = [0, -1, 1, -2, 2, -3];

/**
 * What one word brings to the static scores wherever it stands, for one compiled tagger: its info, the
 * summed weights of its word, shape and gazetteer roles per offset (the affixes and the untagged
 * `t-1|w=`/`t-1|s=` go with offset 0), and the pair tables in which it is the first value.
 */
export interface WordEntry {
  info: TokenInfo;
  /**
   * Row k (L columns) sums the roles looking at offset WORD_OFFSETS[k] from the token scored (zero when none); row 0
   * is read from `own`. A word the tagger has no word weights for (most words met once) shares the rows of its shape
   * and gazetteer class (never written to); a word it has weights for has rows of its own.
   */
  sums: Float64Array;
  /** Row 0 of the sums, affixes included: the class's row (a view) when the word adds nothing to it. */
  own: Float64Array;
  /** What the entry has of its own: nothing ({@link OWNS_NOTHING}), row 0 ({@link OWNS_FIRST}) or every row ({@link OWNS_ROWS}). */
  owns: number;
  /** Per pair group (words, shapes): the second value → weights table of this word as the first value, if any. */
  pairFirst: (Map<string, Float32Array> | undefined)[];
}

const OWNS_NOTHING = 0;
const OWNS_FIRST = 1;
const OWNS_ROWS = 2;

/**
 * Words remembered per generation: when the young generation is full it becomes the old one (the previous
 * old one is dropped) and words met again are moved back, so at most twice this many words are kept and the words
 * a journal keeps using stay: at most ~36 MB, if every word had word weights (rows of its own: 6 × L float64, 1,104
 * bytes with the shipped tagger's 23 labels); a word without owns at most its row 0 (184 bytes), and of the 10,187
 * different words of the GoEmotions fixture 2,307 have word weights (about 13 MB for two full generations of such words).
 * 4,096 until the seventeenth session: on the benchmark's stream of different entries each entry then rebuilt 73 words
 * and moved 49 back from the old generation, against 59 and none with 16,384 (every word of the stream fits one
 * generation); detectPII took 0.93 of the time per entry, interleaved in one process.
 */
export const GENERATION = 16_384;

/**
 * The two generations of a tagger's word memo; the young generation's entries take their own sums from `sums` and
 * their own row 0 from `rows`.
 */
interface WordMemo {
  young: Map<string, WordEntry>;
  old: Map<string, WordEntry>;
  pad?: WordEntry;
  sums: VectorSlab;
  rows: VectorSlab;
}

const memos = new WeakMap<CompiledTagger, WordMemo>();

/** Adds the rows of group g's roles in `v` (row r = role r) into the offset rows of `sums`. */
function addGroup(sums: Float64Array, g: number, v: Float32Array, L: number): void {
  const roles = SCORED_ROLE_GROUPS[g]!;
  for (let r = 0; r < roles.length; r++) {
    const to = WORD_OFFSETS.indexOf(roles[r]![1]) * L;
    const from = r * L;
    for (let l = 0; l < L; l++) sums[to + l]! += v[from + l]!;
  }
}

/** Most (shape, gazetteer class) sums remembered per tagger (~4.5 MB); the memo starts over beyond this. */
const MAX_SHAPE_CLASSES = 4096;
/** The offset rows of a shape and gazetteer class, and a view of their row 0. */
interface ClassRows {
  rows: Float64Array;
  first: Float64Array;
}

/** Per tagger: shape → gazetteer class → the offset rows of both groups' roles, and how many pairs it holds. */
const shapeClassSums = new WeakMap<CompiledTagger, { byShape: Map<string, Map<string, ClassRows>>; size: number }>();

/** The offset rows of the shape and gazetteer-class roles of a word's info: few pairs, met by many words. */
function shapeClassRows(tagger: CompiledTagger, info: TokenInfo): ClassRows {
  let memo = shapeClassSums.get(tagger);
  if (!memo || memo.size >= MAX_SHAPE_CLASSES) shapeClassSums.set(tagger, (memo = { byShape: new Map(), size: 0 }));
  let byClass = memo.byShape.get(info.shape);
  if (!byClass) memo.byShape.set(info.shape, (byClass = new Map()));
  let found = byClass.get(info.gaz);
  if (!found) {
    const rows = new Float64Array(WORD_OFFSETS.length * tagger.L);
    const shape = tagger.roles[1]!.get(info.shape);
    if (shape) addGroup(rows, 1, shape, tagger.L);
    const gaz = tagger.roles[2]!.get(info.gaz);
    if (gaz) addGroup(rows, 2, gaz, tagger.L);
    byClass.set(info.gaz, (found = { rows, first: rows.subarray(0, tagger.L) }));
    memo.size++;
  }
  return found;
}

/**
 * Builds a word's entry: its shape's and gazetteer class's rows, its word's and its affixes' (sums of a quantised
 * model's weights are exact in any order: see tagger-scores.ts). Rows of its own come from `memo` (or new arrays
 * without one) only where the word adds weights to its class's.
 */
function buildEntry(tagger: CompiledTagger, info: TokenInfo, affixed: boolean, memo?: WordMemo): WordEntry {
  const L = tagger.L;
  const shared = shapeClassRows(tagger, info);
  const word = tagger.roles[0]!.get(info.lower);
  let sums = shared.rows;
  let own = shared.first;
  let owns = OWNS_NOTHING;
  if (word) {
    owns = OWNS_ROWS;
    sums = memo ? memo.sums.take() : new Float64Array(WORD_OFFSETS.length * L);
    sums.set(shared.rows);
    addGroup(sums, 0, word, L);
    own = sums.subarray(0, L);
  }
  // The affixes score the word itself (offset 0, row 0).
  for (let k = 0; affixed && k < tagger.affixes.length; k++) {
    const v = tagger.affixes[k]!.get(affixValue(info.lower, k));
    if (!v) continue;
    if (owns === OWNS_NOTHING) {
      own = memo ? memo.rows.take() : new Float64Array(L);
      own.set(shared.first);
      owns = OWNS_FIRST;
    }
    for (let l = 0; l < L; l++) own[l]! += v[l]!;
  }
  const pairFirst = [tagger.pairs[0]!.get(info.lower), tagger.pairs[1]!.get(info.shape)];
  return { info, sums, own, owns, pairFirst };
}

/** An old generation's entry for the young one: what it owns copied into the young generation's buffers. */
function moved(memo: WordMemo, old: WordEntry, L: number): WordEntry {
  if (old.owns === OWNS_ROWS) {
    const sums = memo.sums.take();
    sums.set(old.sums);
    return { info: old.info, sums, own: sums.subarray(0, L), owns: OWNS_ROWS, pairFirst: old.pairFirst };
  }
  if (old.owns === OWNS_FIRST) {
    const own = memo.rows.take();
    own.set(old.own);
    return { info: old.info, sums: old.sums, own, owns: OWNS_FIRST, pairFirst: old.pairFirst };
  }
  return old;
}

/** The entry of the padding beyond either end of a text. */
export function padEntry(tagger: CompiledTagger): WordEntry {
  const memo = memoOf(tagger);
  memo.pad ??= buildEntry(tagger, PAD, false);
  return memo.pad;
}

function memoOf(tagger: CompiledTagger): WordMemo {
  let memo = memos.get(tagger);
  if (!memo) memos.set(tagger, (memo = { young: new Map(), old: new Map(), sums: new VectorSlab(WORD_OFFSETS.length * tagger.L), rows: new VectorSlab(tagger.L) }));
  return memo;
}

/**
 * The entry of every token's word (by its text), remembered per tagger across texts (two generations of
 * {@link GENERATION} words): none of it depends on where the word stands.
 */
export function wordEntries(tagger: CompiledTagger, words: readonly string[]): WordEntry[] {
  const memo = memoOf(tagger);
  const gaz = gazetteer();
  const out = new Array<WordEntry>(words.length);
  for (let i = 0; i < words.length; i++) {
    const text = words[i]!;
    let e = memo.young.get(text);
    if (!e) {
      if (memo.young.size >= GENERATION) {
        // The young generation becomes the old one and keeps its buffers; the new one starts its own.
        memo.old = memo.young;
        memo.young = new Map();
        memo.sums = new VectorSlab(WORD_OFFSETS.length * tagger.L);
        memo.rows = new VectorSlab(tagger.L);
      }
      const old = memo.old.get(text);
      if (old) {
        // Moved back with a copy of its own rows, so that no young entry keeps an old generation's buffer alive.
        e = moved(memo, old, tagger.L);
      } else {
        e = buildEntry(tagger, wordInfo(text, gaz), hasAffixes(text), memo);
      }
      memo.young.set(text, e);
    }
    out[i] = e;
  }
  return out;
}
