import { entryDay } from '../analysis/days.js';
import type { Entry } from '../entry.js';
import { UsageError } from '../errors.js';
import { estimateTokens, truncateToTokens } from './tokens.js';

/** One entry as it goes to the model: id, date, and its text (cut when alone it would not fit). */
export interface BatchItem {
  id: string;
  date: string;
  text: string;
  truncated: boolean;
}

/** A group of entries whose estimated tokens fit the budget of one model call. */
export interface Batch {
  items: BatchItem[];
  tokens: number;
}

/** The map step's plan: batches in date order, and the budget each was fitted to. */
export interface BatchPlan {
  batches: Batch[];
  budget: number;
  truncatedIds: string[];
}

/** Tokens of one item as rendered for the model ("[date id]" header, text, separator). */
export function itemTokens(item: Pick<BatchItem, 'id' | 'date' | 'text'>): number {
  return estimateTokens(`[${item.date} ${item.id}]\n${item.text}\n\n`);
}

/**
 * Group entries, oldest first, into batches whose estimated tokens fit `contextTokens − reserve` (the reserve
 * covers instructions and the model's answer). An entry too long for a batch on its own is truncated.
 */
export function planBatches(entries: readonly Pick<Entry, 'id' | 'created' | 'text'>[], contextTokens: number, reserve: number): BatchPlan {
  const budget = contextTokens - reserve;
  if (!Number.isFinite(budget) || budget < 64) throw new UsageError(`A context of ${contextTokens} tokens with ${reserve} reserved leaves no room for entries.`);
  const sorted = [...entries].sort((a, b) => a.created.localeCompare(b.created));
  const batches: Batch[] = [];
  const truncatedIds: string[] = [];
  let current: Batch = { items: [], tokens: 0 };
  for (const entry of sorted) {
    const date = entryDay(entry.created);
    let item: BatchItem = { id: entry.id, date, text: entry.text, truncated: false };
    let tokens = itemTokens(item);
    if (tokens > budget) {
      const overhead = itemTokens({ id: entry.id, date, text: '' });
      item = { ...item, text: truncateToTokens(entry.text, budget - overhead), truncated: true };
      tokens = itemTokens(item);
      truncatedIds.push(entry.id);
    }
    if (current.tokens + tokens > budget && current.items.length > 0) {
      batches.push(current);
      current = { items: [], tokens: 0 };
    }
    current.items.push(item);
    current.tokens += tokens;
  }
  if (current.items.length > 0) batches.push(current);
  return { batches, budget, truncatedIds };
}

/**
 * The reduce step's plan: group `partials` (map outputs of about `partialTokens` each) into rounds whose
 * inputs fit the budget, until one call remains. Returns the group sizes of each round.
 */
export function planReduce(partials: number, partialTokens: number, budget: number): number[][] {
  const perCall = Math.floor(budget / partialTokens);
  if (perCall < 2) throw new UsageError(`A reduce budget of ${budget} tokens cannot hold two partial summaries of ${partialTokens}.`);
  const rounds: number[][] = [];
  let remaining = partials;
  while (remaining > 1) {
    const groups: number[] = [];
    for (let left = remaining; left > 0; left -= perCall) groups.push(Math.min(perCall, left));
    rounds.push(groups);
    remaining = groups.length;
  }
  return rounds;
}
