import { gazetteer } from './gazetteer.js';
import { SCORED_ROLE_GROUPS, type CompiledTagger } from './tagger-compiled.js';
import { affixFeatures, PAD, wordInfo, type TokenInfo } from './tagger-features.js';
import { addScores } from './tagger-model.js';
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

/** The role value of group g (0 word, 1 shape, 2 gazetteer class) in a token's info. */
function valueOf(g: number, info: TokenInfo): string {
  return g === 0 ? info.lower : g === 1 ? info.shape : info.gaz;
}

/** Builds a word's entry (sums of a quantised model's weights are exact in any order: see tagger-scores.ts). */
function buildEntry(tagger: CompiledTagger, info: TokenInfo, affixes: readonly string[], sums: Float64Array): WordEntry {
  const L = tagger.L;
  for (let g = 0; g < 3; g++) {
    const v = tagger.roles[g]!.get(valueOf(g, info));
    if (!v) continue;
    const roles = SCORED_ROLE_GROUPS[g]!;
    for (let r = 0; r < roles.length; r++) {
      const k = WORD_OFFSETS.indexOf(roles[r]![1]);
      const from = r * L;
      for (let l = 0; l < L; l++) sums[k * L + l]! += v[from + l]!;
    }
  }
  addScores(tagger.model, affixes, sums.subarray(0, L));
  const pairFirst = [tagger.pairs[0]!.get(info.lower), tagger.pairs[1]!.get(info.shape)];
  return { info, sums, pairFirst };
}

/** The entry of the padding beyond either end of a text. */
export function padEntry(tagger: CompiledTagger): WordEntry {
  const memo = memoOf(tagger);
  memo.pad ??= buildEntry(tagger, PAD, [], new Float64Array(WORD_OFFSETS.length * tagger.L));
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
        e = buildEntry(tagger, info, affixFeatures(text, info.lower), memo.sums.take());
      }
      memo.young.set(text, e);
    }
    out[i] = e;
  }
  return out;
}
