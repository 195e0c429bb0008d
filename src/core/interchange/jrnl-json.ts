/**
 * jrnl's JSON export (`jrnl --export json`):
 * `{"tags": {"@x": 2}, "entries": [{"date": "YYYY-MM-DD", "time": "HH:MM", "title", "body", "tags": ["@x"],
 * "starred": false}]}`. Dates are the journal's local wall-clock time.
 */
import { z } from 'zod';
import { localDateTime } from '../dates.js';
import { extractTags, mergeTags } from '../tags.js';
import { type ImportedEntry, importError, parseJsonText, validateDocument } from './imported-entry.js';

const JrnlJsonEntrySchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like "2025-01-08"'),
  time: z.string().regex(/^\d{1,2}:\d{2}(:\d{2})?$/, 'expected a time like "14:30"'),
  title: z.string(),
  body: z.string().default(''),
  tags: z.array(z.string()).default([]),
  starred: z.boolean().default(false),
});

const JrnlJsonSchema = z.object({
  tags: z.record(z.string(), z.number()).optional(),
  entries: z.array(JrnlJsonEntrySchema),
});

/**
 * Read jrnl's JSON export. Title and body become one text the way jrnl writes them to its journal file
 * (title, a newline, body); tags are jrnl's list merged with the `@tags` in the text.
 */
export function parseJrnlJson(content: string): ImportedEntry[] {
  const document = validateDocument(JrnlJsonSchema, parseJsonText(content, 'jrnl-json'), 'jrnl-json');
  return document.entries.map((entry, index) => {
    const created = parseJrnlDateTime(entry.date, entry.time);
    if (!created) throw importError('jrnl-json', `entries[${index}]`, `"${entry.date} ${entry.time}" is not a real date and time`);
    const text = joinTitleAndBody(entry.title, entry.body);
    return { text, created, tags: mergeTags(entry.tags, extractTags(text)), starred: entry.starred };
  });
}

/** jrnl's title and body as one text: the title line, then the body on the following lines (just the
 * body when the title is empty). */
export function joinTitleAndBody(title: string, body: string): string {
  const head = title.trim();
  const rest = body.replace(/^(?:[ \t]*\r?\n)+/u, '').trimEnd();
  if (head.length === 0) return rest.trimStart();
  return rest.length > 0 ? `${head}\n${rest}` : head;
}

function parseJrnlDateTime(date: string, time: string): Date | null {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi, s] = time.split(':').map(Number);
  return localDateTime(y ?? NaN, mo ?? NaN, d ?? NaN, h ?? 0, mi ?? 0, s ?? 0);
}
