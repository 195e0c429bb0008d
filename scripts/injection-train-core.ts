/**
 * Shared pieces of the injection training scripts: a weighted logistic regression trained with Adam on
 * sparse vectors, per-source sample weights and quantiles.
 */
import type { SparseVector } from '../src/security/injection/features.js';
import type { CorpusItem } from '../benchmarks/security/injection-corpus.js';

/** Options of {@link trainLogistic}. */
export interface TrainOptions {
  dim: number;
  epochs: number;
  lr: number;
  l2: number;
  seed: number;
  /** Average the weights over snapshots taken through the second half of training (tail averaging). */
  average?: boolean;
}

/** A trained linear model: weights over `dim` features and a bias. */
export interface LinearModel {
  weights: Float32Array;
  bias: number;
}

/** A small deterministic PRNG (LCG) in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Trains weighted logistic regression (Adam, per-sample steps, L2 on touched weights). */
export function trainLogistic(xs: SparseVector[], ys: number[], sw: number[], o: TrainOptions): LinearModel {
  const w = new Float32Array(o.dim);
  const m = new Float32Array(o.dim);
  const v = new Float32Array(o.dim);
  let bias = 0;
  let mb = 0;
  let vb = 0;
  const order = xs.map((_, i) => i);
  const rand = rng(o.seed);
  let t = 0;
  const total = o.epochs * order.length;
  const every = Math.max(1, Math.floor(total / 40));
  const sum = o.average ? new Float64Array(o.dim) : undefined;
  let sumBias = 0;
  let snapshots = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const x = xs[i]!;
      let z = bias;
      for (let k = 0; k < x.indices.length; k++) z += w[x.indices[k]!]! * x.values[k]!;
      const g = (1 / (1 + Math.exp(-z)) - ys[i]!) * sw[i]!;
      t++;
      const c1 = 1 - 0.9 ** t;
      const c2 = 1 - 0.999 ** t;
      for (let k = 0; k < x.indices.length; k++) {
        const idx = x.indices[k]!;
        const grad = g * x.values[k]! + o.l2 * w[idx]!;
        m[idx] = 0.9 * m[idx]! + 0.1 * grad;
        v[idx] = 0.999 * v[idx]! + 0.001 * grad * grad;
        w[idx]! -= (o.lr * (m[idx]! / c1)) / (Math.sqrt(v[idx]! / c2) + 1e-8);
      }
      mb = 0.9 * mb + 0.1 * g;
      vb = 0.999 * vb + 0.001 * g * g;
      bias -= (o.lr * (mb / c1)) / (Math.sqrt(vb / c2) + 1e-8);
      if (sum && t * 2 >= total && t % every === 0) {
        for (let k = 0; k < o.dim; k++) sum[k]! += w[k]!;
        sumBias += bias;
        snapshots++;
      }
    }
  }
  if (sum && snapshots) return { weights: Float32Array.from(sum, (x) => x / snapshots), bias: sumBias / snapshots };
  return { weights: w, bias };
}

/** Linear score (logit) of a sparse vector. */
export function logit(model: LinearModel, x: SparseVector): number {
  let z = model.bias;
  for (let k = 0; k < x.indices.length; k++) z += (model.weights[x.indices[k]!] ?? 0) * x.values[k]!;
  return z;
}

/**
 * Per-source sample weights: each source (and each class of deepset) gets the same total weight, clean
 * emails twice that, NotInject four times (its trigger-word prompts are the hard negatives a diary is full
 * of) and GoEmotions five times (personal prose like a diary's; with less, "thank you for your response"
 * lines scored as injections). The project's diary lines (source 'diary') get the default share, like a
 * deepset class: twice that gave a lower mean and worst six-split recall (94.5% / 93.8% against 94.6% / 94.0%).
 * Weights chosen by the cross-validation in train-injection.ts and injection-splits.ts.
 */
export function sampleWeights(items: readonly CorpusItem[]): number[] {
  const count = new Map<string, number>();
  const keyOf = (it: CorpusItem): string => `${it.source}:${it.label}`;
  for (const it of items) count.set(keyOf(it), (count.get(keyOf(it)) ?? 0) + 1);
  const total: Record<string, number> = { notinject: 1200, goemotions: 1500, 'bipia-clean-email': 600 };
  return items.map((it) => (total[it.source] ?? 300) / (count.get(keyOf(it)) ?? 1));
}

/** The q-quantile (0..1) of `xs` (nearest rank); 1 for an empty list. */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 1;
}
