import type { ChalkInstance } from 'chalk';
import type { Entry } from '../core/entry.js';
import { UsageError } from '../core/errors.js';

/** Local date and time of an ISO timestamp as "YYYY-MM-DD HH:MM". */
export function localStamp(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** First line of an entry, shortened to `width` characters. */
export function excerpt(text: string, width: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length <= width ? line : chars.slice(0, Math.max(1, width - 1)).join('') + '…';
}

/** One line per entry for `list` and `search`. */
export function entryLine(e: Entry, style: ChalkInstance, width: number): string {
  const star = e.starred ? style.yellow('★') : ' ';
  const folded = e.text.toLowerCase();
  const extra = e.tags.filter((t) => !folded.includes('@' + t)); // tags not already visible in the text
  const tags = extra.length ? ' ' + style.cyan(extra.map((t) => '@' + t).join(' ')) : '';
  const room = Math.max(20, width - 34 - (tags.length ? tags.length : 0));
  return `${style.dim(localStamp(e.created))}  ${style.bold(e.id)} ${star} ${excerpt(e.text, room)}${tags}`;
}

/** A whole entry for `show`. */
export function entryBlock(e: Entry, style: ChalkInstance): string {
  const meta = [
    `${e.wordCount} words`,
    e.durationSeconds ? `${Math.round(e.durationSeconds / 60)} min` : null,
    e.mood ? `mood ${e.mood.label}` : null,
    e.revision > 1 ? `revision ${e.revision}` : null,
  ].filter(Boolean).join(' · ');
  const lines = [
    `${style.bold(localStamp(e.created))}  ${style.dim(e.id)}${e.starred ? ' ' + style.yellow('★') : ''}`,
    style.dim(meta),
  ];
  if (e.tags.length) lines.push(style.cyan(e.tags.map((t) => '@' + t).join(' ')));
  if (e.themes.length) lines.push(style.dim(`themes: ${e.themes.join(', ')}`));
  if (e.promptUsed) lines.push(style.italic(`prompt: ${e.promptUsed}`));
  lines.push('', e.text);
  return lines.join('\n');
}

/** Parse a positive integer option; null when absent. */
export function intOption(value: string | undefined, name: string, min = 0): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${name} must be a whole number of at least ${min}, not "${value}".`);
  return n;
}

/** The stable `--json` shape of an entry (documented in docs/json.md); keys always in this order. */
export function entryJson(e: Entry): Record<string, unknown> {
  return {
    id: e.id,
    created: e.created,
    updated: e.updated,
    revision: e.revision,
    text: e.text,
    tags: e.tags,
    starred: e.starred,
    wordCount: e.wordCount,
    durationSeconds: e.durationSeconds,
    promptUsed: e.promptUsed,
    mood: e.mood,
    themes: e.themes,
    analyzerVersion: e.analyzerVersion,
    quarantine: e.quarantine ?? null,
  };
}
