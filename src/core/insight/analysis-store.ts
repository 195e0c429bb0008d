import { analyzeEntry, needsAnalysis, parseTheme, themeCandidates, themeCorpusFromKeys, type ThemeCorpus } from '../analysis/index.js';
import type { Entry } from '../entry.js';
import type { EntryPatch } from '../journal.js';

/** The part of the Journal that stored analysis needs: read every entry, write an analysis back. */
export interface AnalysisJournal {
  all(): Entry[];
  updateMany(changes: ReadonlyArray<{ id: string; patch: EntryPatch }>): Promise<Entry[]>;
}

/**
 * The theme corpus of a journal: analysed entries count with their stored theme keys, entries not yet
 * analysed with their theme candidates (one compromise pass each), so a journal that is mostly analysed
 * costs almost nothing beyond decrypting it.
 */
export function themeCorpusFor(entries: readonly Pick<Entry, 'text' | 'themes' | 'analyzerVersion'>[]): ThemeCorpus {
  return themeCorpusFromKeys(entries.map((e) =>
    needsAnalysis(e) ? themeCandidates(e.text).map((c) => c.key) : e.themes.map((t) => parseTheme(t).key)));
}

/** What ensureAnalysis did: the entries with their analysis (in input order) and how many it analysed. */
export interface AnalysisResult {
  entries: Entry[];
  analysed: number;
}

/**
 * Analyse the given entries that lack a current analysis (never analysed, edited since, or analysed by an
 * older ANALYZER_VERSION) and store the result encrypted with each entry. `corpusEntries` is the journal the
 * themes are weighed against (default: the journal's entries). Entries already analysed are returned as they are.
 */
export async function ensureAnalysis(journal: AnalysisJournal, entries: readonly Entry[], corpusEntries?: readonly Entry[]): Promise<AnalysisResult> {
  const stale = entries.filter(needsAnalysis);
  if (stale.length === 0) return { entries: [...entries], analysed: 0 };
  const corpus = themeCorpusFor(corpusEntries ?? journal.all());
  const changes = stale.map((entry) => {
    const { mood, themes, analyzerVersion } = analyzeEntry(entry.text, corpus);
    return { id: entry.id, patch: { mood, themes, analyzerVersion } };
  });
  // One locked batch: one audit append for all of them, not one per entry.
  const updated = new Map((await journal.updateMany(changes)).map((e) => [e.id, e] as const));
  return { entries: entries.map((e) => updated.get(e.id) ?? e), analysed: stale.length };
}

/**
 * Analyse one freshly saved entry and store the analysis with it; called after the save is reported so it
 * never delays it. Returns the entry as stored, or null when it no longer needs analysis.
 */
export async function analyzeSavedEntry(journal: AnalysisJournal & { get(id: string): Entry }, id: string): Promise<Entry | null> {
  const entry = journal.get(id);
  if (!needsAnalysis(entry)) return null;
  const result = await ensureAnalysis(journal, [entry]);
  return result.entries[0] ?? null;
}
