import type { Mood } from '../entry.js';
import { analyzeSentiment } from './sentiment.js';
import { extractThemes, formatTheme, type ThemeCorpus } from './themes.js';
import { ANALYZER_VERSION } from './version.js';

/** What the analyzer stores with an entry: mood, themes in stored form, and the analyzer version. */
export interface EntryAnalysis {
  mood: Mood | null;
  themes: string[];
  analyzerVersion: number;
}

/**
 * Analyse one entry's text: sentiment and up to `maxThemes` themes weighed against the journal's corpus.
 * A blank text has no mood (null) and no themes.
 */
export function analyzeEntry(text: string, corpus: ThemeCorpus, maxThemes = 5): EntryAnalysis {
  if (text.trim().length === 0) return { mood: null, themes: [], analyzerVersion: ANALYZER_VERSION };
  return {
    mood: analyzeSentiment(text),
    themes: extractThemes(text, corpus, { max: maxThemes }).map(formatTheme),
    analyzerVersion: ANALYZER_VERSION,
  };
}

export { needsAnalysis } from './version.js';
