/**
 * Import and export of journal entries: jrnl (JSON and plain text), Day One (JSON) and companion's own
 * JSON in; companion JSON, Markdown and plain text out. Pure functions over strings: the CLI reads and
 * writes the files.
 */
export { type ImportedEntry, type ImportFormat } from './imported-entry.js';
export { parseJrnlJson } from './jrnl-json.js';
export { parseJrnlText } from './jrnl-text.js';
export { parseDayOneJson } from './day-one-json.js';
export {
  CompanionExportSchema,
  type CompanionExport,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportJson,
  type ExportMeta,
  parseCompanionJson,
} from './companion-json.js';
export { exportMarkdown, type MarkdownExportOptions } from './export-markdown.js';
export { exportText } from './export-text.js';
export { parseImport, type ImportSource } from './parse-import.js';
