import { themeCandidates, type ThemeCandidate, type ThemeKind } from './theme-candidates.js';

/** How often each theme key occurs across a journal: the background that themes are weighed against. */
export interface ThemeCorpus {
  /** Number of entries in the journal. */
  readonly documents: number;
  /** For each theme key, the number of entries it occurs in. */
  readonly documentFrequency: ReadonlyMap<string, number>;
}

/** A theme of one entry: what it is, its kind, and how much more it belongs to this entry than to the journal. */
export interface Theme {
  key: string;
  label: string;
  kind: ThemeKind;
  weight: number;
}

/** Options for extractThemes. */
export interface ThemeOptions {
  /** Most themes to return (default 5). */
  max?: number;
}

/** Build a corpus from the theme keys of every entry (for example from stored themes or candidate lists). */
export function themeCorpusFromKeys(keysPerEntry: Iterable<Iterable<string>>): ThemeCorpus {
  const documentFrequency = new Map<string, number>();
  let documents = 0;
  for (const keys of keysPerEntry) {
    documents += 1;
    for (const key of new Set(keys)) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
  }
  return { documents, documentFrequency };
}

/** Build a corpus from the texts of every entry in the journal. */
export function buildThemeCorpus(texts: Iterable<string>): ThemeCorpus {
  const lists: string[][] = [];
  for (const text of texts) lists.push(themeCandidates(text).map((c) => c.key));
  return themeCorpusFromKeys(lists);
}

/** An empty corpus: themes are then weighed by frequency within the text and by kind only. */
export const EMPTY_THEME_CORPUS: ThemeCorpus = { documents: 0, documentFrequency: new Map() };

/** Names and places say more about an entry than a common noun does. */
const KIND_WEIGHT: Record<ThemeKind, number> = { person: 1.3, place: 1.15, activity: 1.1, topic: 1 };

/** Smoothed inverse document frequency of a key: log((N + 1) / (df + 1)) + 1, so unseen keys count most. */
export function inverseFrequency(corpus: ThemeCorpus, key: string): number {
  const df = corpus.documentFrequency.get(key) ?? 0;
  return Math.log((corpus.documents + 1) / (df + 1)) + 1;
}

function weigh(candidate: ThemeCandidate, corpus: ThemeCorpus): number {
  const termFrequency = 1 + Math.log(candidate.count);
  return termFrequency * inverseFrequency(corpus, candidate.key) * KIND_WEIGHT[candidate.kind];
}

/**
 * The few themes of an entry (people, places, activities, topics), weighted by how often they occur in the
 * text against how common they are across the journal, so words present in most entries do not win.
 * Ties keep the order of first mention.
 */
export function extractThemes(text: string, corpus: ThemeCorpus = EMPTY_THEME_CORPUS, options: ThemeOptions = {}): Theme[] {
  const max = options.max ?? 5;
  const themes = themeCandidates(text).map((c, index) => ({ index, theme: { key: c.key, label: c.label, kind: c.kind, weight: Math.round(weigh(c, corpus) * 1000) / 1000 } }));
  themes.sort((a, b) => b.theme.weight - a.theme.weight || a.index - b.index);
  return themes.slice(0, max).map((t) => t.theme);
}

export { formatTheme, parseTheme } from './theme-format.js';
