import { needsAnalysis, parseTheme, themeCandidates, themeCorpusFromKeys, type ThemeCorpus } from '../analysis/index.js';
import type { Entry } from '../entry.js';

/**
 * The theme corpus of a journal: analysed entries count with their stored theme keys, entries not yet
 * analysed with their theme candidates (one tagging pass each), so a journal that is mostly analysed
 * costs almost nothing beyond decrypting it.
 */
export function themeCorpusFor(entries: readonly Pick<Entry, 'text' | 'themes' | 'analyzerVersion'>[]): ThemeCorpus {
  return themeCorpusFromKeys(entries.map((e) =>
    needsAnalysis(e) ? themeCandidates(e.text).map((c) => c.key) : e.themes.map((t) => parseTheme(t).key)));
}
