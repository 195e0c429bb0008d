import {
  affixFeatures, bigramFeatures, GAZ_ROLES, lineContext, PAD, RX_ROLES, rxAt, SHAPE_ROLES, structuralFeatures,
  structuralKey, tokenInfos, WORD_ROLES,
} from './tagger-features.js';
import { layoutFeatures, layoutKey, layoutOf } from './tagger-layout.js';
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
  const scores = new Float64Array(tokens.length * L);
  const roleCaches = ROLE_GROUPS.map(() => new Map<string, Float64Array | null>());
  const affixes = new Map<string, Float64Array>();
  for (let i = 0; i < tokens.length; i++) {
    const base = i * L;
    for (let g = 0; g < ROLE_GROUPS.length; g++) {
      const roles = ROLE_GROUPS[g]!;
      const cache = roleCaches[g]!;
      for (let r = 0; r < roles.length; r++) {
        const k = roles[r]![1];
        const info = infos[i + k] ?? PAD;
        const value = g === 0 ? info.lower : g === 1 ? info.shape : g === 2 ? info.gaz : rxAt(rx, i + k, k);
        let v = cache.get(value);
        if (v === undefined) cache.set(value, (v = roleWeights(model, roles, value)));
        if (v === null) continue;
        const from = r * L;
        for (let l = 0; l < L; l++) scores[base + l]! += v[from + l]!;
      }
    }
    const key = `${structuralKey(ctx, tokens, infos, i)}\u0001${layoutKey(layout, infos, rx, i)}`;
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
