/** A linear model's weights quantised to int8 (offset 128) with one scale, as stored in the repository. */
export interface SerializedLinear {
  dim: number;
  scale: number;
  bias: number;
  /** `dim` bytes, base64. */
  weights: string;
}

/** Quantises weights to int8 with one scale. */
export function encodeLinear(weights: Float32Array, bias: number): SerializedLinear {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max / 127 || 1;
  const bytes = Buffer.alloc(weights.length);
  weights.forEach((w, i) => (bytes[i] = Math.max(0, Math.min(255, Math.round(w / scale) + 128))));
  return { dim: weights.length, scale, bias, weights: bytes.toString('base64') };
}

/** Decodes quantised weights. */
export function decodeLinear(s: SerializedLinear): { weights: Float32Array; bias: number } {
  const bytes = Buffer.from(s.weights, 'base64');
  const weights = new Float32Array(s.dim);
  for (let i = 0; i < s.dim; i++) weights[i] = ((bytes[i] ?? 128) - 128) * s.scale;
  return { weights, bias: s.bias };
}
