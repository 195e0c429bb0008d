import type { ThemeStat } from '../../core/summary/theme-stats.js';
import type { PeriodSummary } from '../../core/summary/summarize.js';

/** Mood label of a score, as the summary colours it. */
export type MoodTone = 'bright' | 'mixed' | 'low' | 'none';

/** The tone of a mood score: bright ≥ 0.15, low ≤ −0.05, mixed between. */
export function moodTone(score: number | null): MoodTone {
  if (score === null) return 'none';
  if (score >= 0.15) return 'bright';
  if (score <= -0.05) return 'low';
  return 'mixed';
}

/** A signed score with two decimals ("+0.40", "−0.17"). */
export function signed(score: number): string {
  return `${score >= 0 ? '+' : '−'}${Math.abs(score).toFixed(2)}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The label/value rows of the statistics table, in display order. */
export function statRows(s: PeriodSummary): Array<[string, string]> {
  const tod = s.timeOfDay;
  const rows: Array<[string, string]> = [
    ['Entries', `${s.entries} (${plural(s.words, 'word')})`],
    ['Days written', `${s.daysWritten} of ${s.mood.days.length}`],
    ['Streak', `${plural(s.streaks.current, 'day')} now · longest ${plural(s.streaks.longest, 'day')}`],
    ['Time of day', `morning ${tod.morning} · afternoon ${tod.afternoon} · evening ${tod.evening} · night ${tod.night}`],
  ];
  return rows;
}

/** "avg +0.40 (before −0.17)" or "no mood yet". */
export function moodSummary(s: PeriodSummary): string {
  if (s.mood.average === null) return 'no mood yet';
  return `avg ${signed(s.mood.average)}${s.mood.previousAverage === null ? '' : ` (before ${signed(s.mood.previousAverage)})`}`;
}

/** The change of a theme from the previous period: "new", "↑ +1", "↓ −2" or "=". */
export function themeChange(t: ThemeStat): string {
  if (t.trend === 'new') return 'new';
  if (t.trend === 'same') return '=';
  return t.change > 0 ? `↑ +${t.change}` : `↓ −${Math.abs(t.change)}`;
}

/** "Sarah (2), mum (2)" — recurring people or places with their entry counts. */
export function namesWithCounts(stats: readonly ThemeStat[]): string {
  return stats.map((t) => `${t.label} (${t.entries})`).join(', ');
}
