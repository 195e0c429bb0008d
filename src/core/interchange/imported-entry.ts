/**
 * What every importer returns, and the one way importers report a malformed file.
 */
import type { z } from 'zod';
import type { Entry, NewEntry } from '../entry.js';
import { UsageError } from '../errors.js';

/** An entry read from an import file, ready to hand to the journal. */
export interface ImportedEntry extends NewEntry {
  text: string;
  created: Date;
  /** Normalised tags (`work`, not `@Work`). */
  tags: string[];
  starred: boolean;
  /**
   * Only for companion's own export: the entry exactly as it was exported (id, created with its original
   * offset, updated, revision, word count, analyzer version), so nothing is lost on a round trip.
   */
  original?: Entry;
}

/** The import formats, by the name the CLI uses for them. */
export type ImportFormat = 'jrnl-json' | 'jrnl-text' | 'dayone-json' | 'companion-json';

const FORMAT_NAMES: Record<ImportFormat, string> = {
  'jrnl-json': "jrnl's JSON export",
  'jrnl-text': "jrnl's plain-text journal",
  'dayone-json': "Day One's JSON export",
  'companion-json': "companion's JSON export",
};

/** A UsageError naming the file format and where in the file the problem is. */
export function importError(format: ImportFormat, where: string | null, problem: string): UsageError {
  const place = where ? `${where}: ` : '';
  return new UsageError(`Cannot import ${FORMAT_NAMES[format]}: ${place}${problem}`);
}

/**
 * Parse JSON text, reporting a syntax error by line and column. The message never quotes the file's
 * content (it may be journal text).
 */
export function parseJsonText(content: string, format: ImportFormat): unknown {
  try {
    return JSON.parse(stripBom(content)) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const position = /at position (\d+)/.exec(message)?.[1];
    const where = position === undefined ? null : lineAndColumn(stripBom(content), Number(position));
    return failSyntax(format, where);
  }
}

function failSyntax(format: ImportFormat, where: string | null): never {
  throw importError(format, where, 'the file is not valid JSON');
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** Validate parsed JSON against a format's schema; the first problem becomes one UsageError with its path. */
export function validateDocument<T>(schema: z.ZodType<T>, value: unknown, format: ImportFormat): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  throw importError(format, first ? formatPath(first.path) : null, `${first?.message ?? 'invalid'}${more}`);
}

/** `entries[3].date`, or `the top level` for an empty path. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return 'the top level';
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
