/** A note the model made about some entries, with the ids of the entries that support it. */
export interface Note {
  text: string;
  entryIds: string[];
}

/** An entry a note may cite: by its id or by its date. */
export interface Citable {
  id: string;
  date: string;
}

const NOTE_LINE = /^\s*(?:[-*•]|\d+[.)])\s+(.+?)\s*\[([^\]]+)\]\s*\.?\s*$/u;

/**
 * Read the model's notes: one per line, "- text [id or date, ...]". A citation counts only when it names an
 * entry of `scope` (an id, or a date on which a scoped entry was written); notes without a valid citation
 * are dropped, so every note that survives traces to entries.
 */
export function parseNotes(output: string, scope: readonly Citable[]): Note[] {
  const byId = new Set(scope.map((c) => c.id));
  const byDate = new Map<string, string[]>();
  for (const c of scope) byDate.set(c.date, [...(byDate.get(c.date) ?? []), c.id]);
  const notes: Note[] = [];
  for (const line of output.split('\n')) {
    const m = NOTE_LINE.exec(line);
    if (!m) continue;
    const ids = new Set<string>();
    for (const token of (m[2] ?? '').split(/[,;\s]+/)) {
      const t = token.trim().toLowerCase();
      if (byId.has(t)) ids.add(t);
      for (const id of byDate.get(t) ?? []) ids.add(id);
    }
    const text = (m[1] ?? '').replace(/\s+/g, ' ').trim();
    if (ids.size > 0 && text.length > 0) notes.push({ text, entryIds: [...ids] });
  }
  return notes;
}

/** Notes as the model reads them: "- text [dates]" (dates read more easily than ids). */
export function renderNotes(notes: readonly Note[], dateOf: (id: string) => string | undefined): string {
  return notes.map((n) => `- ${n.text} [${[...new Set(n.entryIds.map(dateOf).filter((d): d is string => d !== undefined))].sort().join(', ')}]`).join('\n');
}
