import { addDays, dayKey, daysBetween, entryDay } from '../analysis/days.js';
import type { Entry } from '../entry.js';
import { UsageError } from '../errors.js';
import { summarizePeriod, type PeriodSummary } from '../summary/summarize.js';
import type { AIProvider } from '../../providers/types.js';
import { ensureAnalysis, type AnalysisJournal } from './analysis-store.js';
import { prepareModelContext, type ExcludedEntry, type ModelPolicy } from './model-context.js';
import type { ModelUsage } from './model-usage.js';
import { splitQuarantined, type QuarantinedEntry } from './quarantine.js';
import { builtinResult, writeReflection, type Reflection, type ReflectionEvent } from './reflection-service.js';

/** Which days a summary covers: the last 7 or 30 days up to today, or an explicit range of days. */
export type PeriodChoice = { kind: 'week' } | { kind: 'month' } | { kind: 'range'; from: Date; to: Date };

/** First and last day ("YYYY-MM-DD"), both included. */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * The days of a period: `week` is the 7 days ending today, `month` the 30 days ending today, `range` the
 * local days of its two instants. Days are read at `utcOffsetMinutes` (default: this machine's offset).
 */
export function resolvePeriod(choice: PeriodChoice, now: Date, utcOffsetMinutes?: number): DayRange {
  const today = dayKey(now, utcOffsetMinutes);
  if (choice.kind === 'week') return { from: addDays(today, -6), to: today };
  if (choice.kind === 'month') return { from: addDays(today, -29), to: today };
  const range = { from: dayKey(choice.from, utcOffsetMinutes), to: dayKey(choice.to, utcOffsetMinutes) };
  if (range.from > range.to) throw new UsageError(`The period starts (${range.from}) after it ends (${range.to}).`);
  return range;
}

/** The numbers of a period and the entries behind them (analysed, with analysis stored). */
export interface PreparedSummary {
  stats: PeriodSummary;
  /** Entries of the period, oldest first. */
  entries: Entry[];
  /** Entries analysed (and stored) during this call because they lacked a current analysis. */
  analysedNow: number;
  /** Entries of the period held in quarantine: left out of the statistics and of anything a model sees. */
  quarantined: QuarantinedEntry[];
  /** Ids of entries this call put in quarantine (for the audit log). */
  quarantinedNow: string[];
}

/**
 * Compute a period's statistics from the journal. Entries of the period and of the period before it that
 * lack a current analysis are analysed first and their analysis stored with them. Quarantined entries are
 * left out of the statistics (and so of the reflection) and listed instead.
 */
export async function prepareSummary(journal: AnalysisJournal, range: DayRange, now: Date, utcOffsetMinutes?: number): Promise<PreparedSummary> {
  const all = journal.all();
  const previousFrom = addDays(range.from, -(daysBetween(range.from, range.to) + 1));
  const relevant = all.filter((e) => entryDay(e.created) >= previousFrom && entryDay(e.created) <= range.to);
  const analysis = await ensureAnalysis(journal, relevant, all);
  const byId = new Map(analysis.entries.map((e) => [e.id, e]));
  const current = splitQuarantined(all.map((e) => byId.get(e.id) ?? e)).kept;
  const inRange = (e: Entry) => entryDay(e.created) >= range.from && entryDay(e.created) <= range.to;
  const { kept: inPeriod, quarantined } = splitQuarantined(analysis.entries.filter(inRange));
  const stats = summarizePeriod(inPeriod, range, current, now, utcOffsetMinutes === undefined ? {} : { utcOffsetMinutes });
  return { stats, entries: inPeriod, analysedNow: analysis.analysed, quarantined, quarantinedNow: analysis.quarantined };
}

/** The written reflection of a summary and what the model was and was not shown. */
export interface SummaryReflection {
  reflection: Reflection;
  /** Entries flagged as prompt injection, kept from any model (listed for the built-in reflection too). */
  excluded: ExcludedEntry[];
  /** Entries whose personal data was redacted before a remote model saw them. */
  redactedEntries: number;
  /** Model calls and estimated tokens; null when no model was asked. */
  usage: ModelUsage | null;
}

/** How to write the reflection: the provider, the policy for journal text, and model call settings. */
export interface ReflectOptions {
  provider: AIProvider;
  policy: ModelPolicy;
  contextTokens: number;
  onEvent?: (event: ReflectionEvent) => void;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * The reflection of a prepared summary: the built-in one for the builtin provider; otherwise a model's,
 * written by map-reduce over the entries the policy lets it see, with the built-in one as fallback.
 * Injection-flagged entries are listed either way.
 */
export async function reflectOnSummary(prepared: PreparedSummary, options: ReflectOptions): Promise<SummaryReflection> {
  const context = await prepareModelContext(prepared.entries, options.policy);
  if (options.provider.name === 'builtin') return { reflection: builtinResult(prepared.stats), excluded: context.excluded, redactedEntries: 0, usage: null };
  const { reflection, usage } = await writeReflection(options.provider, prepared.stats, context.items, {
    contextTokens: options.contextTokens,
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { reflection, excluded: context.excluded, redactedEntries: context.redacted, usage };
}

/** The stable `companion summary --json` shape: the statistics, the reflection, and what the model saw. */
export interface SummaryReport extends PeriodSummary {
  provider: string;
  analysedNow: number;
  excluded: { count: number; entries: ExcludedEntry[] };
  /** Quarantined entries of the period, left out of the numbers and of what a model saw. */
  quarantined: { count: number; entries: QuarantinedEntry[] };
  redactedEntries: number;
  reflection: Reflection;
  model: ModelUsage | null;
}

/** Assemble the report of a summary from its parts. */
export function summaryReport(prepared: PreparedSummary, written: SummaryReflection, provider: string): SummaryReport {
  return {
    ...prepared.stats,
    provider,
    analysedNow: prepared.analysedNow,
    excluded: { count: written.excluded.length, entries: written.excluded },
    quarantined: { count: prepared.quarantined.length, entries: prepared.quarantined },
    redactedEntries: written.redactedEntries,
    reflection: written.reflection,
    model: written.usage,
  };
}
