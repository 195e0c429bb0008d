import {
  affixFeatures, bigramFeatures, GAZ_ROLES, lineContext, PAD, RX_ROLES, SHAPE_ROLES, structuralFeatures,
  structuralKey, tokenInfos, WORD_ROLES,
} from './tagger-features.js';
import { layoutFeatures, layoutLineKey, layoutOf, layoutTokenKey } from './tagger-layout.js';
import type { TaggerModel } from './tagger-model.js';
import type { Token } from './tokenize.js';

/** Static scores of every token (row i = token i, one column per label) and the words and shapes tagging needs. */
export interface StaticScores {
  scores: Float64Array;
  words: string[];
  shapes: string[];
  /** Cue words present in the text (tagger-layout.ts). */
  cues: string[];
}

type Roles = readonly (readonly [string, number])[];

/** Word, shape, gazetteer and rule-tag roles, in that order (the scoring loop picks the value by index). */
const ROLE_GROUPS: readonly Roles[] = [WORD_ROLES, SHAPE_ROLES, GAZ_ROLES, RX_ROLES];
/** How far beyond either end of the text a role may look. */
const PADDING = 3;

/** Weights of `role=value` for every role of a group, one row of labels per role; null when none has a weight. */
function roleWeights(model: TaggerModel, roles: Roles, value: string): Float64Array | null {
  const L = model.labels.length;
  let v: Float64Array | null = null;
  for (let r = 0; r < roles.length; r++) {
    const w = model.weights.get(`${roles[r]![0]}=${value}`);
    if (!w) continue;
    v ??= new Float64Array(roles.length * L);
    for (let l = 0; l < L; l++) v[r * L + l] = w[l]!;
  }
  return v;
}

/** The summed weights of some features. */
function sumWeights(model: TaggerModel, features: readonly string[]): Float64Array {
  const v = new Float64Array(model.labels.length);
  for (const f of features) {
    const w = model.weights.get(f);
    if (w) for (let l = 0; l < v.length; l++) v[l]! += w[l]!;
  }
  return v;
}

/**
 * Sums the weights of every token's static features (the same sum as over staticFeatures()), looking each
 * distinct word, shape, class and rule tag up once per role instead of building a string per token.
 */
export function staticScores(model: TaggerModel, tokens: readonly Token[], rx: readonly string[]): StaticScores {
  const L = model.labels.length;
  const infos = tokenInfos(tokens);
  const ctx = lineContext(tokens, infos);
  const layout = layoutOf(tokens, infos);
  const structural = new Map<string, Float64Array>();
  const n = tokens.length;
  const scores = new Float64Array(n * L);
  const affixes = new Map<string, Float64Array>();
  // The role weights of every position's word, shape, class and rule tag (PADDING beyond either end).
  const byPosition = ROLE_GROUPS.map((roles, g) => {
    const cache = new Map<string, Float64Array | null>();
    const out: (Float64Array | null)[] = [];
    for (let j = -PADDING; j < n + PADDING; j++) {
      const info = infos[j] ?? PAD;
      const value = g === 0 ? info.lower : g === 1 ? info.shape : g === 2 ? info.gaz : (rx[j] ?? '<pad>');
      let v = cache.get(value);
      if (v === undefined) cache.set(value, (v = roleWeights(model, roles, value)));
      out.push(v);
    }
    return out;
  });
  const lineKeys = layout.lines.map((_, k) => layoutLineKey(layout, infos, rx, k));
  for (let i = 0; i < n; i++) {
    const base = i * L;
    for (let g = 0; g < ROLE_GROUPS.length; g++) {
      const roles = ROLE_GROUPS[g]!;
      const vectors = byPosition[g]!;
      for (let r = 0; r < roles.length; r++) {
        const v = vectors[i + roles[r]![1] + PADDING];
        if (!v) continue;
        const from = r * L;
        for (let l = 0; l < L; l++) scores[base + l]! += v[from + l]!;
      }
    }
    const key = `${structuralKey(ctx, tokens, infos, i)}\u0001${layoutTokenKey(layout, i)}\u0001${lineKeys[layout.line[i]!]}`;
    let sv = structural.get(key);
    if (!sv) structural.set(key, (sv = sumWeights(model, [...structuralFeatures(ctx, tokens, infos, i), ...layoutFeatures(layout, infos, rx, i)])));
    for (let l = 0; l < L; l++) scores[base + l]! += sv[l]!;
    for (const f of bigramFeatures(infos, i)) {
      const w = model.weights.get(f);
      if (w) for (let l = 0; l < L; l++) scores[base + l]! += w[l]!;
    }
    const text = tokens[i]!.text;
    let a = affixes.get(text);
    if (!a) affixes.set(text, (a = sumWeights(model, affixFeatures(text, infos[i]!.lower))));
    for (let l = 0; l < L; l++) scores[base + l]! += a[l]!;
  }
  return { scores, words: infos.map((t) => t.lower), shapes: infos.map((t) => t.shape), cues: layout.cues };
}
