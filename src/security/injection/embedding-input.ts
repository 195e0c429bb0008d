import { normalizeForDetection } from './normalize.js';

/** A sentence embedder (for example Universal Sentence Encoder lite via the builtin provider). */
export interface TextEmbedder {
  /** One vector per input text, all of the same dimension. */
  embed(texts: string[]): Promise<number[][]>;
}

/** Longest stretch of normalised text given to the embedder (the encoder reads the start of long texts). */
export const EMBED_MAX_CHARS = 1500;

/** The text the embedding layer embeds for `text`: normalised (see normalizeForDetection) and clipped. */
export function embeddingInput(text: string): string {
  return normalizeForDetection(text).text.slice(0, EMBED_MAX_CHARS);
}
