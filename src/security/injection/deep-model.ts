import { decodeAttackStore, type SerializedAttackStore } from './attack-store.js';
import { DEEP_WEIGHTS } from './deep-weights.js';
import { logistic } from './features.js';
import { decodeLinear, type SerializedLinear } from './linear-codec.js';
import type { PromptLikeness } from './prompt-contrast.js';

/**
 * How the embedding layer's signals are combined: a logistic regression over the fast path's score (as a
 * logit), the embedding model's logit, the highest similarity to a known attack, whether a planted
 * instruction was found, (when positive) a document's off-topic request contrast (see promptContrast) and
 * the share of attacks among the nearest known prompts less one half (see neighbourVote), with its own
 * risk cut-offs.
 */
export interface DeepCombiner {
  weights: { sync: number; embedding: number; similarity: number; planted: number; contrast?: number; vote?: number };
  bias: number;
  /** A document whose off-topic request contrast reaches this counts as a planted instruction (absent: never). */
  contrastCutoff?: number;
  thresholds: { low: number; medium: number; high: number };
}

/**
 * The embedding layer: a logistic regression on sentence embeddings, the known-attack store, the store of
 * ordinary requests to an assistant (absent in older weights), the sentence-level prompt-likeness model
 * (absent in older weights) and the combiner.
 */
export interface DeepModel {
  embedding: { weights: Float32Array; bias: number };
  attacks: Float32Array[];
  /** Embeddings of benign prompts (deepset negatives, NotInject): the other side of the neighbour vote. */
  requests?: Float32Array[];
  prompt?: PromptLikeness;
  combiner: DeepCombiner;
}

/** The serialised embedding layer (written by scripts/train-injection.ts). */
export interface SerializedDeepModel {
  embedding: SerializedLinear;
  attacks: SerializedAttackStore;
  requests?: SerializedAttackStore;
  prompt?: SerializedLinear;
  combiner: DeepCombiner;
  trainedOn: string;
}

/** Decodes a serialised embedding layer. */
export function deserializeDeepModel(s: SerializedDeepModel): DeepModel {
  return { embedding: decodeLinear(s.embedding), attacks: decodeAttackStore(s.attacks), ...(s.requests ? { requests: decodeAttackStore(s.requests) } : {}), ...(s.prompt ? { prompt: decodeLinear(s.prompt) } : {}), combiner: s.combiner };
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

/** Whether a document's off-topic request contrast reaches the combiner's cut-off (an off-topic request planted in data). */
export function offTopicRequest(c: DeepCombiner, contrast: number): boolean {
  return c.contrastCutoff !== undefined && contrast >= c.contrastCutoff;
}

/**
 * The combined probability from the layer signals (sync and embedding as probabilities, similarity as a
 * cosine, contrast as promptContrast gives it, 0 for a prompt-sized text, vote as neighbourVote gives it,
 * 0.5 when unknown). A planted window or an off-topic request (see offTopicRequest) adds the planted weight.
 */
export function combineDeep(c: DeepCombiner, sync: number, embedding: number, similarity: number, planted: boolean, contrast = 0, vote = 0.5): number {
  const flagged = planted || offTopicRequest(c, contrast);
  const z = c.bias + c.weights.sync * logitOf(sync) + c.weights.embedding * logitOf(embedding) + c.weights.similarity * similarity
    + c.weights.planted * (flagged ? 1 : 0) + (c.weights.contrast ?? 0) * Math.max(0, contrast) + (c.weights.vote ?? 0) * (vote - 0.5);
  return logistic(z);
}
