/**
 * The period the summary-model benchmark summarises: `count` synthetic entries of about 120 words, one a day
 * from 2024-01-01, with the summary statistics and the items a model may see (as `companion summary` makes them).
 */
import { addDays } from '../../src/core/analysis/days.js';
import { countWords, type Entry } from '../../src/core/entry.js';
import { prepareModelContext, type ModelItem } from '../../src/core/insight/index.js';
import { summarizePeriod, type PeriodSummary } from '../../src/core/summary/index.js';
import { syntheticJournal } from '../lib/synthetic-journal.js';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const entryId = (n: number) => Array.from({ length: 12 }, (_, i) => ALPHABET[Math.floor(n / 32 ** (11 - i)) % 32]).join('');

/** One benchmark period: its entries, their dates, the summary statistics and the model's items. */
export interface SummaryInputs {
  entries: Entry[];
  dates: string[];
  from: string;
  to: string;
  stats: PeriodSummary;
  items: ModelItem[];
}

/** Build the period of `count` entries (deterministic: same count, same entries). */
export async function summaryInputs(count: number): Promise<SummaryInputs> {
  const texts = [...syntheticJournal(count, { words: 120, seed: 7 })];
  const entries: Entry[] = texts.map((t, i) => {
    const created = `${addDays('2024-01-01', i)}T20:00:00.000Z`;
    return { id: entryId(i + 1000), created, updated: created, revision: 1, text: t.text, tags: [], starred: false, promptUsed: null, wordCount: countWords(t.text), durationSeconds: null, mood: { label: 'neutral', score: 0, confidence: 0.5 }, themes: [], analyzerVersion: 1 };
  });
  const dates = entries.map((e) => e.created.slice(0, 10));
  const from = dates[0]!;
  const to = dates.at(-1)!;
  const stats = summarizePeriod(entries, { from, to }, [], new Date(`${to}T23:00:00Z`), { utcOffsetMinutes: 0 });
  const context = await prepareModelContext(entries, { excludeInjection: true, redactPii: false });
  return { entries, dates, from, to, stats, items: context.items };
}
