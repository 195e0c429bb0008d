import { createHash } from 'node:crypto';

/**
 * A deterministic bag-of-words vector: each lower-cased word adds ±1 to a hashed dimension, then the
 * vector is L2-normalised. Texts sharing words point in similar directions. Used by the mock provider.
 */
export function hashedEmbedding(text: string, dimensions: number): number[] {
  const v = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []) {
    const h = createHash('sha256').update(word).digest();
    const slot = h.readUInt32LE(0) % dimensions;
    v[slot] = (v[slot] ?? 0) + ((h[4] ?? 0) & 1 ? 1 : -1);
  }
  const norm = Math.hypot(...v);
  return norm === 0 ? v : v.map((x) => x / norm);
}
