import { decodeAttackStore, type SerializedAttackStore } from './attack-store.js';
import { DEEP_WEIGHTS } from './deep-weights.js';
import { decodeLinear, type SerializedLinear } from './linear-codec.js';

/**
 * How the embedding layer's signals are combined: a logistic regression over the fast path's score (as a
 * logit), the embedding model's logit, the highest similarity to a known attack and whether a planted
 * instruction was found, with its own risk cut-offs.
 */
export interface DeepCombiner {
  weights: { sync: number; embedding: number; similarity: number; planted: number };
  bias: number;
  thresholds: { low: number; medium: number; high: number };
}

/** The embedding layer: a logistic regression on sentence embeddings, the known-attack store and the combiner. */
export interface DeepModel {
  embedding: { weights: Float32Array; bias: number };
  attacks: Float32Array[];
  combiner: DeepCombiner;
}

/** The serialised embedding layer (written by scripts/train-injection.ts). */
export interface SerializedDeepModel {
  embedding: SerializedLinear;
  attacks: SerializedAttackStore;
  combiner: DeepCombiner;
  trainedOn: string;
}

/** Decodes a serialised embedding layer. */
export function deserializeDeepModel(s: SerializedDeepModel): DeepModel {
  return { embedding: decodeLinear(s.embedding), attacks: decodeAttackStore(s.attacks), combiner: s.combiner };
}

let cached: DeepModel | undefined;

/** The shipped embedding layer (decoded once); undefined when none has been trained. */
export function defaultDeepModel(): DeepModel | undefined {
  if (!DEEP_WEIGHTS) return undefined;
  cached ??= deserializeDeepModel(DEEP_WEIGHTS);
  return cached;
}

function logitOf(p: number): number {
  const q = Math.min(1 - 1e-4, Math.max(1e-4, p));
  return Math.log(q / (1 - q));
}

/** The combined probability from the layer signals (sync and embedding as probabilities, similarity as a cosine). */
export function combineDeep(c: DeepCombiner, sync: number, embedding: number, similarity: number, planted: boolean): number {
  const z = c.bias + c.weights.sync * logitOf(sync) + c.weights.embedding * logitOf(embedding) + c.weights.similarity * similarity + c.weights.planted * (planted ? 1 : 0);
  return 1 / (1 + Math.exp(-z));
}
