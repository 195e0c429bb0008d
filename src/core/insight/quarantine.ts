import { entryDay } from '../analysis/days.js';
import { countWords, type Entry, type Quarantine } from '../entry.js';
import { buildStyleBaseline, detectPoisoning, DEFAULT_POISONING_THRESHOLD, type StyleBaseline } from '../../security/poisoning/index.js';

/** Fewest entries (not quarantined) a journal needs before its style baseline is trusted to flag anything. */
export const QUARANTINE_MIN_ENTRIES = 10;

/** A quarantined entry as summaries and ask report it: id, local day and anomaly score (no text). */
export interface QuarantinedEntry {
  id: string;
  date: string;
  score: number;
}

/** Whether an entry is held in quarantine (flagged and not approved by the user). */
export function isQuarantined(entry: Pick<Entry, 'quarantine'>): boolean {
  return entry.quarantine?.status === 'quarantined';
}

/** Split entries into those summaries and ask may use and the quarantined ones they must leave out. */
export function splitQuarantined<E extends Pick<Entry, 'id' | 'created' | 'quarantine'>>(entries: readonly E[]): { kept: E[]; quarantined: QuarantinedEntry[] } {
  const kept: E[] = [];
  const quarantined: QuarantinedEntry[] = [];
  for (const e of entries) {
    if (isQuarantined(e)) quarantined.push({ id: e.id, date: entryDay(e.created), score: e.quarantine?.score ?? 0 });
    else kept.push(e);
  }
  return { kept, quarantined };
}

/**
 * Fewest words an entry needs to be judged: style statistics of a one-line note are noise (a 13-word note
 * that happens to say "I" in a journal of terse notes reads as foreign), so shorter entries are never flagged.
 */
export const QUARANTINE_MIN_WORDS = 20;

/** Most recent entries a style baseline is built from (measuring style costs about 2 ms per entry). */
export const QUARANTINE_BASELINE_ENTRIES = 60;

type Checkable = Pick<Entry, 'id' | 'text' | 'quarantine'>;

/** Entry embeddings by entry id (from the provider's `embed`; recomputed, never stored). */
export type EntryEmbeddings = ReadonlyMap<string, readonly number[]>;

function usable(e: Checkable): boolean {
  return !isQuarantined(e) && e.text.trim().length > 0;
}

function baselineOf(entries: readonly Checkable[], embeddings?: EntryEmbeddings): StyleBaseline | null {
  const members = entries.filter(usable).slice(-QUARANTINE_BASELINE_ENTRIES);
  if (members.length < QUARANTINE_MIN_ENTRIES) return null;
  const vectors = embeddings && members.every((e) => embeddings.has(e.id)) ? members.map((e) => embeddings.get(e.id)!) : undefined;
  return buildStyleBaseline(members.map((e) => e.text), vectors);
}

/**
 * The entries whose embeddings quarantineStates can use for `stale` against `journal`: the stale entries and
 * the most recent QUARANTINE_BASELINE_ENTRIES usable entries of the journal.
 */
export function entriesToEmbed<E extends Checkable>(stale: readonly E[], journal: readonly E[]): E[] {
  const byId = new Map<string, E>();
  for (const e of [...journal.filter(usable).slice(-QUARANTINE_BASELINE_ENTRIES), ...stale]) byId.set(e.id, e);
  return [...byId.values()];
}

/**
 * Embeds the entries quarantineStates needs with `embed` (AIProvider.embed, whose contract covers where text
 * may go). Returns undefined when embedding fails, so the caller falls back to the style features alone.
 */
export async function quarantineEmbeddings(stale: readonly Checkable[], journal: readonly Checkable[], embed: (texts: string[]) => Promise<number[][]>): Promise<EntryEmbeddings | undefined> {
  const wanted = entriesToEmbed(stale, journal);
  try {
    const vectors = await embed(wanted.map((e) => e.text));
    return vectors.length === wanted.length ? new Map(wanted.map((e, i) => [e.id, vectors[i]!])) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The quarantine state an entry should have against a baseline: an entry the user approved stays approved;
 * an entry of at least QUARANTINE_MIN_WORDS words the detector finds anomalous is quarantined; otherwise
 * none (null). Without a baseline (too few entries) the entry keeps whatever state it had.
 */
export function quarantineFor(entry: Pick<Entry, 'text' | 'quarantine'>, baseline: StyleBaseline | null, embedding?: readonly number[]): Quarantine | null {
  if (entry.quarantine?.status === 'approved') return entry.quarantine;
  if (baseline === null) return entry.quarantine ?? null;
  if (countWords(entry.text) < QUARANTINE_MIN_WORDS) return null;
  const result = detectPoisoning(entry.text, baseline, { embedding });
  return result.anomalous ? { status: 'quarantined', score: Math.round(result.score * 100) / 100, reasons: result.reasons } : null;
}

/**
 * Decide the quarantine state of entries being analysed (`stale`) against the journal's own style
 * (`journal`, oldest first, which may include them). When at least QUARANTINE_MIN_ENTRIES entries were
 * already checked and are not quarantined, the baseline is theirs (the most recent
 * QUARANTINE_BASELINE_ENTRIES). Otherwise (a new journal, or a new analyzer version) the baseline has to
 * include the entries under test, and one foreign entry inflates its spread; so entries scoring above half
 * the threshold are taken out, the baseline rebuilt without them, and those entries scored again. With
 * `embeddings` (see quarantineEmbeddings) covering the baseline entries, the baseline also holds their
 * centroid and entries with an embedding are scored by their distance from it too.
 */
export function quarantineStates(stale: readonly Checkable[], journal: readonly Checkable[], embeddings?: EntryEmbeddings): Map<string, Quarantine | null> {
  const out = new Map<string, Quarantine | null>();
  const staleIds = new Set(stale.map((e) => e.id));
  const checked = journal.filter((e) => !staleIds.has(e.id));
  const trusted = baselineOf(checked, embeddings);
  if (trusted !== null) {
    for (const e of stale) out.set(e.id, quarantineFor(e, trusted, embeddings?.get(e.id)));
    return out;
  }
  const first = baselineOf(journal, embeddings);
  if (first === null) {
    for (const e of stale) out.set(e.id, e.quarantine ?? null);
    return out;
  }
  const suspicious = new Set<string>();
  for (const e of stale) {
    if (e.quarantine?.status !== 'approved' && countWords(e.text) >= QUARANTINE_MIN_WORDS && detectPoisoning(e.text, first, { embedding: embeddings?.get(e.id) }).score >= DEFAULT_POISONING_THRESHOLD / 2) suspicious.add(e.id);
    else out.set(e.id, e.quarantine?.status === 'approved' ? e.quarantine : null);
  }
  if (suspicious.size === 0) return out;
  const second = baselineOf(journal.filter((e) => !suspicious.has(e.id)), embeddings) ?? first;
  for (const e of stale) if (suspicious.has(e.id)) out.set(e.id, quarantineFor(e, second, embeddings?.get(e.id)));
  return out;
}
