import { cosines, highestCosine, voteOfCosines } from './attack-store.js';
import { combineDeep, defaultDeepModel, offTopicRequest, type DeepModel } from './deep-model.js';
import { detectInjection } from './detect-injection.js';
import { embeddingInput, type TextEmbedder } from './embedding-input.js';
import { logistic } from './features.js';
import { defaultModel, type InjectionModel } from './model.js';
import { documentSentences, promptContrast } from './prompt-contrast.js';
import type { InjectionResult, InjectionRisk } from './types.js';

/** Which detection layers produced a result. */
export interface InjectionLayers {
  rules: boolean;
  ngramModel: boolean;
  plantedInstructions: boolean;
  embeddingModel: boolean;
  attackSimilarity: boolean;
  /** The share of attacks among the nearest known prompts (needs a store of ordinary requests). */
  neighbourVote: boolean;
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
  /**
   * Share of known attacks among the known prompts (attacks and ordinary requests) nearest to the text
   * (absent without an embedder or without a store of ordinary requests).
   */
  neighbourVote?: number;
  /**
   * How much one sentence of a document stands out as an off-topic request to an assistant (see
   * promptContrast); absent without an embedder, 0 for a prompt-sized text or when the fast path says HIGH.
   */
  promptContrast?: number;
}

/** Options of {@link detectInjectionDeep}. */
export interface DeepOptions {
  model?: InjectionModel;
  deep?: DeepModel;
}

function riskOf(score: number, t: { low: number; medium: number; high: number }): InjectionRisk {
  return score >= t.high ? 'HIGH' : score >= t.medium ? 'MEDIUM' : score >= t.low ? 'LOW' : 'NONE';
}

function unit(raw: readonly number[] | undefined): Float32Array {
  const v = Float32Array.from(raw ?? []);
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return v;
}

/**
 * Like {@link detectInjection}, and when a sentence embedder is given (and an embedding layer is shipped)
 * also embeds the normalised text, scores it with the embedding model, its similarity to known attacks and
 * the share of attacks among its nearest known prompts (attacks and ordinary requests), embeds a document's
 * sentences to find one that stands out as an off-topic request to an assistant (an indirect injection such
 * as a knowledge question planted in an e-mail), and combines every layer into the score. The fast path's
 * HIGH is never lowered. Types and spans are the fast path's, plus the sentence of an off-topic request
 * ('off-topic-request', indirect injection) when its contrast reaches the cut-off. Rejects only if the
 * embedder does.
 */
export async function detectInjectionDeep(text: string, embedder?: TextEmbedder, options: DeepOptions = {}): Promise<DeepInjectionResult> {
  const model = options.model ?? defaultModel();
  const fast = detectInjection(text, model);
  const deep = options.deep ?? defaultDeepModel();
  const layers: InjectionLayers = { rules: true, ngramModel: true, plantedInstructions: model.planted !== undefined, embeddingModel: false, attackSimilarity: false, neighbourVote: false };
  if (!embedder || !deep) return { ...fast, layers, fastScore: fast.score };
  // A fast-path HIGH stands whatever the sentences say, so they are not read. They are embedded apart from
  // the whole text: the encoder pads a batch to its longest input, and a 500-word entry's sentences took
  // 1.6 s next to the whole text against 0.3 s alone.
  const sentences = deep.prompt && fast.risk !== 'HIGH' ? documentSentences(fast.normalized) : [];
  const [v = new Float32Array(0)] = (await embedder.embed([embeddingInput(text)])).map(unit);
  const sentenceVectors = sentences.length ? (await embedder.embed(sentences.map(embeddingInput))).map(unit) : [];
  const { contrast, sentence } = deep.prompt ? promptContrast(sentenceVectors, deep.prompt) : { contrast: 0, sentence: -1 };
  const spans = [...fast.spans];
  const types = [...fast.types];
  if (offTopicRequest(deep.combiner, contrast) && sentences[sentence] !== undefined) {
    const start = Math.max(0, fast.normalized.indexOf(sentences[sentence]));
    spans.push({ type: 'indirect_injection', start, end: start + sentences[sentence].length, text: sentences[sentence], rule: 'off-topic-request' });
    if (!types.includes('indirect_injection')) types.push('indirect_injection');
  }
  let z = deep.embedding.bias;
  for (let i = 0; i < v.length; i++) z += (deep.embedding.weights[i] ?? 0) * v[i]!;
  const embeddingScore = logistic(z);
  const attackSims = cosines(v, deep.attacks);
  const similarity = highestCosine(attackSims);
  const vote = deep.requests ? voteOfCosines(attackSims, cosines(v, deep.requests)) : undefined;
  const planted = model.planted !== undefined && fast.plantedScore >= model.planted.threshold;
  const score = combineDeep(deep.combiner, fast.score, embeddingScore, similarity, planted, contrast, vote);
  const deepRisk = riskOf(score, deep.combiner.thresholds);
  const risk = fast.risk === 'HIGH' ? 'HIGH' : deepRisk;
  return { ...fast, risk, score, spans, types, fastScore: fast.score, embeddingScore, similarity, ...(vote !== undefined ? { neighbourVote: vote } : {}), promptContrast: contrast, layers: { ...layers, embeddingModel: true, attackSimilarity: deep.attacks.length > 0, neighbourVote: vote !== undefined } };
}
