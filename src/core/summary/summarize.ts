import { addDays, dayKey, dayRange, daysBetween, entryDay, entryHour } from '../analysis/days.js';
import { moodSeries, type MoodDay } from '../analysis/trend.js';
import type { Entry } from '../entry.js';
import { UsageError } from '../errors.js';
import { excerpt } from './excerpt.js';
import { sparkline } from './sparkline.js';
import { currentRun, longestRun, type Streaks } from './streaks.js';
import { themeStats, type ThemeStat } from './theme-stats.js';

/** The span of a summary: first and last day, both included ("YYYY-MM-DD" or a Date read at the UTC offset). */
export interface SummaryRange {
  from: string | Date;
  to: string | Date;
}

/** A day or entry worth pointing back to, with the entries that support it. */
export interface NotableEntry {
  date: string;
  entryId: string;
  reason: 'best day' | 'hardest day' | 'longest entry' | 'starred';
  excerpt: string;
}

/** Numbers and themes of a period: the data behind `companion summary`. */
export interface PeriodSummary {
  from: string;
  to: string;
  entries: number;
  words: number;
  daysWritten: number;
  streaks: Streaks;
  timeOfDay: { morning: number; afternoon: number; evening: number; night: number };
  mood: {
    days: MoodDay[];
    sparkline: string;
    average: number | null;
    previousAverage: number | null;
    best: MoodDay | null;
    hardest: MoodDay | null;
  };
  topThemes: ThemeStat[];
  people: ThemeStat[];
  places: ThemeStat[];
  notable: NotableEntry[];
}

/** Options: UTC offset for Dates and for today, and how many top themes to keep. */
export interface SummaryOptions {
  utcOffsetMinutes?: number;
  topThemes?: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function toDay(value: string | Date, offset: number | undefined): string {
  if (typeof value === 'string') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new UsageError(`Not a date: ${value} (expected YYYY-MM-DD).`);
    return value;
  }
  return dayKey(value, offset);
}

function averageMood(entries: readonly Entry[]): number | null {
  const scores = entries.flatMap((e) => (e.mood ? [e.mood.score] : []));
  return scores.length === 0 ? null : round(scores.reduce((a, b) => a + b, 0) / scores.length);
}

function bucket(hour: number): keyof PeriodSummary['timeOfDay'] {
  if (hour >= 5 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 17) return 'afternoon';
  if (hour >= 17 && hour < 22) return 'evening';
  return 'night';
}

function notableEntries(entries: readonly Entry[], best: MoodDay | null, hardest: MoodDay | null): NotableEntry[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const notable: NotableEntry[] = [];
  const push = (entry: Entry | undefined, reason: NotableEntry['reason']) => {
    if (entry && !notable.some((n) => n.entryId === entry.id && n.reason === reason)) {
      notable.push({ date: entryDay(entry.created), entryId: entry.id, reason, excerpt: excerpt(entry.text) });
    }
  };
  const extreme = (day: MoodDay | null, sign: 1 | -1) =>
    day?.entryIds.map((id) => byId.get(id)).filter((e): e is Entry => e !== undefined).sort((a, b) => sign * ((b.mood?.score ?? 0) - (a.mood?.score ?? 0)))[0];
  push(extreme(best, 1), 'best day');
  if (hardest?.date !== best?.date) push(extreme(hardest, -1), 'hardest day');
  const longest = [...entries].sort((a, b) => b.wordCount - a.wordCount)[0];
  if (longest && entries.length > 1) push(longest, 'longest entry');
  for (const entry of entries.filter((e) => e.starred)) push(entry, 'starred');
  return notable;
}

/**
 * Summarise the entries of a period: counts and words, days written and streaks, time of day, the daily mood
 * with a sparkline and the best and hardest days, top themes with their change from the previous period,
 * recurring people and places, and notable entries — each with the ids of the entries that support it.
 * `previousEntries` holds entries before the period: those in the period of the same length just before are
 * compared against; all of them count towards the current streak. Mood averages are means over entries.
 */
export function summarizePeriod(entries: readonly Entry[], range: SummaryRange, previousEntries: readonly Entry[], now: Date, options: SummaryOptions = {}): PeriodSummary {
  const from = toDay(range.from, options.utcOffsetMinutes);
  const to = toDay(range.to, options.utcOffsetMinutes);
  if (from > to) throw new UsageError(`The period starts (${from}) after it ends (${to}).`);
  const inPeriod = entries.filter((e) => entryDay(e.created) >= from && entryDay(e.created) <= to)
    .sort((a, b) => a.created.localeCompare(b.created));
  const earlier = previousEntries.filter((e) => entryDay(e.created) < from);
  const previousFrom = addDays(from, -(daysBetween(from, to) + 1));
  const previous = earlier.filter((e) => entryDay(e.created) >= previousFrom);
  const written = new Set(inPeriod.map((e) => entryDay(e.created)));
  const allWritten = new Set([...written, ...earlier.map((e) => entryDay(e.created))]);
  const today = dayKey(now, options.utcOffsetMinutes);

  const timeOfDay = { morning: 0, afternoon: 0, evening: 0, night: 0 };
  for (const entry of inPeriod) timeOfDay[bucket(entryHour(entry.created))] += 1;

  const days = moodSeries(inPeriod, dayRange(from, to));
  const withMood = days.filter((d) => d.mood !== null);
  const best = withMood.reduce<MoodDay | null>((a, d) => (a === null || (d.mood ?? 0) > (a.mood ?? 0) ? d : a), null);
  const hardest = withMood.reduce<MoodDay | null>((a, d) => (a === null || (d.mood ?? 0) < (a.mood ?? 0) ? d : a), null);

  const themes = themeStats(inPeriod, previous);
  const recurring = (kind: string) => themes.filter((t) => t.kind === kind && t.entries >= 2);
  return {
    from,
    to,
    entries: inPeriod.length,
    words: inPeriod.reduce((sum, e) => sum + e.wordCount, 0),
    daysWritten: written.size,
    streaks: { current: currentRun(allWritten, to < today ? to : today), longest: longestRun(written) },
    timeOfDay,
    mood: {
      days,
      sparkline: sparkline(days.map((d) => d.mood), '·'),
      average: averageMood(inPeriod),
      previousAverage: averageMood(previous),
      best,
      hardest: hardest?.date === best?.date && withMood.length < 2 ? null : hardest,
    },
    topThemes: themes.slice(0, options.topThemes ?? 5),
    people: recurring('person'),
    places: recurring('place'),
    notable: notableEntries(inPeriod, best, hardest),
  };
}
