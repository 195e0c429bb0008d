/** Data-poisoning detection by per-journal style baselines: the public surface of src/security/poisoning. */
export { buildStyleBaseline, type EmbeddingBaseline, type StyleBaseline } from './baseline.js';
export { combineDeviations, detectPoisoning, DEFAULT_POISONING_THRESHOLD, type PoisoningFeature, type PoisoningOptions, type PoisoningResult } from './detect.js';
export { cosineDistance, median, robustCentroid, robustStat, type CentroidProfile, type RobustStat } from './robust.js';
export { measureStyle, type ScalarStyle, type StyleVector } from './style-features.js';
