/** Averaged-perceptron training for the PII sequence tagger (used by scripts/train-pii-tagger.ts). */
import { beamCache, extendBeam, labelPath, startBeam, type Hypothesis } from '../src/security/pii/tagger-beam.js';
import { staticFeatures, tokenInfos } from '../src/security/pii/tagger-features.js';
import { nextState, layoutAllows, START, tagFeatures, type TagContext } from '../src/security/pii/tagger-state.js';
import { layoutOf, lineHeads, sentenceStarts } from '../src/security/pii/tagger-layout.js';
import { addScores, allowed, type TaggerModel } from '../src/security/pii/tagger-model.js';
import type { Token } from '../src/security/pii/tokenize.js';
import { createRng } from '../src/core/prompts/rng.js';

/** One training sentence: tokens, gold BIO labels and the rule tags the tagger sees as features. */
export interface TaggedSentence {
  tokens: Token[];
  labels: string[];
  rx: string[];
}

/** A seeded pseudo-random generator (mulberry32) so training and folds are reproducible. */
export const rng = createRng;

/** Fisher–Yates shuffle in place with the given generator. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Training options: beam width (1: greedy with an update at every wrong token; more: early update). */
export interface TrainOptions {
  drop?: readonly string[];
  width?: number;
  /**
   * Chance that a token's word is hidden in one epoch: its own word, word-bigram and affix features are left
   * out, and the tag-dependent features that read words (its own, and the words before a later entity) see
   * `<unk>` in its place.
   */
  wordDropout?: number;
  /**
   * Passive-aggressive step (beam training only): each update is scaled by
   * min(C, (wrong labels - score margin) / |feature difference|²) instead of 1; C is this value.
   */
  pa?: number;
}

/** The features that carry a token's own word: hidden by word dropout. */
const OWN_WORD = ['w=', 'w-1w=', 'ww+1=', 'p3=', 'x3=', 'x2='];
const ownWord = (f: string): boolean => OWN_WORD.some((p) => f.startsWith(p));

/**
 * Trains an averaged perceptron. Width 1: greedy decoding with predicted previous tags as features and an
 * update at every wrong token. Width > 1: beam search with early update (the sentence's prefix is updated
 * when the gold tagging falls out of the beam). Features whose name starts with one of `drop` are left out
 * (for ablations).
 */
export function trainPerceptron(data: readonly TaggedSentence[], labels: readonly string[], epochs: number, seed: number, options: TrainOptions = {}): TaggerModel {
  const drop = options.drop ?? [];
  const width = options.width ?? 1;
  const kept = (f: string): boolean => !drop.some((p) => f.startsWith(p));
  const keep = drop.length ? kept : undefined;
  const L = labels.length;
  const index = new Map(labels.map((l, i) => [l, i]));
  const weights = new Map<string, Float64Array>();
  const totals = new Map<string, Float64Array>();
  const stamps = new Map<string, Float64Array>();
  const model: TaggerModel = { labels, weights };
  let clock = 0;
  const bump = (f: string, l: number, delta: number): void => {
    let w = weights.get(f);
    if (!w) {
      weights.set(f, (w = new Float64Array(L)));
      totals.set(f, new Float64Array(L));
      stamps.set(f, new Float64Array(L));
    }
    const tot = totals.get(f)!;
    const st = stamps.get(f)!;
    tot[l]! += (clock - st[l]!) * w[l]!;
    st[l] = clock;
    w[l]! += delta;
  };
  const statics = data.map((s) => staticFeatures(s.tokens, s.rx).map((list) => (keep ? list.filter(keep) : list)));
  const contexts: TagContext[] = data.map((s) => {
    const infos = tokenInfos(s.tokens);
    return { words: infos.map((t) => t.lower), shapes: infos.map((t) => t.shape), newline: s.tokens.map((t) => t.gap === '\n'), sentence: sentenceStarts(s.tokens), cues: layoutOf(s.tokens, infos).cues, head: lineHeads(s.tokens) };
  });
  /** Calls `visit` with every feature of tokens 0..last under the label path `path`, and that token's label. */
  const walkPath = (ctx: TagContext, stat: readonly string[][], path: readonly number[], last: number, visit: (feature: string, label: number) => void): void => {
    let state = START;
    for (let t = 0; t <= last; t++) {
      const dyn = tagFeatures(ctx, state, t);
      for (const x of stat[t]!) visit(x, path[t]!);
      for (const x of keep ? dyn.filter(keep) : dyn) visit(x, path[t]!);
      state = nextState(ctx, state, labels[path[t]!]!, t);
    }
  };
  /** Adds `delta` to the features of tokens 0..last under the label path `path`. */
  const updatePath = (ctx: TagContext, stat: readonly string[][], path: readonly number[], last: number, delta: number): void =>
    walkPath(ctx, stat, path, last, (x, l) => bump(x, l, delta));
  /** Feature counts of a label path over tokens 0..last, added into `acc` with `sign`. */
  const collectPath = (ctx: TagContext, stat: readonly string[][], path: readonly number[], last: number, sign: number, acc: Map<string, Map<number, number>>): void =>
    walkPath(ctx, stat, path, last, (x, l) => {
      let m = acc.get(x);
      if (!m) acc.set(x, (m = new Map()));
      m.set(l, (m.get(l) ?? 0) + sign);
    });
  const pa = options.pa ?? 0;
  let steps = 0;
  let stepSum = 0;
  /** The passive-aggressive update of gold against predicted over tokens 0..last. */
  const paUpdate = (ctx: TagContext, stat: readonly string[][], gold: readonly number[], pred: readonly number[], last: number): void => {
    const acc = new Map<string, Map<number, number>>();
    collectPath(ctx, stat, gold, last, 1, acc);
    collectPath(ctx, stat, pred, last, -1, acc);
    let norm = 0;
    let margin = 0;
    for (const [x, m] of acc) {
      const w = weights.get(x);
      for (const [l, v] of m) {
        norm += v * v;
        if (w) margin += w[l]! * v;
      }
    }
    if (norm === 0) return;
    let loss = 0;
    for (let t = 0; t <= last; t++) if (gold[t] !== pred[t]) loss++;
    const tau = Math.min(pa, Math.max(0, (loss - margin) / norm));
    if (tau === 0) return;
    steps++;
    stepSum += tau;
    for (const [x, m] of acc) for (const [l, v] of m) if (v !== 0) bump(x, l, tau * v);
  };
  const order = data.map((_, i) => i);
  const random = rng(seed);
  const scores = new Float64Array(L);
  const dropout = options.wordDropout ?? 0;
  const dropRandom = rng(seed + 7919);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const si of shuffle(order, random)) {
      const sent = data[si]!;
      let ctx = contexts[si]!;
      let stat = statics[si]!;
      if (dropout > 0) {
        const hide = ctx.words.map((w) => /\p{L}/u.test(w) && dropRandom() < dropout);
        stat = stat.map((list, t) => (hide[t] ? list.filter((f) => !ownWord(f)) : list));
        ctx = { ...ctx, words: ctx.words.map((w, t) => (hide[t] ? '<unk>' : w)) };
      }
      const gold = sent.labels.map((l) => index.get(l) ?? 0);
      if (width > 1) {
        let beam = startBeam();
        const cache = beamCache();
        for (let i = 0; i < sent.tokens.length; i++) {
          clock++;
          scores.fill(0);
          addScores(model, stat[i]!, scores);
          beam = extendBeam(model, ctx, beam, i, scores, 0, width, cache, keep);
          const goldAlive = beam.some((h) => samePrefix(h, gold, i));
          if (!goldAlive || (i === sent.tokens.length - 1 && !samePrefix(beam[0]!, gold, i))) {
            if (pa > 0) paUpdate(ctx, stat, gold, labelPath(beam[0]!), i);
            else {
              updatePath(ctx, stat, gold, i, 1);
              updatePath(ctx, stat, labelPath(beam[0]!), i, -1);
            }
          }
          if (!goldAlive) break;
        }
        continue;
      }
      let state = START;
      let prev = -1;
      for (let i = 0; i < sent.tokens.length; i++) {
        clock++;
        const f = stat[i]!;
        const all = tagFeatures(ctx, state, i);
        const dyn = keep ? all.filter(keep) : all;
        scores.fill(0);
        addScores(model, f, scores);
        addScores(model, dyn, scores);
        const prevLabel = prev === -1 ? 'O' : labels[prev]!;
        const ok = (l: number): boolean => allowed(prevLabel, labels[l]!) && layoutAllows(ctx, state, labels[l]!, i);
        let best = 0;
        for (let l = 1; l < L; l++) if (ok(l) && (scores[l]! > scores[best]! || !ok(best))) best = l;
        if (best !== gold[i]) {
          for (const x of [...f, ...dyn]) {
            bump(x, gold[i]!, 1);
            bump(x, best, -1);
          }
        }
        state = nextState(ctx, state, labels[best]!, i);
        prev = best;
      }
    }
  }
  for (const [f, w] of weights) {
    const tot = totals.get(f)!;
    const st = stamps.get(f)!;
    for (let l = 0; l < L; l++) w[l] = (tot[l]! + (clock - st[l]!) * w[l]!) / clock;
  }
  // Passive-aggressive steps are fractions: rescale so that the mean step is 1, as a perceptron's, so that the
  // weight floor of serializeTagger (--min-weight) applies on the scale it was chosen for.
  if (pa > 0 && stepSum > 0) for (const w of weights.values()) for (let l = 0; l < L; l++) w[l]! *= steps / stepSum;
  return { labels, weights, beam: width };
}

/** True when hypothesis h's labels for tokens 0..i equal gold's. */
function samePrefix(h: Hypothesis, gold: readonly number[], i: number): boolean {
  let at: Hypothesis | null = h;
  for (let t = i; t >= 0; t--, at = at.back) {
    if (!at || at.label !== gold[t]) return false;
  }
  return true;
}

/**
 * Trains `runs` perceptrons on differently shuffled data (seeds seed, seed+1, ...) and averages their
 * weights: one model of the same form, less dependent on the order of the training sentences.
 */
export function trainAveraged(data: readonly TaggedSentence[], labels: readonly string[], epochs: number, seed: number, runs: number, options: TrainOptions = {}): TaggerModel {
  if (runs <= 1) return trainPerceptron(data, labels, epochs, seed, options);
  const weights = new Map<string, Float64Array>();
  for (let r = 0; r < runs; r++) {
    for (const [f, w] of trainPerceptron(data, labels, epochs, seed + 1000 * r, options).weights) {
      let sum = weights.get(f);
      if (!sum) weights.set(f, (sum = new Float64Array(labels.length)));
      for (let l = 0; l < labels.length; l++) sum[l]! += w[l]! / runs;
    }
  }
  return { labels, weights, beam: options.width ?? 1 };
}
