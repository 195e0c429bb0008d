/**
 * The order exports list entries in.
 */
import type { Entry } from '../entry.js';

/** Entries oldest first by the instant they were created; ties broken by id so the order is stable. */
export function chronological(entries: readonly Entry[]): Entry[] {
  return [...entries].sort((a, b) => {
    const byTime = Date.parse(a.created) - Date.parse(b.created);
    if (byTime !== 0) return byTime;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}
