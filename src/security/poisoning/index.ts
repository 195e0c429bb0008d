/** Data-poisoning detection by per-journal style baselines: the public surface of src/security/poisoning. */
export { buildStyleBaseline, detectPoisoning, DEFAULT_POISONING_THRESHOLD, type PoisoningResult, type StyleBaseline } from './baseline.js';
export { measureStyle, type ScalarStyle, type StyleVector } from './style-features.js';
