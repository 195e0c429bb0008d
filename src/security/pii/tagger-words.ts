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
  /** Row k (L columns) sums the roles looking at offset WORD_OFFSETS[k] from the token scored (zero when none). */
  sums: Float64Array;
  /** Per pair group (words, shapes): the second value → weights table of this word as the first value, if any. */
  pairFirst: (Map<string, Float32Array> | undefined)[];
}

/**
 * Words remembered per generation: when the young generation is full it becomes the old one (the previous
 * old one is dropped) and words met again are moved back, so at most twice this many words are kept
 * (~11 MB) and the words a journal keeps using stay.
 */
const GENERATION = 4096;

/** The two generations of a tagger's word memo; the young generation's entries take their sums from `sums`. */
interface WordMemo {
  young: Map<string, WordEntry>;
  old: Map<string, WordEntry>;
  pad?: WordEntry;
  sums: VectorSlab;
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
/** Per tagger: shape → gazetteer class → the offset rows of both groups' roles, and how many pairs it holds. */
const shapeClassSums = new WeakMap<CompiledTagger, { byShape: Map<string, Map<string, Float64Array>>; size: number }>();

/** The offset rows of the shape and gazetteer-class roles of a word's info: few pairs, met by many words. */
function shapeClassRows(tagger: CompiledTagger, info: TokenInfo): Float64Array {
  let memo = shapeClassSums.get(tagger);
  if (!memo || memo.size >= MAX_SHAPE_CLASSES) shapeClassSums.set(tagger, (memo = { byShape: new Map(), size: 0 }));
  let byClass = memo.byShape.get(info.shape);
  if (!byClass) memo.byShape.set(info.shape, (byClass = new Map()));
  let rows = byClass.get(info.gaz);
  if (!rows) {
    rows = new Float64Array(WORD_OFFSETS.length * tagger.L);
    const shape = tagger.roles[1]!.get(info.shape);
    if (shape) addGroup(rows, 1, shape, tagger.L);
    const gaz = tagger.roles[2]!.get(info.gaz);
    if (gaz) addGroup(rows, 2, gaz, tagger.L);
    byClass.set(info.gaz, rows);
    memo.size++;
  }
  return rows;
}

/**
 * Builds a word's entry: its shape's and gazetteer class's rows, its word's and its affixes' (sums of a quantised
 * model's weights are exact in any order: see tagger-scores.ts).
 */
function buildEntry(tagger: CompiledTagger, info: TokenInfo, affixed: boolean, sums: Float64Array): WordEntry {
  const L = tagger.L;
  sums.set(shapeClassRows(tagger, info));
  const word = tagger.roles[0]!.get(info.lower);
  if (word) addGroup(sums, 0, word, L);
  // The affixes score the word itself (offset 0, row 0).
  for (let k = 0; affixed && k < tagger.affixes.length; k++) {
    const v = tagger.affixes[k]!.get(affixValue(info.lower, k));
    if (v) for (let l = 0; l < L; l++) sums[l]! += v[l]!;
  }
  const pairFirst = [tagger.pairs[0]!.get(info.lower), tagger.pairs[1]!.get(info.shape)];
  return { info, sums, pairFirst };
}

/** The entry of the padding beyond either end of a text. */
export function padEntry(tagger: CompiledTagger): WordEntry {
  const memo = memoOf(tagger);
  memo.pad ??= buildEntry(tagger, PAD, false, new Float64Array(WORD_OFFSETS.length * tagger.L));
  return memo.pad;
}

function memoOf(tagger: CompiledTagger): WordMemo {
  let memo = memos.get(tagger);
  if (!memo) memos.set(tagger, (memo = { young: new Map(), old: new Map(), sums: new VectorSlab(WORD_OFFSETS.length * tagger.L) }));
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
      }
      const old = memo.old.get(text);
      if (old) {
        // Moved back with a copy of its sums, so that no young entry keeps an old generation's buffer alive.
        const sums = memo.sums.take();
        sums.set(old.sums);
        e = { info: old.info, sums, pairFirst: old.pairFirst };
      } else {
        const info = wordInfo(text, gaz);
        e = buildEntry(tagger, info, hasAffixes(text), memo.sums.take());
      }
      memo.young.set(text, e);
    }
    out[i] = e;
  }
  return out;
}
