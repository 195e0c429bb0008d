import { parseSince, parseUntil } from '../core/dates.js';
import type { EntryQuery } from '../core/journal.js';
import { normalizeTag } from '../core/entry.js';
import { intOption } from './format.js';

/** Options shared by list, search and export. */
export interface FilterOptions {
  since?: string;
  until?: string;
  tag?: string[];
  any?: boolean;
  starred?: boolean;
  limit?: string;
}

/** Turn the command-line filters into a journal query (natural dates parsed against `now`). */
export function queryFromOptions(opts: FilterOptions, now: Date, defaultLimit: number | null): EntryQuery {
  const limit = intOption(opts.limit, '--limit') ?? defaultLimit;
  return {
    since: opts.since ? parseSince(opts.since, now) : undefined,
    until: opts.until ? parseUntil(opts.until, now) : undefined,
    tags: (opts.tag ?? []).map(normalizeTag).filter((t) => t.length > 0),
    anyTag: Boolean(opts.any),
    starred: Boolean(opts.starred),
    limit: limit === null || limit === 0 ? undefined : limit,
  };
}
