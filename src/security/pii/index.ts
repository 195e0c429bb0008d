/** PII detection and obfuscation: the public surface of src/security/pii. */
export { detectPII, resolveOverlaps } from './detect-pii.js';
export { hideSpans, obfuscate, type ObfuscationMode } from './obfuscate.js';
export { Pseudonymizer } from './pseudonymizer.js';
export { base58CheckValid, bech32Valid, ibanValid, ipv4Valid, luhnValid, phoneDigitsValid, ssnValid } from './validators.js';
export { PII_TYPES, type DetectPiiOptions, type PiiSpan, type PiiType } from './types.js';
export { detectPIIDeep, type DetectPiiDeepOptions } from './detect-pii-deep.js';
export type { NerModelLocation } from './deep-ner.js';
