/** Pooled cross-validation figures with bootstrap 95% intervals (used by train-pii-tagger.ts). */
import { SpanScorer, type TypedSpan } from '../benchmarks/security/span-scoring.js';
import { rng } from './train-pii-perceptron.js';

/** One held-out sentence: its fold, gold and predicted spans (evaluation types). */
export interface Scored {
  fold: number;
  gold: TypedSpan[];
  predicted: TypedSpan[];
}

/** F1 with its 95% bootstrap interval (sentences resampled) and the number of gold spans. */
export interface CvFigure {
  f1: number;
  precision: number;
  recall: number;
  n: number;
  ci95: [number, number];
}

function f1s(items: readonly Scored[], mode: 'exact' | 'overlap'): Record<string, { f1: number; precision: number; recall: number; n: number }> {
  const scorer = new SpanScorer(mode);
  for (const s of items) scorer.add(s.gold, s.predicted);
  return scorer.result();
}

/** Pooled figures per type and overall for both match modes, plus per-fold overall F1. */
export function crossValidationReport(scored: readonly Scored[], folds: number, seed: number, resamples = 1000) {
  const random = rng(seed + 7);
  const out: Record<string, Record<string, CvFigure>> = {};
  const perFoldOverallF1: Record<string, number[]> = {};
  for (const mode of ['exact', 'overlap'] as const) {
    const point = f1s(scored, mode);
    const samples: Record<string, number[]> = {};
    for (let r = 0; r < resamples; r++) {
      const draw = Array.from({ length: scored.length }, () => scored[Math.floor(random() * scored.length)]!);
      for (const [type, m] of Object.entries(f1s(draw, mode))) (samples[type] ??= []).push(m.f1);
    }
    out[mode] = {};
    for (const [type, m] of Object.entries(point)) {
      const s = (samples[type] ?? []).sort((a, b) => a - b);
      out[mode][type] = {
        f1: m.f1, precision: m.precision, recall: m.recall, n: m.n,
        ci95: [s[Math.floor(s.length * 0.025)] ?? 0, s[Math.min(s.length - 1, Math.floor(s.length * 0.975))] ?? 0],
      };
    }
    const perFold = Array.from({ length: folds }, (_, k) => f1s(scored.filter((s) => s.fold === k), mode).overall?.f1 ?? 0);
    console.log(`\nCV ${mode} (pooled over ${folds} folds, ${scored.length} sentences; per-fold overall F1 ${perFold.map((x) => x.toFixed(3)).join(' ')})`);
    for (const [type, f] of Object.entries(out[mode])) {
      console.log(`${type.padEnd(18)} n ${String(f.n).padStart(4)}  P ${f.precision.toFixed(3)}  R ${f.recall.toFixed(3)}  F1 ${f.f1.toFixed(3)}  [${f.ci95[0].toFixed(3)}, ${f.ci95[1].toFixed(3)}]`);
    }
    perFoldOverallF1[mode] = perFold;
  }
  return { sentences: scored.length, cv: out, perFoldOverallF1 };
}
