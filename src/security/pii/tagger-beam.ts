import { beamTop, offerCandidate } from './beam-top.js';
import { addScores, allowed, type TaggerModel } from './tagger-model.js';
import { nextState, layoutAllows, START, tagFeatures, tagFeaturesKey, type TagContext, type TagState } from './tagger-state.js';

/** One partial tagging of a text: its state, total score, last label (index) and the hypothesis before it. */
export interface Hypothesis {
  state: TagState;
  score: number;
  label: number;
  back: Hypothesis | null;
}

/** The single hypothesis before the first token. */
export function startBeam(): Hypothesis[] {
  return [{ state: START, score: 0, label: -1, back: null }];
}

const transitions = new WeakMap<readonly string[], Uint8Array>();

/** allowed(labels[p], labels[l]) as a table indexed p * L + l, computed once per label list. */
function transitionTable(labels: readonly string[]): Uint8Array {
  let t = transitions.get(labels);
  if (!t) {
    const L = labels.length;
    t = new Uint8Array(L * L);
    for (let p = 0; p < L; p++) for (let l = 0; l < L; l++) t[p * L + l] = allowed(labels[p]!, labels[l]!) ? 1 : 0;
    transitions.set(labels, t);
  }
  return t;
}

/** Summed tag-dependent feature weights of one text by {@link tagFeaturesKey} (valid while the weights do not change). */
export type BeamCache = Map<string, Float64Array>;

/** An empty cache for tagging one text. */
export function beamCache(): BeamCache {
  return new Map();
}

/** Summed weights of the tag-dependent features of token i under `state`, cached by their key. */
function dynamicScores(model: TaggerModel, ctx: TagContext, state: TagState, i: number, cache: BeamCache, keep?: (f: string) => boolean): Float64Array {
  const key = tagFeaturesKey(ctx, state, i);
  let dyn = cache.get(key);
  if (!dyn) {
    dyn = new Float64Array(model.labels.length);
    const features = tagFeatures(ctx, state, i);
    addScores(model, keep ? features.filter(keep) : features, dyn);
    cache.set(key, dyn);
  }
  return dyn;
}

/**
 * Extends every hypothesis by token i's labels allowed under BIO and by the text's layout
 * ({@link layoutAllows}) and keeps the `width` best (ties to the
 * earlier label) that score within `margin` of the best. `statics[offset + l]` is the static score of
 * label l for token i.
 */
export function extendBeam(
  model: TaggerModel, ctx: TagContext, beam: readonly Hypothesis[], i: number, statics: ArrayLike<number>, offset: number,
  width: number, cache: BeamCache, keep?: (f: string) => boolean, margin = Infinity,
): Hypothesis[] {
  const L = model.labels.length;
  const table = transitionTable(model.labels);
  if (width === 1 && beam.length === 1) {
    const h = beam[0]!;
    const dyn = dynamicScores(model, ctx, h.state, i, cache, keep);
    const prev = h.label === -1 ? 0 : h.label;
    let best = -1;
    let bestScore = -Infinity;
    for (let l = 0; l < L; l++) {
      if (table[prev * L + l] !== 1 || !layoutAllows(ctx, h.state, model.labels[l]!, i)) continue;
      const score = statics[offset + l]! + dyn[l]!;
      if (score > bestScore) {
        best = l;
        bestScore = score;
      }
    }
    return [{ state: nextState(ctx, h.state, model.labels[best]!, i), score: h.score + bestScore, label: best, back: h }];
  }
  const top = beamTop(width);
  const { from, labels, scores } = top;
  let count = 0;
  for (let hi = 0; hi < beam.length; hi++) {
    const h = beam[hi]!;
    const dyn = dynamicScores(model, ctx, h.state, i, cache, keep);
    const prev = h.label === -1 ? 0 : h.label;
    for (let l = 0; l < L; l++) {
      if (table[prev * L + l] !== 1 || !layoutAllows(ctx, h.state, model.labels[l]!, i)) continue;
      count = offerCandidate(top, count, width, h.score + statics[offset + l]! + dyn[l]!, hi, l);
    }
  }
  let kept = 1;
  while (kept < count && scores[kept]! >= scores[0]! - margin) kept++;
  const next: Hypothesis[] = [];
  for (let k = 0; k < kept; k++) {
    const h = beam[from[k]!]!;
    next.push({ state: nextState(ctx, h.state, model.labels[labels[k]!]!, i), score: scores[k]!, label: labels[k]!, back: h });
  }
  return next;
}

/** The label indices of a hypothesis, first token first. */
export function labelPath(h: Hypothesis): number[] {
  const out: number[] = [];
  for (let at: Hypothesis | null = h; at && at.label !== -1; at = at.back) out.push(at.label);
  return out.reverse();
}
