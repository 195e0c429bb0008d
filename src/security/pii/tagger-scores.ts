import { BIGRAM_ROLES, compileTagger, PAIR_GROUPS, SCORED_ROLE_GROUPS, type CompiledTagger } from './tagger-compiled.js';
import { gapFeatures, lineContext, lineFeatures } from './tagger-features.js';
import { layoutFeatures, layoutOf } from './tagger-layout.js';
import { addScores, type TaggerModel } from './tagger-model.js';
import { padEntry, WORD_OFFSETS, wordEntries, type WordEntry } from './tagger-words.js';
import { VectorSlab } from './vector-slab.js';
import type { Token } from './tokenize.js';

/**
 * Static scores of every token (row i = token i, one column per label): the weights of its
 * tag-independent features plus `t-1|w=` and `t-1|s=` (which carry no tag); and what tagging needs of the text.
 */
export interface StaticScores {
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

/**
 * Sums the weights of every token's static features (the same sum as over staticFeatures() plus the
 * untagged `t-1|w=`/`t-1|s=`), from per-word sums remembered across texts (tagger-words.ts) and the
 * compiled tagger's tables: no feature string is built per token except the few line-structure keys,
 * cached per text. Exactness: deserializeTagger's weights are int8 steps of one scale rounded to float32,
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
  const vectors = new VectorSlab(L);
  const scores = new Float64Array(n * L);
  const entryAt = (j: number): WordEntry => (j < 0 || j >= n ? pad : entries[j]!);
  const rxTable = compiled.roles[RX_GROUP]!;
  const rxRoles = SCORED_ROLE_GROUPS[RX_GROUP]!;
  const rxByPosition: (Float32Array | undefined)[] = [];
  for (let j = -PADDING; j < n + PADDING; j++) rxByPosition.push(rxTable.get(rx[j] ?? '<pad>'));
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
  for (let i = 0; i < n; i++) {
    const base = i * L;
    for (let k = 0; k < WORD_OFFSETS.length; k++) {
      const e = entryAt(i + WORD_OFFSETS[k]!);
      if ((e.mask & (1 << k)) === 0) continue;
      const sums = e.sums;
      const from = k * L;
      for (let l = 0; l < L; l++) scores[base + l]! += sums[from + l]!;
    }
    for (let r = 0; r < rxRoles.length; r++) {
      const v = rxByPosition[i + rxRoles[r]![1] + PADDING];
      if (!v) continue;
      const from = r * L;
      for (let l = 0; l < L; l++) scores[base + l]! += v[from + l]!;
    }
    const gv = gapSum(compiled, gaps, gapCodes[i]!, gapCodes[i + 1]!, Math.min(ctx.lineIndex[i]!, 4));
    for (let l = 0; l < L; l++) scores[base + l]! += gv[l]!;
    // What the line and layout features depend on besides the line's own facts: the token's place in the
    // line (first, last, after a header) and its shape.
    const lineNo = layout.line[i]!;
    const line = layout.lines[lineNo]!;
    const position = (i === line.first ? 1 : 0) + (i === line.first + line.length - 1 ? 2 : 0) + (line.afterHeader !== -1 && i >= line.afterHeader ? 4 : 0);
    const key = (lineNo * 8 + position) * shapeIndex.size + shapeIds[i]!;
    let lv = lines.get(key);
    if (!lv) lines.set(key, (lv = sumWeights(model, [...lineFeatures(ctx, infos, i), ...layoutFeatures(layout, infos, rx, i)], vectors)));
    for (let l = 0; l < L; l++) scores[base + l]! += lv[l]!;
  }
  // Bigrams: each adjacent pair (j, j + 1), the padding included, is looked up once per group and its
  // roles' weights go to the tokens that score it.
  for (let j = -2; j < n; j++) {
    const first = entryAt(j);
    const second = entryAt(j + 1).info;
    for (let g = 0; g < PAIR_GROUPS.length; g++) {
      const v = first.pairFirst[g]?.get(g === 0 ? second.lower : second.shape);
      if (!v) continue;
      const roles = PAIR_GROUPS[g]!;
      for (let r = 0; r < roles.length; r++) {
        const i = j - BIGRAM_ROLES[roles[r]!]!.a;
        if (i < 0 || i >= n) continue;
        const base = i * L;
        const from = r * L;
        for (let l = 0; l < L; l++) scores[base + l]! += v[from + l]!;
      }
    }
  }
  return { scores, words: infos.map((t) => t.lower), shapes: infos.map((t) => t.shape), cues: layout.cues, shapeIds, shapeCount: shapeIndex.size };
}
