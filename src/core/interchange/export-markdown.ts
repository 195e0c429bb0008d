/**
 * Markdown export: entries oldest first under year and month headings, as jrnl's markdown export does,
 * each entry under a `### 2025-01-08 14:30` heading with its tags and mood below it.
 */
import type { Entry } from '../entry.js';
import { chronological } from './entry-order.js';
import { MONTH_NAMES, wallClock } from './wall-clock.js';

/** Options for {@link exportMarkdown}. */
export interface MarkdownExportOptions {
  /** Top heading of the document; "Journal" by default. */
  title?: string;
}

/** Export entries as one Markdown document. Headings inside entries are moved below the entry's level. */
export function exportMarkdown(entries: readonly Entry[], options: MarkdownExportOptions = {}): string {
  const out: string[] = [`# ${options.title ?? 'Journal'}`, ''];
  let year = '';
  let month = 0;
  for (const entry of chronological(entries)) {
    const clock = wallClock(entry.created);
    if (clock.year !== year) {
      year = clock.year;
      month = 0;
      out.push(`## ${year}`, '');
    }
    if (clock.month !== month) {
      month = clock.month;
      out.push(`### ${MONTH_NAMES[month - 1] ?? ''} ${year}`, '');
    }
    out.push(`#### ${clock.date} ${clock.time}${entry.starred ? ' ★' : ''}`, '');
    const text = demoteHeadings(entry.text.trim());
    if (text) out.push(text, '');
    const facts = entryFacts(entry);
    if (facts) out.push(facts, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function entryFacts(entry: Entry): string {
  const facts: string[] = [];
  if (entry.tags.length > 0) facts.push(`Tags: ${entry.tags.map((tag) => `@${tag}`).join(', ')}`);
  if (entry.mood) facts.push(`Mood: ${entry.mood.label}`);
  if (entry.themes.length > 0) facts.push(`Themes: ${entry.themes.join(', ')}`);
  return facts.length > 0 ? `*${facts.join(' · ')}*` : '';
}

/** Push `#` headings in an entry four levels down (at most `######`), leaving fenced code alone. */
function demoteHeadings(text: string): string {
  let fenced = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      if (fenced) return line;
      return line.replace(/^(#{1,6})(?=\s)/, (hashes) => '#'.repeat(Math.min(6, hashes.length + 4)));
    })
    .join('\n');
}
