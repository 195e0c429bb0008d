import type { PeriodSummary } from './summarize.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function moodWord(score: number): string {
  if (score >= 0.35) return 'bright';
  if (score >= 0.15) return 'mostly positive';
  if (score > -0.05) return 'mixed';
  if (score > -0.3) return 'somewhat low';
  return 'heavy';
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A reflection written from the numbers and themes of a summary alone: every sentence states something the
 * summary holds (counts, streaks, mood, themes, people), so nothing is invented. Used when no model is set.
 */
export function builtinReflection(stats: PeriodSummary): string[] {
  if (stats.entries === 0) return [`You did not write between ${stats.from} and ${stats.to}.`];
  const out: string[] = [];
  const span = stats.mood.days.length;
  out.push(`You wrote ${plural(stats.entries, 'entry', 'entries')} (${plural(stats.words, 'word')}) on ${stats.daysWritten} of ${span} days.`);
  if (stats.streaks.longest >= 2) out.push(`Your longest run was ${stats.streaks.longest} days in a row${stats.streaks.current >= 2 ? `, and you are on a ${stats.streaks.current}-day streak now` : ''}.`);
  const [slot, count] = Object.entries(stats.timeOfDay).sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (count > stats.entries / 2) out.push(`You wrote mostly in the ${slot}.`);
  if (stats.mood.average !== null) {
    let sentence = `Your mood across these entries read as ${moodWord(stats.mood.average)}`;
    if (stats.mood.previousAverage !== null) {
      const change = stats.mood.average - stats.mood.previousAverage;
      sentence += Math.abs(change) < 0.05 ? ', about the same as the period before' : change > 0 ? ', lighter than the period before' : ', heavier than the period before';
    }
    out.push(`${sentence}.`);
  }
  const { best, hardest } = stats.mood;
  if (best && hardest && best.date !== hardest.date) out.push(`The brightest day was ${best.date}; the hardest was ${hardest.date}.`);
  const top = stats.topThemes.filter((t) => t.entries >= 2).slice(0, 3);
  if (top.length > 0) out.push(`What came up most: ${list(top.map((t) => `${t.label} (${plural(t.entries, 'entry', 'entries')})`))}.`);
  const rising = stats.topThemes.filter((t) => t.trend === 'up' && t.previousEntries > 0).slice(0, 2);
  if (rising.length > 0) out.push(`${list(rising.map((t) => t.label))} came up more than in the period before.`);
  const fresh = stats.topThemes.filter((t) => t.trend === 'new' && t.entries >= 2).slice(0, 2);
  if (fresh.length > 0) out.push(`New this time: ${list(fresh.map((t) => t.label))}.`);
  if (stats.people.length > 0) out.push(`People who appeared more than once: ${list(stats.people.slice(0, 4).map((p) => p.label))}.`);
  return out;
}
