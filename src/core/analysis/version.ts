/**
 * Version of the analyzer (sentiment rules, thresholds, theme extraction). Stored with each entry's analysis;
 * an entry analysed by an older version is analysed again. Bump on any change that alters results.
 */
export const ANALYZER_VERSION = 4;
// 2: the poisoning quarantine is decided with the analysis. 3: themes from compromise's rule tagger only.
// 4: themes from our own tokenizer and a tagger on compromise's precomputed lexicon (no compromise at run time).

/**
 * Whether an entry needs analysing again: never analysed, or analysed by another analyzer version. Kept
 * apart from the analyzer so callers can check without loading the NLP library.
 */
export function needsAnalysis(entry: { analyzerVersion: number | null }): boolean {
  return entry.analyzerVersion !== ANALYZER_VERSION;
}
