import { createRng as mulberry32 } from '../../src/core/prompts/rng.js';

/** The three sentiment classes scored by the evaluation. */
export const CLASSES = ['positive', 'neutral', 'negative'] as const;
/** One of the three sentiment classes. */
export type SentimentClass = (typeof CLASSES)[number];

/** Precision, recall and F1 of one class, with its support (gold count). */
export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Per-class scores and their macro-averaged F1. */
export interface Scores {
  perClass: Record<SentimentClass, ClassScores>;
  macroF1: number;
}

/** Score predictions against gold labels: per-class precision, recall, F1 and macro-F1. */
export function score(gold: readonly SentimentClass[], predicted: readonly SentimentClass[]): Scores {
  const perClass = {} as Record<SentimentClass, ClassScores>;
  for (const cls of CLASSES) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i += 1) {
      const g = gold[i];
      const p = predicted[i];
      if (p === cls && g === cls) tp += 1;
      else if (p === cls) fp += 1;
      else if (g === cls) fn += 1;
    }
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perClass[cls] = { precision, recall, f1, support: tp + fn };
  }
  const macroF1 = CLASSES.reduce((sum, cls) => sum + perClass[cls].f1, 0) / CLASSES.length;
  return { perClass, macroF1 };
}


/** Percentile bootstrap 95% interval of macro-F1 over resampled examples (seeded, so reruns agree). */
export function bootstrapMacroF1(
  gold: readonly SentimentClass[],
  predicted: readonly SentimentClass[],
  resamples = 1000,
  seed = 20240501,
): { low: number; high: number } {
  const random = mulberry32(seed);
  const values: number[] = [];
  const n = gold.length;
  const g: SentimentClass[] = new Array(n);
  const p: SentimentClass[] = new Array(n);
  for (let r = 0; r < resamples; r += 1) {
    for (let i = 0; i < n; i += 1) {
      const j = Math.floor(random() * n);
      g[i] = gold[j] as SentimentClass;
      p[i] = predicted[j] as SentimentClass;
    }
    values.push(score(g, p).macroF1);
  }
  values.sort((a, b) => a - b);
  return { low: values[Math.floor(0.025 * resamples)] ?? 0, high: values[Math.ceil(0.975 * resamples) - 1] ?? 0 };
}
