/**
 * Weights of the poisoning score, written by `npx tsx benchmarks/security/eval-poisoning.ts --train`: a
 * logistic model with non-negative weights over the robust deviations, fitted on the training journals of
 * the synthetic set built from fixtures/data, its bias shifted so the score at 1% false positives on those
 * journals is DEFAULT_POISONING_THRESHOLD. Do not edit by hand.
 */

/** One fitted scorer: bias and weight per deviation ('top1'..'top3' are the largest deviations, whichever they are). */
export interface PoisoningWeights {
  bias: number;
  weights: Record<string, number>;
}

/** Scorer used when the baseline and the entry have embeddings, and the one used when they do not. */
export const POISONING_WEIGHTS: { withEmbedding: PoisoningWeights; withoutEmbedding: PoisoningWeights } = {
  withEmbedding: { bias: 0, weights: { top1: 1 } },
  withoutEmbedding: { bias: -0.601, weights: { secondPersonRate: 0.6194, uppercaseRate: 0.9524, digitRate: 0.1346, nonAsciiRate: 0.16, injectionScore: 0.2773, spamCueRate: 0.0114, contentWordDistance: 0.8651, top1: 0.1918 } },
};
