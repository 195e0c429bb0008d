/** A 95% Wilson score interval for k successes out of n, as fractions; [0, 1] when n is 0. */
export interface Interval {
  low: number;
  high: number;
}

/** Wilson score interval (z = 1.96) for a proportion k/n. */
export function wilson(k: number, n: number, z = 1.96): Interval {
  if (n === 0) return { low: 0, high: 1 };
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Confusion counts of a binary detector. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Precision, recall, F1 and false-positive rate with their Wilson intervals, as fractions in [0, 1]. */
export interface BinaryMetrics extends Counts {
  precision: number;
  recall: number;
  f1: number;
  fpr: number;
  /** Number of labelled items scored (tp + fp + fn + tn; for spans, gold + predicted without double count). */
  n: number;
  precisionCI: Interval;
  recallCI: Interval;
  fprCI: Interval;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/** Derives the metrics from counts; `n` defaults to the sum of the counts. */
export function metricsFrom(c: Counts, n = c.tp + c.fp + c.fn + c.tn): BinaryMetrics {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  return {
    ...c,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    fpr: ratio(c.fp, c.fp + c.tn),
    n,
    precisionCI: wilson(c.tp, c.tp + c.fp),
    recallCI: wilson(c.tp, c.tp + c.fn),
    fprCI: wilson(c.fp, c.fp + c.tn),
  };
}

/** Adds confusion counts. */
export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn };
}

/** Zero counts. */
export const ZERO: Counts = Object.freeze({ tp: 0, fp: 0, fn: 0, tn: 0 });

/** Area under the ROC curve (probability a positive outscores a negative; ties count half). */
export function auroc(positives: number[], negatives: number[]): number {
  if (positives.length === 0 || negatives.length === 0) return 0;
  const all = [...positives.map((s) => ({ s, p: 1 })), ...negatives.map((s) => ({ s, p: 0 }))].sort((a, b) => a.s - b.s);
  let rankSum = 0;
  let i = 0;
  while (i < all.length) {
    let j = i;
    while (j < all.length && all[j]!.s === all[i]!.s) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (all[k]!.p === 1) rankSum += avgRank;
    i = j;
  }
  const np = positives.length;
  return (rankSum - (np * (np + 1)) / 2) / (np * negatives.length);
}
