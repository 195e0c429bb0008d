import { modelEntities, type NerModelLocation } from './deep-ner.js';
import { detectPII } from './detect-pii.js';
import { resolveOverlaps } from './resolve-overlaps.js';
import type { DetectPiiOptions, PiiSpan } from './types.js';

/** Options for {@link detectPIIDeep}: those of detectPII plus where the local NER model lives. */
export interface DetectPiiDeepOptions extends DetectPiiOptions {
  /** A local token-classification ONNX folder; without it detectPIIDeep is detectPII. */
  nerModel?: NerModelLocation;
}

/**
 * detectPII plus a local transformers.js token-classification model: the model's entity spans are merged
 * with the rule and tagger spans (validated types win overlaps). Rejects when the model folder cannot be
 * loaded; never loads a model from a hub.
 */
export async function detectPIIDeep(text: string, options: DetectPiiDeepOptions = {}): Promise<PiiSpan[]> {
  const base = detectPII(text, options);
  if (!options.nerModel || options.ner === false) return base;
  const min = options.minConfidence ?? 0;
  const allowed = options.types ? new Set(options.types) : undefined;
  const extra = (await modelEntities(text, options.nerModel)).filter((s) => s.confidence >= min && (!allowed || allowed.has(s.type)));
  return resolveOverlaps([...base, ...extra]);
}
