import { sanitizeForContext } from '../../security/injection/index.js';
import type { PeriodSummary } from '../summary/summarize.js';
import type { ModelItem } from './model-context.js';

/** A prompt for one model call: system instructions and the user prompt. */
export interface CallPrompt {
  system: string;
  prompt: string;
}

const ROLE = 'You help a person look back on their private journal. Use only what the given text says; never invent events, '
  + 'people or feelings. No advice, no diagnosis, no judgement.';

/** The map step: notes on one batch of entries, each citing its entries in brackets. */
export function mapPrompt(items: readonly ModelItem[]): CallPrompt {
  const wrapped = sanitizeForContext(items.map((i) => `[${i.date} ${i.id}]\n${i.text}`).join('\n\n'), { label: 'entries' });
  return {
    system: `${ROLE} ${wrapped.systemNote}`,
    prompt: `${wrapped.content}\n\nWrite up to 6 short notes on what these entries show: events, people, places, feelings, patterns. `
      + 'One note per line, starting with "- " and ending with the dates of the entries that support it in square brackets, '
      + 'for example "- Slept badly two nights in a row [2024-05-06, 2024-05-07]". Notes only, nothing else.',
  };
}

/** An intermediate reduce step: merge notes from several batches into fewer notes, keeping citations. */
export function mergePrompt(notes: string): CallPrompt {
  const wrapped = sanitizeForContext(notes, { label: 'notes' });
  return {
    system: `${ROLE} ${wrapped.systemNote}`,
    prompt: `${wrapped.content}\n\nMerge these notes into at most 8 notes, joining those about the same thing. `
      + 'One note per line, starting with "- " and ending with the dates that support it in square brackets. Notes only.',
  };
}

function facts(stats: PeriodSummary): string {
  const mood = stats.mood.average === null ? 'unknown' : stats.mood.average.toFixed(2);
  const before = stats.mood.previousAverage === null ? 'unknown' : stats.mood.previousAverage.toFixed(2);
  const themes = stats.topThemes.slice(0, 5).map((t) => `${t.label} (${t.entries})`).join(', ') || 'none';
  return `Period ${stats.from} to ${stats.to}: ${stats.entries} entries on ${stats.daysWritten} days; `
    + `average mood ${mood} on a scale from -1 to 1 (period before: ${before}); most frequent themes: ${themes}.`;
}

/** The final reduce step: a reflection of a few paragraphs grounded in the notes and the period's numbers. */
export function reflectionPrompt(notes: string, stats: PeriodSummary): CallPrompt {
  const wrapped = sanitizeForContext(notes, { label: 'notes' });
  return {
    system: `${ROLE} ${wrapped.systemNote}`,
    prompt: `${facts(stats)}\n\nNotes taken from the entries, each with the dates it comes from:\n${wrapped.content}\n\n`
      + 'Write a reflection on this period in 2 or 3 short paragraphs, speaking to the writer as "you". '
      + 'Ground every sentence in the notes or the numbers, and mention the date (YYYY-MM-DD) when you refer to a day. '
      + 'No headings, no lists, no advice.',
  };
}
