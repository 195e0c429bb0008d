/**
 * Fits the embedding layer's combiner (src/security/injection/deep-model.ts) on out-of-fold scores, and
 * estimates its held-out figures by nesting: for each fold, the combiner and its threshold are fitted on
 * the other folds' out-of-fold scores and applied to the fold.
 */
import { combineDeep, type DeepCombiner } from '../src/security/injection/deep-model.js';
import type { OutOfFold } from './injection-cv.js';
import { BENIGN_SOURCES, chooseThreshold, type FastCutoffs } from './injection-cv-report.js';

function features(r: OutOfFold, c: FastCutoffs): number[] {
  const lg = (p: number): number => {
    const q = Math.min(1 - 1e-4, Math.max(1e-4, p));
    return Math.log(q / (1 - q));
  };
  return [lg(r.trusted ? 0.9999 : r.sync), lg(r.emb), r.knn, r.planted >= c.planted ? 1 : 0];
}

/** Fits the combiner by weighted full-batch gradient descent (each source the same total weight, benign twice). */
export function fitCombiner(rows: readonly OutOfFold[], c: FastCutoffs): Omit<DeepCombiner, 'thresholds'> {
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.source, (count.get(r.source) ?? 0) + 1);
  const sw = rows.map((r) => (BENIGN_SOURCES.includes(r.source) ? 2 : 1) / count.get(r.source)!);
  const xs = rows.map((r) => features(r, c));
  const w = [0, 0, 0, 0];
  let b = 0;
  for (let it = 0; it < 3000; it++) {
    const g = [0, 0, 0, 0];
    let gb = 0;
    let total = 0;
    xs.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-(b + x.reduce((s, v, j) => s + v * w[j]!, 0))));
      const d = (p - rows[i]!.label) * sw[i]!;
      x.forEach((v, j) => (g[j]! += d * v));
      gb += d;
      total += sw[i]!;
    });
    for (let j = 0; j < 4; j++) w[j]! -= (0.5 * (g[j]! / total + 1e-3 * w[j]!));
    b -= 0.5 * (gb / total);
  }
  return { weights: { sync: w[0]!, embedding: w[1]!, similarity: w[2]!, planted: w[3]! }, bias: b };
}

/** Combined probability of one out-of-fold row under a fitted combiner. */
export function deepScore(r: OutOfFold, comb: Omit<DeepCombiner, 'thresholds'>, c: FastCutoffs): number {
  return combineDeep({ ...comb, thresholds: { low: 0, medium: 0, high: 0 } }, r.trusted ? 0.9999 : r.sync, r.emb, r.knn, r.planted >= c.planted);
}

/**
 * Nested estimate: each row's combined score and flag from a combiner and threshold fitted without its
 * fold; a row the fast path calls HIGH (`fastHigh`) stays flagged, as in detectInjectionDeep.
 */
export function nestedDeep(rows: readonly OutOfFold[], c: FastCutoffs, maxFpr: number, fastHigh: (r: OutOfFold) => boolean): { row: OutOfFold; score: number; flagged: boolean }[] {
  const folds = [...new Set(rows.map((r) => r.fold))];
  return folds.flatMap((f) => {
    const rest = rows.filter((r) => r.fold !== f);
    const comb = fitCombiner(rest, c);
    const t = chooseThreshold(rest, (r) => (fastHigh(r) ? 1 : deepScore(r, comb, c)), maxFpr);
    return rows.filter((r) => r.fold === f).map((row) => {
      const score = deepScore(row, comb, c);
      return { row, score, flagged: fastHigh(row) || score >= t };
    });
  });
}
