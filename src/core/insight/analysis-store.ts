import { needsAnalysis } from '../analysis/version.js';
import type { Entry } from '../entry.js';
import type { EntryPatch } from '../journal.js';
import { quarantineStates } from './quarantine.js';

/** The part of the Journal that stored analysis needs: read every entry, write an analysis back. */
export interface AnalysisJournal {
  all(): Entry[];
  updateMany(changes: ReadonlyArray<{ id: string; patch: EntryPatch }>): Promise<Entry[]>;
}

/** What ensureAnalysis did: the entries with their analysis (in input order), how many it analysed, and which it quarantined. */
export interface AnalysisResult {
  entries: Entry[];
  analysed: number;
  /** Ids of entries this call put in quarantine (the poisoning detector found them unlike the journal). */
  quarantined: string[];
}

/**
 * Analyse the given entries that lack a current analysis (never analysed, edited since, or analysed by an
 * older ANALYZER_VERSION) and store the result encrypted with each entry: mood, themes and, once the journal
 * has enough entries for a style baseline, the poisoning quarantine. `corpusEntries` is the journal the themes
 * and the baseline are weighed against (default: the journal's entries). Entries already analysed are
 * returned as they are, and the NLP library is only loaded when something needs analysing.
 */
export async function ensureAnalysis(journal: AnalysisJournal, entries: readonly Entry[], corpusEntries?: readonly Entry[]): Promise<AnalysisResult> {
  const stale = entries.filter(needsAnalysis);
  if (stale.length === 0) return { entries: [...entries], analysed: 0, quarantined: [] };
  const [{ analyzeEntry }, { themeCorpusFor }] = await Promise.all([import('../analysis/analyze-entry.js'), import('./theme-corpus.js')]);
  const corpusSource = corpusEntries ?? journal.all();
  const corpus = themeCorpusFor(corpusSource);
  const quarantine = quarantineStates(stale, corpusSource);
  const quarantined: string[] = [];
  const changes = stale.map((entry) => {
    const { mood, themes, analyzerVersion } = analyzeEntry(entry.text, corpus);
    const state = quarantine.get(entry.id) ?? null;
    if (state?.status === 'quarantined' && entry.quarantine?.status !== 'quarantined') quarantined.push(entry.id);
    return { id: entry.id, patch: { mood, themes, analyzerVersion, quarantine: state } };
  });
  // One locked batch: one audit append for all of them, not one per entry.
  const updated = new Map((await journal.updateMany(changes)).map((e) => [e.id, e] as const));
  return { entries: entries.map((e) => updated.get(e.id) ?? e), analysed: stale.length, quarantined };
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
