/**
 * One entry point for `companion import --from jrnl|dayone|json FILE`.
 */
import { parseCompanionJson } from './companion-json.js';
import { parseDayOneJson } from './day-one-json.js';
import type { ImportedEntry } from './imported-entry.js';
import { parseJrnlJson } from './jrnl-json.js';
import { parseJrnlText } from './jrnl-text.js';

/** The sources `companion import --from` accepts. */
export type ImportSource = 'jrnl' | 'dayone' | 'json';

/**
 * Parse an import file's content. For `jrnl`, a file whose first non-blank character is `{` is jrnl's JSON
 * export, anything else its plain-text journal.
 */
export function parseImport(source: ImportSource, content: string): ImportedEntry[] {
  switch (source) {
    case 'jrnl':
      return /^\uFEFF?\s*\{/.test(content) ? parseJrnlJson(content) : parseJrnlText(content);
    case 'dayone':
      return parseDayOneJson(content);
    case 'json':
      return parseCompanionJson(content);
  }
}
