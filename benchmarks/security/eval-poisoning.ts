import { buildStyleBaseline, detectPoisoning, DEFAULT_POISONING_THRESHOLD } from '../../src/security/poisoning/index.js';
import { auroc, metricsFrom, wilson, type BinaryMetrics, type Interval } from './metrics.js';
import type { SyntheticJournal } from './poisoning-set.js';

/** Poisoning figures on the synthetic journals. */
export interface PoisoningEvaluation extends BinaryMetrics {
  dataset: string;
  journals: number;
  auroc: number;
  /** Detection rate of foreign entries when the threshold is set so 1% of own entries are flagged. */
  detectionAt1pctFpr: number;
  detectionAt1pctFprCI: Interval;
  thresholdAt1pctFpr: number;
  /** Threshold used for precision/recall/F1/FPR (the shipped default). */
  threshold: number;
  byKind: Record<string, { n: number; detectedAt1pctFpr: number }>;
}

/** Scores detectPoisoning: each journal's baseline scores its own held-out and foreign entries. */
export function evaluatePoisoning(journals: readonly SyntheticJournal[]): PoisoningEvaluation {
  const own: number[] = [];
  const foreign: { kind: string; score: number }[] = [];
  for (const j of journals) {
    const baseline = buildStyleBaseline(j.baseline);
    for (const t of j.own) own.push(detectPoisoning(t, baseline).score);
    for (const f of j.foreign) foreign.push({ kind: f.kind, score: detectPoisoning(f.text, baseline).score });
  }
  const sorted = [...own].sort((a, b) => a - b);
  const cut = sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)] ?? Infinity;
  const detected = foreign.filter((f) => f.score > cut).length;
  const byKind: PoisoningEvaluation['byKind'] = {};
  for (const f of foreign) {
    const row = (byKind[f.kind] ??= { n: 0, detectedAt1pctFpr: 0 });
    row.n++;
    if (f.score > cut) row.detectedAt1pctFpr++;
  }
  const t = DEFAULT_POISONING_THRESHOLD;
  const counts = {
    tp: foreign.filter((f) => f.score >= t).length, fn: foreign.filter((f) => f.score < t).length,
    fp: own.filter((s) => s >= t).length, tn: own.filter((s) => s < t).length,
  };
  return {
    dataset: 'synthetic journals (benchmarks/security/poisoning-set.ts, seed 17)', journals: journals.length,
    ...metricsFrom(counts), auroc: auroc(foreign.map((f) => f.score), own),
    detectionAt1pctFpr: foreign.length ? detected / foreign.length : 0, detectionAt1pctFprCI: wilson(detected, foreign.length),
    thresholdAt1pctFpr: cut, threshold: t, byKind,
  };
}
