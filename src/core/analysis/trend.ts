import type { Entry } from '../entry.js';
import { UsageError } from '../errors.js';
import { addDays, dayKey, dayRange, entryDay } from './days.js';

/** The span a trend covers, ending today: a week, a month (30 days), or a number of days. */
export type TrendPeriod = 'week' | 'month' | { days: number };

/** The part of an entry the trend reads. */
export type MoodEntry = Pick<Entry, 'id' | 'created' | 'mood'>;

/** One day of the mood series: mean mood score of that day's analysed entries, or null when none. */
export interface MoodDay {
  date: string;
  mood: number | null;
  entries: number;
  entryIds: string[];
}

/** Mood over a period: per-day series, moving average, and change against the period before. */
export interface EmotionalTrend {
  from: string;
  to: string;
  days: MoodDay[];
  /** Mean of the days with a mood within a trailing window (3 days for a week, 7 otherwise). */
  movingAverage: (number | null)[];
  /** Mean mood over the days of this period that have one. */
  average: number | null;
  /** The same mean over the period just before. */
  previousAverage: number | null;
  /** average − previousAverage, or null when either is missing. */
  change: number | null;
  direction: 'up' | 'down' | 'flat' | 'unknown';
}

/** Options: the UTC offset that decides which day `now` falls on. */
export interface TrendOptions {
  utcOffsetMinutes?: number;
}

/** Number of days in a trend period. */
export function periodDays(period: TrendPeriod): number {
  const days = period === 'week' ? 7 : period === 'month' ? 30 : period.days;
  if (!Number.isInteger(days) || days < 1) throw new UsageError(`A trend period must be a whole number of days, at least 1 (got ${days}).`);
  return days;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function mean(values: number[]): number | null {
  return values.length === 0 ? null : round(values.reduce((a, b) => a + b, 0) / values.length);
}

/** Per-day mood for the given days from the entries that carry a mood. */
export function moodSeries(entries: readonly MoodEntry[], days: string[]): MoodDay[] {
  const byDay = new Map<string, MoodEntry[]>();
  for (const entry of entries) {
    if (entry.mood === null) continue;
    const day = entryDay(entry.created);
    const list = byDay.get(day) ?? [];
    list.push(entry);
    byDay.set(day, list);
  }
  return days.map((date) => {
    const list = byDay.get(date) ?? [];
    return { date, mood: mean(list.map((e) => e.mood?.score ?? 0)), entries: list.length, entryIds: list.map((e) => e.id) };
  });
}

/** Trailing moving average over the days that have a mood; null until a window holds one. */
export function movingAverage(series: readonly (number | null)[], window: number): (number | null)[] {
  return series.map((_, i) => mean(series.slice(Math.max(0, i - window + 1), i + 1).filter((v): v is number => v !== null)));
}

/**
 * The emotional trend of the period ending on `now`'s day: the daily mood series, its moving average, and the
 * change of the mean mood against the period of the same length just before. Entries without a mood are ignored.
 */
export function emotionalTrend(entries: readonly MoodEntry[], period: TrendPeriod, now: Date, options: TrendOptions = {}): EmotionalTrend {
  const length = periodDays(period);
  const to = dayKey(now, options.utcOffsetMinutes);
  const from = addDays(to, -(length - 1));
  const days = moodSeries(entries, dayRange(from, to));
  const previous = moodSeries(entries, dayRange(addDays(from, -length), addDays(from, -1)));
  const moods = days.map((d) => d.mood);
  const average = mean(moods.filter((v): v is number => v !== null));
  const previousAverage = mean(previous.map((d) => d.mood).filter((v): v is number => v !== null));
  const change = average !== null && previousAverage !== null ? round(average - previousAverage) : null;
  const direction = change === null ? 'unknown' : change > 0.05 ? 'up' : change < -0.05 ? 'down' : 'flat';
  return { from, to, days, movingAverage: movingAverage(moods, length <= 7 ? 3 : 7), average, previousAverage, change, direction };
}
