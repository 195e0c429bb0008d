/** Summaries: period statistics, the built-in reflection, map-reduce batching, and BM25 retrieval for `ask`. */
export { summarizePeriod, type PeriodSummary, type SummaryRange, type SummaryOptions, type NotableEntry } from './summarize.js';
export { builtinReflection } from './reflection.js';
export { planBatches, planReduce, itemTokens, type Batch, type BatchItem, type BatchPlan } from './batches.js';
export { estimateTokens, truncateToTokens } from './tokens.js';
export { buildBm25, bm25Terms, type Bm25Index, type RankedEntry } from './bm25.js';
export { sparkline } from './sparkline.js';
export { excerpt } from './excerpt.js';
export { currentRun, longestRun, type Streaks } from './streaks.js';
export { themeStats, type ThemeStat } from './theme-stats.js';
