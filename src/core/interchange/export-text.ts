/**
 * Plain-text export a person can read, in jrnl's journal-file layout: `[2025-01-08 14:30] First line`
 * (with ` *` when starred), the rest of the entry below, a blank line between entries. It can be read back
 * with parseJrnlText.
 */
import type { Entry } from '../entry.js';
import { extractTags } from '../tags.js';
import { chronological } from './entry-order.js';
import { wallClock } from './wall-clock.js';

/** A body line that would read as the start of a new entry; it is indented by one space. */
const LOOKS_LIKE_HEADER = /^\[\d{4}-\d{2}-\d{2}[^\]]*\]/;

/**
 * Export entries oldest first as plain text. Tags that do not already appear as `@tag` in the text are
 * added as a last line of `@tag` words, so the export keeps them.
 */
export function exportText(entries: readonly Entry[]): string {
  return chronological(entries).map(entryText).join('\n');
}

function entryText(entry: Entry): string {
  const { date, time } = wallClock(entry.created);
  const [title = '', ...body] = entry.text.trim().split(/\r?\n/);
  const header = `[${date} ${time}]${title ? ` ${title}` : ''}${entry.starred ? ' *' : ''}`;
  const inText = new Set(extractTags(entry.text));
  const missing = entry.tags.filter((tag) => !inText.has(tag));
  const lines = body.map((line) => (LOOKS_LIKE_HEADER.test(line) ? ` ${line}` : line));
  if (missing.length > 0) lines.push(missing.map((tag) => `@${tag}`).join(' '));
  return [header, ...lines].join('\n') + '\n';
}
