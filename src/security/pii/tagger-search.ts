import { beamTop, offerCandidate } from './beam-top.js';
import { compileTagger } from './tagger-compiled.js';
import {
  DynamicScores, ENTITY_START, FIRST_TYPE, FLAGS, LINE_LABEL, PREV, PREV2, PREV_LINE_LABEL, STATE_SIZE,
} from './tagger-dynamic.js';
import { lineHeads, sentenceStarts } from './tagger-layout.js';
import type { TaggerModel } from './tagger-model.js';
import { staticScores } from './tagger-scores.js';
import type { Token } from './tokenize.js';

/** Writes into `to[t..]` the state after the state at `from[f..]` gave token i the label `label`. */
function advance(model: ReturnType<typeof compileTagger>, from: Int32Array, f: number, to: Int32Array, t: number, label: number, i: number, lineStart: boolean, head: boolean): void {
  const { typeOf, begins, place } = model;
  const prev = from[f + PREV]!;
  const type = typeOf[label]!;
  const inside = type !== -1 && begins[label] === 0;
  const placeSplit = begins[label] === 1 && prev !== -1 && typeOf[prev] !== -1 && place[label] === 1 && place[prev] === 1;
  const multiline = inside && lineStart && place[label] === 1;
  to[t + PREV] = label;
  to[t + PREV2] = prev;
  to[t + ENTITY_START] = begins[label] === 1 ? i : type === -1 ? -1 : from[f + ENTITY_START]!;
  to[t + FIRST_TYPE] = from[f + FIRST_TYPE] !== -1 ? from[f + FIRST_TYPE]! : type;
  to[t + FLAGS] = from[f + FLAGS]! | (placeSplit ? 1 : 0) | (multiline ? 2 : 0);
  to[t + LINE_LABEL] = head ? label : from[f + LINE_LABEL]!;
  to[t + PREV_LINE_LABEL] = head ? from[f + LINE_LABEL]! : from[f + PREV_LINE_LABEL]!;
}

/**
 * Tags tokens left to right under BIO and layout constraints, keeping the `width` best partial taggings (ties to the
 * earlier hypothesis and label) that score within `margin` of the best; returns every token's label index.
 * Scores the same features as tagger-beam.ts's extendBeam (the training search), on integer states.
 */
export function searchLabels(model: TaggerModel, tokens: readonly Token[], rx: readonly string[], width: number, margin = Infinity): number[] {
  const tagger = compileTagger(model);
  const L = tagger.L;
  const n = tokens.length;
  if (n === 0) return [];
  const { scores: statics, words, shapes, cues, shapeIds, shapeCount } = staticScores(model, tokens, rx);
  const lineStart = new Uint8Array(n);
  for (let i = 0; i < n; i++) lineStart[i] = i === 0 || tokens[i]!.gap === '\n' ? 1 : 0;
  const sentence = sentenceStarts(tokens);
  const heads = lineHeads(tokens);
  const lineHead = new Uint8Array(n);
  for (let i = 0; i < n; i++) lineHead[i] = heads[i] ? 1 : 0;
  const dynamic = new DynamicScores(tagger, { words, shapes, shapeIds, shapeCount, lineStart, lineHead, cues });
  let states = new Int32Array(width * STATE_SIZE).fill(-1);
  states[FLAGS] = 0;
  let next = new Int32Array(width * STATE_SIZE);
  const beamScores = new Float64Array(width);
  let size = 1;
  const top = beamTop(width);
  const { from, labels: chosen, scores: nextScores } = top;
  const backs = new Int32Array(n * width);
  const labels = new Int32Array(n * width);
  for (let i = 0; i < n; i++) {
    let count = 0;
    const base = i * L;
    const start = lineStart[i] === 1 && i > 0 ? 1 : sentence[i] ? 2 : 0;
    for (let h = 0; h < size; h++) {
      const dyn = dynamic.scores(states, h * STATE_SIZE, i);
      const prev = states[h * STATE_SIZE + PREV]!;
      const row = (((prev + 1) * 4 + states[h * STATE_SIZE + FLAGS]!) * 3 + start) * L;
      const hs = beamScores[h]!;
      for (let l = 0; l < L; l++) {
        if (tagger.extend[row + l] !== 1) continue;
        count = offerCandidate(top, count, width, hs + statics[base + l]! + dyn[l]!, h, l);
      }
    }
    let kept = 1;
    while (kept < count && nextScores[kept]! >= nextScores[0]! - margin) kept++;
    for (let k = 0; k < kept; k++) {
      advance(tagger, states, from[k]! * STATE_SIZE, next, k * STATE_SIZE, chosen[k]!, i, lineStart[i] === 1, lineHead[i] === 1);
      backs[i * width + k] = from[k]!;
      labels[i * width + k] = chosen[k]!;
    }
    const swap = states;
    states = next;
    next = swap;
    for (let k = 0; k < kept; k++) beamScores[k] = nextScores[k]!;
    size = kept;
  }
  const path = new Array<number>(n);
  for (let i = n - 1, k = 0; i >= 0; i--) {
    path[i] = labels[i * width + k]!;
    k = backs[i * width + k]!;
  }
  return path;
}
