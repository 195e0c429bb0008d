/**
 * The order exports list entries in.
 */
import type { Entry } from '../entry.js';

/** Entries oldest first by the instant they were created; ties broken by id so the order is stable. */
export function chronological(entries: readonly Entry[]): Entry[] {
  return entries
    .map((entry) => ({ entry, time: Date.parse(entry.created) }))
    .sort((a, b) => a.time - b.time || (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0))
    .map(({ entry }) => entry);
}
