import { entryDay } from '../analysis/days.js';
import type { Entry } from '../entry.js';
import { buildBm25 } from '../summary/bm25.js';
import { excerpt } from '../summary/excerpt.js';

/** A sentence quoted from an entry, with the entry's id and date. */
export interface Quote {
  entryId: string;
  date: string;
  text: string;
}

/** Split an entry into sentences (runs ending in . ! ? … or a line break). */
export function sentences(text: string): string[] {
  return (text.replace(/\s*\n+\s*/g, '\n').match(/[^.!?…\n]+(?:[.!?…]+|$|\n)/gu) ?? [])
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/**
 * The built-in answer: the sentences of the retrieved entries that best match the question (BM25 over
 * sentences), at most `max`, in date order. When no sentence shares a word with the question (the entries
 * were found by meaning), the first sentence of each entry is quoted instead. Never composes text.
 */
export function extractiveAnswer(question: string, entries: readonly Entry[], max = 3): Quote[] {
  const pool = entries.flatMap((e) => sentences(e.text).map((text, i) => ({ id: `${e.id}:${i}`, entryId: e.id, date: entryDay(e.created), text })));
  const byId = new Map(pool.map((s) => [s.id, s]));
  const ranked = buildBm25(pool).rank(question, max).map((r) => byId.get(r.id)).filter((s) => s !== undefined);
  const quotes = ranked.length > 0
    ? ranked.map((s) => ({ entryId: s.entryId, date: s.date, text: s.text }))
    : entries.slice(0, max).map((e) => ({ entryId: e.id, date: entryDay(e.created), text: excerpt(e.text, 200) }));
  return quotes.sort((a, b) => a.date.localeCompare(b.date));
}
