/**
 * Day One's JSON export (the `Journal.json` inside the exported zip):
 * `{"metadata": {"version": "1.0"}, "entries": [{"uuid", "creationDate": "2025-01-08T14:30:00Z", "text",
 * "tags": ["Work Trip"], "starred", "timeZone": "Europe/Paris", ...}]}`. Photos and other media are not
 * imported; their placeholders are removed from the text.
 */
import { z } from 'zod';
import { normalizeTag } from '../entry.js';
import { extractTags, mergeTags } from '../tags.js';
import { type ImportedEntry, parseJsonText, validateDocument } from './imported-entry.js';

const DayOneEntrySchema = z.object({
  uuid: z.string().optional(),
  creationDate: z.string().datetime({ offset: true, message: 'expected an ISO 8601 date like "2025-01-08T14:30:00Z"' }),
  text: z.string().default(''),
  tags: z.array(z.string()).default([]),
  starred: z.boolean().default(false),
  timeZone: z.string().optional(),
});

const DayOneSchema = z.object({
  metadata: z.object({ version: z.string().optional() }).passthrough(),
  entries: z.array(DayOneEntrySchema),
});

/** Markdown escapes Day One puts before punctuation (`Hello\.`), undone on import. */
const DAY_ONE_ESCAPE = /\\([\\`*_{}[\]()#+\-.!<>~|'"=:])/g;
/** Media placeholders such as `![](dayone-moment://1A2B…)` or `![](dayone-moment:/video/1A2B…)`. */
const DAY_ONE_MEDIA = /\n*[ \t]*!\[[^\]]*\]\(dayone-moment:[^)]*\)[ \t]*/g;

/**
 * Read Day One's JSON export. The text loses Day One's Markdown escaping and media placeholders; Day One
 * tags become tags (spaces become dashes: "Work Trip" → `work-trip`), merged with any `@tags` in the text.
 */
export function parseDayOneJson(content: string): ImportedEntry[] {
  const document = validateDocument(DayOneSchema, parseJsonText(content, 'dayone-json'), 'dayone-json');
  return document.entries.map((entry) => {
    const text = entry.text.replace(DAY_ONE_MEDIA, '').replace(DAY_ONE_ESCAPE, '$1').trim();
    const tags = entry.tags.map((tag) => normalizeTag(tag).replace(/\s+/g, '-'));
    return {
      text,
      created: new Date(entry.creationDate),
      tags: mergeTags(tags, extractTags(text)),
      starred: entry.starred,
    };
  });
}
