/**
 * Version of the analyzer (sentiment rules, thresholds, theme extraction). Stored with each entry's analysis;
 * an entry analysed by an older version is analysed again. Bump on any change that alters results.
 */
export const ANALYZER_VERSION = 1;
