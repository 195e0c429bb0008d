/**
 * jrnl's plain-text journal file. Each entry starts with a line `[2025-01-08 14:30] Title` (a trailing
 * ` *` marks it starred) and runs until the next such line; the body is the lines in between. jrnl 1.x
 * wrote the same without brackets: `2025-01-08 14:30 Title`. Times are the journal's local wall-clock time.
 */
import { localDateTime } from '../dates.js';
import { extractTags } from '../tags.js';
import { type ImportedEntry, importError } from './imported-entry.js';
import { joinTitleAndBody } from './jrnl-json.js';

/** jrnl 2+: `[date] title`, where date is any bracketed text that starts with YYYY-MM-DD. */
const BRACKETED_HEADER = /^\[(\d{4}-\d{2}-\d{2}[^\]]*)\](?: (.*))?$/;
/** jrnl 1.x: `YYYY-MM-DD HH:MM title` at the start of a line. */
const LEGACY_HEADER = /^(\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?)(?: (.*))?$/;
/** The stamps jrnl writes with its common `timeformat` settings. */
const STAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp])[Mm])?)?$/;

interface Header {
  created: Date;
  title: string;
}

/** Read a jrnl plain-text journal file (current bracketed format or the 1.x format without brackets). */
export function parseJrnlText(content: string): ImportedEntry[] {
  const text = (content.charCodeAt(0) === 0xfeff ? content.slice(1) : content).replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const binaryLine = lines.findIndex(hasControlCharacters);
  if (binaryLine !== -1) throw importError('jrnl-text', `line ${binaryLine + 1}`, 'the file contains binary data');
  if (text.trim().length === 0) return [];

  const header = lines.some((line) => BRACKETED_HEADER.test(line)) ? BRACKETED_HEADER : LEGACY_HEADER;
  const entries: ImportedEntry[] = [];
  let current: Header | null = null;
  let body: string[] = [];
  const finish = () => {
    if (current) entries.push(toEntry(current, body));
    body = [];
  };

  lines.forEach((line, index) => {
    const found = readHeader(line, index + 1, header);
    if (found) {
      finish();
      current = found;
    } else if (current) {
      body.push(line);
    } else if (line.trim().length > 0) {
      throw importError(
        'jrnl-text',
        `line ${index + 1}`,
        'text before the first entry (an entry starts with a line like "[2025-01-08 14:30] Title")',
      );
    }
  });
  finish();
  return entries;
}

/** NUL and other C0 controls other than tab, newline, form feed: a sign of a binary file. */
function hasControlCharacters(line: string): boolean {
  for (let i = 0; i < line.length; i += 1) {
    const code = line.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0c) return true;
  }
  return false;
}

function readHeader(line: string, lineNumber: number, pattern: RegExp): Header | null {
  const match = pattern.exec(line);
  if (!match) return null;
  const stamp = (match[1] ?? '').trim();
  const created = parseStamp(stamp);
  if (!created) throw importError('jrnl-text', `line ${lineNumber}`, `"${stamp}" is not a date and time jrnl writes`);
  return { created, title: match[2] ?? '' };
}

function parseStamp(stamp: string): Date | null {
  const m = STAMP.exec(stamp);
  if (!m) return null;
  let hour = Number(m[4] ?? 0);
  const meridiem = m[7]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  return localDateTime(Number(m[1]), Number(m[2]), Number(m[3]), hour, Number(m[5] ?? 0), Number(m[6] ?? 0));
}

function toEntry(header: Header, body: string[]): ImportedEntry {
  let title = header.title.trim();
  const starred = title.endsWith('*');
  if (starred) title = title.replace(/[\s*]+$/u, '');
  const text = joinTitleAndBody(title, body.join('\n'));
  return { text, created: header.created, tags: extractTags(text), starred };
}
