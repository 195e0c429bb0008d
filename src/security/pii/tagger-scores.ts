import { BIGRAM_ROLES, compileTagger, SCORED_ROLE_GROUPS } from './tagger-compiled.js';
import { affixFeatures, lineContext, PAD, structuralFeatures, tokenInfos, type TokenInfo } from './tagger-features.js';
import { layoutFeatures, layoutOf } from './tagger-layout.js';
import type { TaggerModel } from './tagger-model.js';
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

const GAP_CODE: Record<string, number> = { '': 0, ' ': 1, '\n': 2 };

/** How far beyond either end of the text a role may look. */
const PADDING = 3;

/** The summed weights of some features. */
function sumWeights(model: TaggerModel, features: readonly string[]): Float64Array {
  const v = new Float64Array(model.labels.length);
  for (const f of features) {
    const w = model.weights.get(f);
    if (w) for (let l = 0; l < v.length; l++) v[l]! += w[l]!;
  }
  return v;
}

/** The value a role group looks at in a token's info (the rule tag comes from `rx`). */
function groupValue(g: number, info: TokenInfo, rx: string | undefined): string {
  return g === 0 ? info.lower : g === 1 ? info.shape : g === 2 ? info.gaz : (rx ?? '<pad>');
}

/**
 * Sums the weights of every token's static features (the same sum as over staticFeatures() plus the
 * untagged `t-1|w=`/`t-1|s=`), from the compiled tagger's per-value tables: no feature string is built
 * per token except the few line-structure keys, cached per text.
 */
export function staticScores(model: TaggerModel, tokens: readonly Token[], rx: readonly string[]): StaticScores {
  const compiled = compileTagger(model);
  const L = compiled.L;
  const infos = tokenInfos(tokens);
  const ctx = lineContext(tokens, infos);
  const layout = layoutOf(tokens, infos);
  const structural = new Map<number, Float64Array>();
  const n = tokens.length;
  const scores = new Float64Array(n * L);
  const affixes = new Map<string, Float64Array>();
  const at = (j: number): TokenInfo => infos[j] ?? PAD;
  const byPosition = SCORED_ROLE_GROUPS.map((_, g) => {
    const table = compiled.roles[g]!;
    const out: (Float32Array | undefined)[] = [];
    for (let j = -PADDING; j < n + PADDING; j++) out.push(table.get(groupValue(g, at(j), rx[j])));
    return out;
  });
  const shapeIndex = new Map<string, number>();
  const shapeIds = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let id = shapeIndex.get(infos[i]!.shape);
    if (id === undefined) shapeIndex.set(infos[i]!.shape, (id = shapeIndex.size));
    shapeIds[i] = id;
  }
  for (let i = 0; i < n; i++) {
    const base = i * L;
    for (let g = 0; g < SCORED_ROLE_GROUPS.length; g++) {
      const roles = SCORED_ROLE_GROUPS[g]!;
      const vectors = byPosition[g]!;
      for (let r = 0; r < roles.length; r++) {
        const v = vectors[i + roles[r]![1] + PADDING];
        if (!v) continue;
        const from = r * L;
        for (let l = 0; l < L; l++) scores[base + l]! += v[from + l]!;
      }
    }
    // What the structural and layout features depend on besides the line's own facts: the whitespace
    // around the token, its place in the line (first, last, after a header) and its shape.
    const lineNo = layout.line[i]!;
    const line = layout.lines[lineNo]!;
    const position = (i === line.first ? 1 : 0) + (i === line.first + line.length - 1 ? 2 : 0) + (line.afterHeader !== -1 && i >= line.afterHeader ? 4 : 0);
    const gaps = GAP_CODE[tokens[i]!.gap]! * 4 + (i + 1 < n ? GAP_CODE[tokens[i + 1]!.gap]! : 3);
    const key = (((lineNo * 12 + gaps) * 5 + Math.min(ctx.lineIndex[i]!, 4)) * 8 + position) * shapeIndex.size + shapeIds[i]!;
    let sv = structural.get(key);
    if (!sv) structural.set(key, (sv = sumWeights(model, [...structuralFeatures(ctx, tokens, infos, i), ...layoutFeatures(layout, infos, rx, i)])));
    for (let l = 0; l < L; l++) scores[base + l]! += sv[l]!;
    for (let k = 0; k < BIGRAM_ROLES.length; k++) {
      const { shape, a, b } = BIGRAM_ROLES[k]!;
      const first = at(i + a);
      const second = at(i + b);
      const w = compiled.bigrams[k]!.get(shape ? first.shape : first.lower)?.get(shape ? second.shape : second.lower);
      if (w) for (let l = 0; l < L; l++) scores[base + l]! += w[l]!;
    }
    const text = tokens[i]!.text;
    let a = affixes.get(text);
    if (!a) affixes.set(text, (a = sumWeights(model, affixFeatures(text, infos[i]!.lower))));
    for (let l = 0; l < L; l++) scores[base + l]! += a[l]!;
  }
  return { scores, words: infos.map((t) => t.lower), shapes: infos.map((t) => t.shape), cues: layout.cues, shapeIds, shapeCount: shapeIndex.size };
}
