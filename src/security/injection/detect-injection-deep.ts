import { maxCosine } from './attack-store.js';
import { combineDeep, defaultDeepModel, type DeepModel } from './deep-model.js';
import { detectInjection } from './detect-injection.js';
import { embeddingInput, type TextEmbedder } from './embedding-input.js';
import { defaultModel, type InjectionModel } from './model.js';
import type { InjectionResult, InjectionRisk } from './types.js';

/** Which detection layers produced a result. */
export interface InjectionLayers {
  rules: boolean;
  ngramModel: boolean;
  plantedInstructions: boolean;
  embeddingModel: boolean;
  attackSimilarity: boolean;
}

/** {@link detectInjection}'s result plus what the embedding layer saw. */
export interface DeepInjectionResult extends InjectionResult {
  layers: InjectionLayers;
  /** The fast path's score (rules and n-gram model) before the embedding layer. */
  fastScore: number;
  /** Embedding model's probability (absent without an embedder). */
  embeddingScore?: number;
  /** Highest cosine similarity to a known attack (absent without an embedder). */
  similarity?: number;
}

/** Options of {@link detectInjectionDeep}. */
export interface DeepOptions {
  model?: InjectionModel;
  deep?: DeepModel;
}

function riskOf(score: number, t: { low: number; medium: number; high: number }): InjectionRisk {
  return score >= t.high ? 'HIGH' : score >= t.medium ? 'MEDIUM' : score >= t.low ? 'LOW' : 'NONE';
}

/**
 * Like {@link detectInjection}, and when a sentence embedder is given (and an embedding layer is shipped)
 * also embeds the normalised text, scores it with the embedding model and its similarity to known attacks,
 * and combines every layer into the score. The fast path's HIGH is never lowered. Types and spans come
 * from the fast path. Rejects only if the embedder does.
 */
export async function detectInjectionDeep(text: string, embedder?: TextEmbedder, options: DeepOptions = {}): Promise<DeepInjectionResult> {
  const model = options.model ?? defaultModel();
  const fast = detectInjection(text, model);
  const deep = options.deep ?? defaultDeepModel();
  const layers: InjectionLayers = { rules: true, ngramModel: true, plantedInstructions: model.planted !== undefined, embeddingModel: false, attackSimilarity: false };
  if (!embedder || !deep) return { ...fast, layers, fastScore: fast.score };
  const [raw] = await embedder.embed([embeddingInput(text)]);
  const v = Float32Array.from(raw ?? []);
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < v.length; i++) v[i]! /= norm;
  let z = deep.embedding.bias;
  for (let i = 0; i < v.length; i++) z += (deep.embedding.weights[i] ?? 0) * v[i]!;
  const embeddingScore = 1 / (1 + Math.exp(-z));
  const similarity = maxCosine(v, deep.attacks);
  const planted = model.planted !== undefined && fast.plantedScore >= model.planted.threshold;
  const score = combineDeep(deep.combiner, fast.score, embeddingScore, similarity, planted);
  const deepRisk = riskOf(score, deep.combiner.thresholds);
  const risk = fast.risk === 'HIGH' ? 'HIGH' : deepRisk;
  return { ...fast, risk, score, fastScore: fast.score, embeddingScore, similarity, layers: { ...layers, embeddingModel: true, attackSimilarity: deep.attacks.length > 0 } };
}
