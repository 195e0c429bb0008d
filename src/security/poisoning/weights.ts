/**
 * Weights of the poisoning score, written by `npx tsx benchmarks/security/eval-poisoning.ts --train`: a
 * logistic model with non-negative weights over the robust deviations, fitted on the 'train' journals of
 * the synthetic set built from fixtures/data, its bias shifted so the score at 1% false positives on those
 * journals is DEFAULT_POISONING_THRESHOLD. withoutEmbedding: `--train --journals 120` (60 train journals);
 * withEmbedding: `--train --embeddings` (20 train journals; embedding a journal is slow on a CPU). The
 * 'test' journals of the default 40-journal set are never trained on. Do not edit by hand.
 */

/** One fitted scorer: bias and weight per deviation ('top1'..'top3' are the largest deviations, whichever they are). */
export interface PoisoningWeights {
  bias: number;
  weights: Record<string, number>;
}

/** Scorer used when the baseline and the entry have embeddings, and the one used when they do not. */
export const POISONING_WEIGHTS: { withEmbedding: PoisoningWeights; withoutEmbedding: PoisoningWeights } = {
  withEmbedding: { bias: -1.1096, weights: { secondPersonRate: 0.3787, uppercaseRate: 0.7994, nonAsciiRate: 0.0473, injectionScore: 0.389, contentWordDistance: 0.1836, newWordShare: 0.4552, embeddingDistance: 0.0224, top1: 0.0065 } },
  withoutEmbedding: { bias: -1.11, weights: { secondPersonRate: 0.2273, uppercaseRate: 0.69, nonAsciiRate: 0.0421, injectionScore: 0.4711, contentWordDistance: 0.3461, newWordShare: 0.4037, trigramDistance: 0.0209, top1: 0.0093 } },
};
