/** Prompt-injection detection and spotlighting: the public surface of src/security/injection. */
export { detectInjection, gatherEvidence, type InjectionEvidence } from './detect-injection.js';
export { detectInjectionDeep, type DeepInjectionResult, type DeepOptions, type InjectionLayers } from './detect-injection-deep.js';
export { embeddingInput, type TextEmbedder } from './embedding-input.js';
export { defaultDeepModel, type DeepModel } from './deep-model.js';
export { normalizeForDetection, rot13, type DecodedPayload, type NormalizationFlag, type NormalizedText } from './normalize.js';
export { sanitizeForContext, DATAMARK, type SanitizedContext, type SanitizeOptions, type SpotlightMode } from './sanitize.js';
export { defaultModel, type InjectionModel } from './model.js';
export type { InjectionResult, InjectionRisk, InjectionSpan, InjectionType } from './types.js';
