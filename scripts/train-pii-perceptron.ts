/** Averaged-perceptron training for the PII sequence tagger (used by scripts/train-pii-tagger.ts). */
import { recordTag, staticFeatures, tagFeatures, tagState, tokenInfos } from '../src/security/pii/tagger-features.js';
import { layoutOf } from '../src/security/pii/tagger-layout.js';
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

/**
 * Trains an averaged perceptron with greedy decoding (predicted previous tags as features). Features whose
 * name starts with one of `drop` are left out (for ablations).
 */
export function trainPerceptron(data: readonly TaggedSentence[], labels: readonly string[], epochs: number, seed: number, drop: readonly string[] = []): TaggerModel {
  const kept = (f: string): boolean => !drop.some((p) => f.startsWith(p));
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
  const statics = data.map((s) => staticFeatures(s.tokens, s.rx).map((list) => (drop.length ? list.filter(kept) : list)));
  const infos = data.map((s) => tokenInfos(s.tokens));
  const words = infos.map((list) => list.map((t) => t.lower));
  const shapes = infos.map((list) => list.map((t) => t.shape));
  const cues = data.map((s, i) => layoutOf(s.tokens, infos[i]!).cues);
  const order = data.map((_, i) => i);
  const random = rng(seed);
  const scores = new Float64Array(L);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const si of shuffle(order, random)) {
      const sent = data[si]!;
      const feats = statics[si]!;
      const out: string[] = [];
      const state = tagState(words[si]!, shapes[si]!, sent.tokens.map((t) => t.gap === '\n'), cues[si]!);
      for (let i = 0; i < sent.tokens.length; i++) {
        clock++;
        const f = feats[i]!;
        const all = tagFeatures(out, i, state);
        const dyn = drop.length ? all.filter(kept) : all;
        scores.fill(0);
        addScores(model, f, scores);
        addScores(model, dyn, scores);
        const prev = out[i - 1] ?? 'O';
        let best = 0;
        for (let l = 1; l < L; l++) if (allowed(prev, labels[l]!) && (scores[l]! > scores[best]! || !allowed(prev, labels[best]!))) best = l;
        const gold = index.get(sent.labels[i]!) ?? 0;
        if (best !== gold) {
          for (const x of [...f, ...dyn]) {
            bump(x, gold, 1);
            bump(x, best, -1);
          }
        }
        out.push(labels[best]!);
        recordTag(state, out, i);
      }
    }
  }
  for (const [f, w] of weights) {
    const tot = totals.get(f)!;
    const st = stamps.get(f)!;
    for (let l = 0; l < L; l++) w[l] = (tot[l]! + (clock - st[l]!) * w[l]!) / clock;
  }
  return model;
}

/**
 * Trains `runs` perceptrons on differently shuffled data (seeds seed, seed+1, ...) and averages their
 * weights: one model of the same form, less dependent on the order of the training sentences.
 */
export function trainAveraged(data: readonly TaggedSentence[], labels: readonly string[], epochs: number, seed: number, runs: number, drop: readonly string[] = []): TaggerModel {
  if (runs <= 1) return trainPerceptron(data, labels, epochs, seed, drop);
  const weights = new Map<string, Float64Array>();
  for (let r = 0; r < runs; r++) {
    for (const [f, w] of trainPerceptron(data, labels, epochs, seed + 1000 * r, drop).weights) {
      let sum = weights.get(f);
      if (!sum) weights.set(f, (sum = new Float64Array(labels.length)));
      for (let l = 0; l < labels.length; l++) sum[l]! += w[l]! / runs;
    }
  }
  return { labels, weights };
}
