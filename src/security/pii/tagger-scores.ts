import { BIGRAM_ROLES, compileTagger, PAIR_GROUPS, SCORED_ROLE_GROUPS, type CompiledTagger } from './tagger-compiled.js';
import { gapFeatures, lineContext, lineShapeFeatures, textFeatures, type LineContext } from './tagger-features.js';
import { layoutFeaturesOf, layoutOf, layoutParts, type LayoutParts } from './tagger-layout.js';
import { addScores, type TaggerModel } from './tagger-model.js';
import { padEntry, WORD_OFFSETS, wordEntries, type WordEntry } from './tagger-words.js';
import { VectorSlab } from './vector-slab.js';
import type { Token } from './tokenize.js';

/**
 * Static scores of every token (row i = token i, one column per label): the weights of its
 * tag-independent features plus `t-1|w=` and `t-1|s=` (which carry no tag); and what tagging needs of the text.
 */
export interface StaticScores {
  /** Valid until the next call of {@link staticScores}, which reuses its buffer. */
  scores: Float64Array;
  words: string[];
  shapes: string[];
  /** Cue words present in the text (tagger-layout.ts). */
  cues: string[];
  /** A small integer per distinct shape of the text, for every token. */
  shapeIds: Int32Array;
  /** Number of distinct shapes. */
  shapeCount: number;
}

/** The whitespace a token may have before it, by code; after the last token comes 'end' (code 3). */
const GAPS: readonly string[] = ['', ' ', '\n', 'end'];

/** Per compiled tagger, the summed gap features ({@link gapFeatures}) by (gap before × 4 + gap after) × 5 + line index. */
const gapSums = new WeakMap<CompiledTagger, Float64Array[]>();

/** A compiled tagger's table of summed gap features, filled as combinations are met. */
function gapTable(tagger: CompiledTagger): Float64Array[] {
  let table = gapSums.get(tagger);
  if (!table) gapSums.set(tagger, (table = []));
  return table;
}

/** The summed weights of the gap features for the codes of the whitespace around a token and its capped line index. */
function gapSum(tagger: CompiledTagger, table: Float64Array[], before: number, after: number, lineIndex: number): Float64Array {
  return (table[(before * 4 + after) * 5 + lineIndex] ??= sumWeights(tagger.model, gapFeatures([GAPS[before]!, GAPS[after]!], lineIndex)));
}

/** How far beyond either end of the text a role may look. */
const PADDING = 3;

/** The summed weights of some features (into a new vector of `into`, or a typed array of its own). */
function sumWeights(model: TaggerModel, features: readonly string[], into?: VectorSlab): Float64Array {
  const v = into ? into.take() : new Float64Array(model.labels.length);
  addScores(model, features, v);
  return v;
}

/** Index of the rule-tag role group in SCORED_ROLE_GROUPS. */
const RX_GROUP = 3;
/** The offset each rule-tag role reads (row r of a tag's table: RX_OFFSETS[r]). */
const RX_OFFSETS = SCORED_ROLE_GROUPS[RX_GROUP]!.map(([, offset]) => offset);
/** Per pair group, where each role's pair starts relative to the token it scores (row r: the pair at i + a). */
const [WORD_PAIR_AT, SHAPE_PAIR_AT] = PAIR_GROUPS.map((roles) => roles.map((k) => BIGRAM_ROLES[k]!.a)) as [number[], number[]];
// staticScores() sums a fixed number of rows per token: six word offsets, three rule-tag roles, three word-pair
// roles and two shape-pair roles. A change to the roles must change that sum too.
if (WORD_OFFSETS.length !== 6 || RX_OFFSETS.length !== 3 || WORD_PAIR_AT.length !== 3 || SHAPE_PAIR_AT.length !== 2) {
  throw new Error('tagger-scores.ts: the role layout changed; update staticScores()');
}

/** Most line sums remembered per tagger ({@link sharedLineSum}); the memo starts over beyond this. */
const MAX_LINE_SUMS = 8192;
const lineSums = new WeakMap<CompiledTagger, Map<string, Float64Array>>();

/**
 * The summed line-shape and layout features of token i, remembered per tagger across texts by what they are
 * built from (none of it holds a line break, so joining the parts with one is a key that tells them apart):
 * the same few dozen combinations come back in text after text.
 */
function sharedLineSum(compiled: CompiledTagger, ctx: LineContext, shape: string, parts: LayoutParts, i: number): Float64Array {
  let memo = lineSums.get(compiled);
  if (!memo || memo.size >= MAX_LINE_SUMS) lineSums.set(compiled, (memo = new Map()));
  const key = [ctx.lineFirst[i], ctx.prevLineFirst[i], ctx.lines, shape, parts.pos, parts.line, parts.lens, parts.header, parts.prevHeader, parts.prevRule, parts.prevShape].join('\n');
  let sum = memo.get(key);
  if (!sum) memo.set(key, (sum = sumWeights(compiled.model, [...lineShapeFeatures(ctx, shape, i), ...layoutFeaturesOf(parts, shape)])));
  return sum;
}

/**
 * The buffer the static scores are written in, reused from text to text (a new one of a ~120 KB for every text had
 * to be zeroed, and its pages faulted in, each time); grown when a text needs more.
 */
let scoreBuffer = new Float64Array(0);

/** Zero rows standing in for a missing role value: as long as the longest table of rows. */
const zeros = new WeakMap<CompiledTagger, Float32Array>();

/**
 * Sums the weights of every token's static features (the same sum as over staticFeatures() plus the
 * untagged `t-1|w=`/`t-1|s=`), from per-word sums remembered across texts (tagger-words.ts) and the
 * compiled tagger's tables: no feature string is built per token except the few line-structure keys,
 * cached per text. Each token's row is written once, as one sum of the rows that score it (its words' and
 * neighbours' rows, shape pairs, and one row per text for what its line, place in it, gaps and rule tags give, summed
 * once per combination): one store per label instead of one per row, which makes the sum several times faster than
 * adding row by row. The word pairs, which most adjacent words lack, are added after it where there is one.
 * Exactness: deserializeTagger's weights are int8 steps of one scale rounded to float32,
 * all integer multiples of the smallest one's float32 step and under 2^31 of them, so a float64 sum of
 * fewer than 2^22 of them is exact whatever the order of the additions: the scores equal the sums over
 * staticFeatures() bit for bit. (A model with arbitrary float weights may differ in the last bits.)
 */
export function staticScores(model: TaggerModel, tokens: readonly Token[], rx: readonly string[]): StaticScores {
  const compiled = compileTagger(model);
  const L = compiled.L;
  const n = tokens.length;
  const pad = padEntry(compiled);
  const entries = wordEntries(compiled, tokens.map((t) => t.text));
  const infos = entries.map((e) => e.info);
  const ctx = lineContext(tokens, infos);
  const layout = layoutOf(tokens, infos);
  const lines = new Map<number, Float64Array>();
  /** Per shape id: the text's first word's features with that shape. */
  const textSums: Float64Array[] = [];
  const vectors = new VectorSlab(L);
  if (scoreBuffer.length < n * L) scoreBuffer = new Float64Array(Math.max(n * L, 2 * scoreBuffer.length));
  // Every cell of it is written below before it is read.
  const scores = scoreBuffer.subarray(0, n * L);
  let zero = zeros.get(compiled);
  if (!zero) zeros.set(compiled, (zero = new Float32Array(WORD_OFFSETS.length * L)));
  const entryAt = (j: number): WordEntry => (j < 0 || j >= n ? pad : entries[j]!);
  const rxTable = compiled.roles[RX_GROUP]!;
  // Position j + PADDING: the rule tag's rows at j (row r scored by the token at j - offset of role r).
  const rxByPosition = new Array<Float32Array>(n + 2 * PADDING);
  for (let j = -PADDING; j < n + PADDING; j++) rxByPosition[j + PADDING] = rxTable.get(rx[j] ?? '<pad>') ?? zero;
  // Position j + 2: the rows of the word pair and of the shape pair at (j, j + 1), j from -2 (padding) to n - 1.
  const wordPairs = new Array<Float32Array>(n + 2);
  const shapePairs = new Array<Float32Array>(n + 2);
  for (let j = -2; j < n; j++) {
    const first = entryAt(j);
    const second = entryAt(j + 1).info;
    wordPairs[j + 2] = first.pairFirst[0]?.get(second.lower) ?? zero;
    shapePairs[j + 2] = first.pairFirst[1]?.get(second.shape) ?? zero;
  }
  const shapeIndex = new Map<string, number>();
  const shapeIds = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let id = shapeIndex.get(infos[i]!.shape);
    if (id === undefined) shapeIndex.set(infos[i]!.shape, (id = shapeIndex.size));
    shapeIds[i] = id;
  }
  const gaps = gapTable(compiled);
  const gapCodes = new Uint8Array(n + 1);
  for (let i = 0; i < n; i++) gapCodes[i] = GAPS.indexOf(tokens[i]!.gap);
  gapCodes[n] = 3;
  // Plain reads of the role layout (destructuring an array here made V8 leave this function's optimised code
  // on every call: a "wrong map" deoptimisation at the iterator).
  const o0 = WORD_OFFSETS[0]!, o1 = WORD_OFFSETS[1]!, o2 = WORD_OFFSETS[2]!, o3 = WORD_OFFSETS[3]!, o4 = WORD_OFFSETS[4]!, o5 = WORD_OFFSETS[5]!;
  const w1 = L, w2 = 2 * L, w3 = 3 * L, w4 = 4 * L, w5 = 5 * L;
  const y0 = RX_OFFSETS[0]! + PADDING, y1 = RX_OFFSETS[1]! + PADDING, y2 = RX_OFFSETS[2]! + PADDING;
  const p0 = WORD_PAIR_AT[0]! + 2, p1 = WORD_PAIR_AT[1]! + 2, p2 = WORD_PAIR_AT[2]! + 2;
  const q0 = SHAPE_PAIR_AT[0]! + 2, q1 = SHAPE_PAIR_AT[1]! + 2;
  const r1 = L, r2 = 2 * L;
  // Each distinct rule tag of the text gets a small id, so that the rule-tag rows of a token's three roles are part
  // of an integer key.
  const rxIds = new Int32Array(n + 2 * PADDING);
  const rxValues = new Map<string, number>();
  for (let j = -PADDING; j < n + PADDING; j++) {
    const value = rx[j] ?? '<pad>';
    let id = rxValues.get(value);
    if (id === undefined) rxValues.set(value, (id = rxValues.size));
    rxIds[j + PADDING] = id;
  }
  const R = rxValues.size;
  /**
   * Per line, the sum of the rows that depend only on a token's place in it, shape, gaps and rule tags (its three
   * rule-tag roles, gaps, line and layout): few combinations, met by most tokens of a line.
   */
  const contexts = new Map<number, Float64Array>();
  let contextLine = -1;
  for (let i = 0; i < n; i++) {
    const base = i * L;
    const a0 = entryAt(i + o0).own;
    const a1 = entryAt(i + o1).sums;
    const a2 = entryAt(i + o2).sums;
    const a3 = entryAt(i + o3).sums;
    const a4 = entryAt(i + o4).sums;
    const a5 = entryAt(i + o5).sums;
    const v0 = shapePairs[i + q0]!;
    const v1 = shapePairs[i + q1]!;
    // What the line and layout features depend on besides the line's own facts: the token's place in the
    // line (first, last, after a header) and its shape.
    const lineNo = layout.line[i]!;
    const line = layout.lines[lineNo]!;
    const position = (i === line.first ? 1 : 0) + (i === line.first + line.length - 1 ? 2 : 0) + (line.afterHeader !== -1 && i >= line.afterHeader ? 4 : 0);
    const key = (lineNo * 8 + position) * shapeIndex.size + shapeIds[i]!;
    const lineIndex = Math.min(ctx.lineIndex[i]!, 4);
    if (lineNo !== contextLine) {
      contexts.clear();
      contextLine = lineNo;
    }
    const contextKey = (((((position * shapeIndex.size + shapeIds[i]!) * 80 + (gapCodes[i]! * 4 + gapCodes[i + 1]!) * 5 + lineIndex) * R + rxIds[i + y0]!) * R + rxIds[i + y1]!) * R) + rxIds[i + y2]!;
    let cv = contexts.get(contextKey);
    if (!cv) {
      let lv = lines.get(key);
      if (!lv) {
        const shape = infos[i]!.shape;
        const shared = sharedLineSum(compiled, ctx, shape, layoutParts(layout, infos, rx, i), i);
        const own = (textSums[shapeIds[i]!] ??= sumWeights(model, textFeatures(ctx, shape), vectors));
        lv = vectors.take();
        for (let l = 0; l < L; l++) lv[l] = shared[l]! + own[l]!;
        lines.set(key, lv);
      }
      // Rule tags: row r of the table at the position of the role r reads.
      const x0 = rxByPosition[i + y0]!;
      const x1 = rxByPosition[i + y1]!;
      const x2 = rxByPosition[i + y2]!;
      const gv = gapSum(compiled, gaps, gapCodes[i]!, gapCodes[i + 1]!, lineIndex);
      cv = vectors.take();
      for (let l = 0; l < L; l++) cv[l] = x0[l]! + x1[r1 + l]! + x2[r2 + l]! + gv[l]! + lv[l]!;
      contexts.set(contextKey, cv);
    }
    for (let l = 0; l < L; l++) {
      scores[base + l] = a0[l]! + a1[w1 + l]! + a2[w2 + l]! + a3[w3 + l]! + a4[w4 + l]! + a5[w5 + l]! + v0[l]! + v1[r1 + l]! + cv[l]!;
    }
    // Word pairs: most adjacent words have none (a zero row), so only those that have one are added.
    const u0 = wordPairs[i + p0]!;
    const u1 = wordPairs[i + p1]!;
    const u2 = wordPairs[i + p2]!;
    if (u0 !== zero) for (let l = 0; l < L; l++) scores[base + l]! += u0[l]!;
    if (u1 !== zero) for (let l = 0; l < L; l++) scores[base + l]! += u1[r1 + l]!;
    if (u2 !== zero) for (let l = 0; l < L; l++) scores[base + l]! += u2[r2 + l]!;
  }
  return { scores, words: infos.map((t) => t.lower), shapes: infos.map((t) => t.shape), cues: layout.cues, shapeIds, shapeCount: shapeIndex.size };
}
