import { addDays, daysBetween } from '../analysis/days.js';

/** Writing streaks in days. */
export interface Streaks {
  /** Days written in a row ending today, or ending yesterday when nothing is written yet today. */
  current: number;
  /** Longest run of consecutive days written among the given days. */
  longest: number;
}

/** Longest run of consecutive days in a set of day keys. */
export function longestRun(days: Iterable<string>): number {
  const sorted = [...new Set(days)].sort();
  let longest = 0;
  let run = 0;
  let previous: string | null = null;
  for (const day of sorted) {
    run = previous !== null && daysBetween(previous, day) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  return longest;
}

/** Run of consecutive written days ending on `today` (or on the day before, when today has no entry yet). */
export function currentRun(days: ReadonlySet<string>, today: string): number {
  let day = days.has(today) ? today : addDays(today, -1);
  let run = 0;
  while (days.has(day)) {
    run += 1;
    day = addDays(day, -1);
  }
  return run;
}
