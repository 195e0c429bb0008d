import { MIN_DOCUMENT_WORDS } from './planted-instructions.js';
import { countWords } from './word-count.js';

/**
 * A sentence-level "addressed to an assistant" model on sentence embeddings: trained with prompts (deepset,
 * NotInject, jailbreaks) as positives and data (e-mail sentences, GoEmotions comments) as negatives.
 */
export interface PromptLikeness {
  weights: Float32Array;
  bias: number;
}

/** How much a sentence's similarity to the rest of its document lowers its off-topic request score. */
export const OFF_TOPIC_WEIGHT = 3;
/** Most sentences of one document the embedding layer reads (the first ones). */
export const MAX_DOCUMENT_SENTENCES = 64;

const SENTENCE = /[^.!?\n|]*[^.!?\n|\s][^.!?\n|]*(?:[.!?]+|\n|\||$)/g;

/** The sentences, lines and `|`-separated fields of three words or more of a text, trimmed. */
export function sentencesOf(text: string): string[] {
  return [...text.matchAll(SENTENCE)].map((m) => m[0].trim()).filter((s) => countWords(s) >= 3);
}

/**
 * The sentences the embedding layer scores one by one: those of a document (MIN_DOCUMENT_WORDS words or
 * more) with two or more of them, at most MAX_DOCUMENT_SENTENCES; [] for a prompt-sized text.
 */
export function documentSentences(normalized: string): string[] {
  if (countWords(normalized) < MIN_DOCUMENT_WORDS) return [];
  const sentences = sentencesOf(normalized).slice(0, MAX_DOCUMENT_SENTENCES);
  return sentences.length >= 2 ? sentences : [];
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** How far a document's likeliest off-topic request stands out, and which sentence it is. */
export interface PromptContrast {
  contrast: number;
  /** Index of that sentence (-1 for fewer than two sentences). */
  sentence: number;
}

/**
 * How much one sentence of a document stands out as an off-topic request to an assistant: over the
 * sentences (unit vectors), the highest prompt-likeness logit minus OFF_TOPIC_WEIGHT times the cosine
 * with the sum of the other sentences, less the median sentence's logit. A question or task planted in an
 * e-mail scores high; a prompt (every sentence prompt-like) or a document of one kind scores low. 0 for
 * fewer than two sentences.
 */
export function promptContrast(vectors: readonly Float32Array[], model: PromptLikeness): PromptContrast {
  if (vectors.length < 2) return { contrast: 0, sentence: -1 };
  const dim = vectors[0]!.length;
  const sum = new Float32Array(dim);
  for (const v of vectors) for (let i = 0; i < dim; i++) sum[i]! += v[i]!;
  const rest = new Float32Array(dim);
  const logits = vectors.map((v) => model.bias + dot(model.weights, v));
  let best = -Infinity;
  let sentence = 0;
  vectors.forEach((v, k) => {
    for (let i = 0; i < dim; i++) rest[i] = sum[i]! - v[i]!;
    const norm = Math.sqrt(dot(rest, rest)) || 1;
    const score = logits[k]! - OFF_TOPIC_WEIGHT * (dot(v, rest) / norm);
    if (score > best) [best, sentence] = [score, k];
  });
  const sorted = [...logits].sort((a, b) => a - b);
  return { contrast: best - sorted[Math.floor(sorted.length / 2)]!, sentence };
}
