import { parseTheme } from '../analysis/theme-format.js';
import type { ThemeKind } from '../analysis/theme-candidates.js';
import type { Entry } from '../entry.js';

/** A theme across a period: how many entries carry it, the change from the previous period, and which entries. */
export interface ThemeStat {
  label: string;
  kind: ThemeKind;
  entries: number;
  previousEntries: number;
  change: number;
  trend: 'new' | 'up' | 'down' | 'same';
  entryIds: string[];
}

type ThemedEntry = Pick<Entry, 'id' | 'themes'>;

function tally(entries: readonly ThemedEntry[]): Map<string, { label: string; kind: ThemeKind; ids: string[] }> {
  const out = new Map<string, { label: string; kind: ThemeKind; ids: string[] }>();
  for (const entry of entries) {
    const seen = new Set<string>();
    for (const stored of entry.themes) {
      const { kind, label, key } = parseTheme(stored);
      const id = `${kind}:${key}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const slot = out.get(id) ?? { label, kind, ids: [] };
      slot.ids.push(entry.id);
      out.set(id, slot);
    }
  }
  return out;
}

/** Every theme of the period with its count, previous count and supporting entry ids; most frequent first. */
export function themeStats(entries: readonly ThemedEntry[], previous: readonly ThemedEntry[]): ThemeStat[] {
  const now = tally(entries);
  const before = tally(previous);
  const stats: ThemeStat[] = [];
  for (const [id, slot] of now) {
    const previousEntries = before.get(id)?.ids.length ?? 0;
    const change = slot.ids.length - previousEntries;
    const trend = previousEntries === 0 ? 'new' : change > 0 ? 'up' : change < 0 ? 'down' : 'same';
    stats.push({ label: slot.label, kind: slot.kind, entries: slot.ids.length, previousEntries, change, trend, entryIds: slot.ids });
  }
  return stats.sort((a, b) => b.entries - a.entries || a.label.localeCompare(b.label));
}
