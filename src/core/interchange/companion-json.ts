/**
 * companion's own JSON export: a stable, versioned file that holds every field of every entry, so that
 * exporting and importing again loses nothing. The shape is documented in docs/export-format.md.
 */
import { z } from 'zod';
import { type Entry, EntrySchema } from '../entry.js';
import { chronological } from './entry-order.js';
import { type ImportedEntry, importError, parseJsonText, validateDocument } from './imported-entry.js';

/** The `format` field of every companion export. */
export const EXPORT_FORMAT = 'companion-export';
/** The version of the export shape this code writes and reads. */
export const EXPORT_VERSION = 1;

/** A companion export file, version 1. */
export const CompanionExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exported: z.string().datetime({ offset: true }),
  generator: z.string().optional(),
  entries: z.array(EntrySchema),
});
export type CompanionExport = z.infer<typeof CompanionExportSchema>;

/** Facts about an export written into its header. */
export interface ExportMeta {
  /** When the export was made (the caller's clock). */
  exported: Date;
  /** What wrote it, e.g. "companion 0.1.0". */
  generator?: string;
}

/**
 * Serialise entries as companion's JSON export: `{format, version, exported, generator?, entries}` with
 * entries oldest first and every Entry field in a fixed order; 2-space indented, ending in a newline.
 */
export function exportJson(entries: readonly Entry[], meta: ExportMeta): string {
  const document = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exported: meta.exported.toISOString(),
    ...(meta.generator === undefined ? {} : { generator: meta.generator }),
    entries: chronological(entries).map(entryFields),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function entryFields(entry: Entry): Entry {
  return {
    id: entry.id,
    created: entry.created,
    updated: entry.updated,
    revision: entry.revision,
    text: entry.text,
    tags: entry.tags,
    starred: entry.starred,
    promptUsed: entry.promptUsed,
    wordCount: entry.wordCount,
    durationSeconds: entry.durationSeconds,
    mood: entry.mood,
    themes: entry.themes,
    analyzerVersion: entry.analyzerVersion,
  };
}

/**
 * Read companion's JSON export. Each result carries the entry exactly as exported in `original`; a file
 * from a newer format version, or with two entries sharing an id, is refused.
 */
export function parseCompanionJson(content: string): ImportedEntry[] {
  const value = parseJsonText(content, 'companion-json');
  checkHeader(value);
  const document = validateDocument(CompanionExportSchema, value, 'companion-json');
  const seen = new Map<string, number>();
  document.entries.forEach((entry, index) => {
    const earlier = seen.get(entry.id);
    if (earlier !== undefined) {
      throw importError('companion-json', `entries[${index}].id`, `the same id as entries[${earlier}]`);
    }
    seen.set(entry.id, index);
  });
  return document.entries.map((entry) => ({
    text: entry.text,
    created: new Date(entry.created),
    tags: entry.tags,
    starred: entry.starred,
    promptUsed: entry.promptUsed,
    durationSeconds: entry.durationSeconds,
    mood: entry.mood,
    themes: entry.themes,
    original: entry,
  }));
}

/** Clear messages for the two likeliest mistakes: another file type, or a newer companion's export. */
function checkHeader(value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw importError('companion-json', 'the top level', 'expected an object with "format": "companion-export"');
  }
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format !== EXPORT_FORMAT) {
    throw importError('companion-json', 'format', 'this is not a companion export (expected "format": "companion-export")');
  }
  if (typeof version === 'number' && version > EXPORT_VERSION) {
    throw importError(
      'companion-json',
      'version',
      `the file is format version ${version}, made by a newer companion; this one reads version ${EXPORT_VERSION}`,
    );
  }
}
