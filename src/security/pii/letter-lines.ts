/**
 * Organisations read from the lines of a signature or letterhead, where the tagger, reading words, may take a
 * company's name for a person's or a place's:
 * - the line right under a person's line and a job title's line ("Karin M. Beike / Leasing consultant /
 *   Fritz-Armstrong"), when one person's or place's span is the whole line;
 * - a one-word line opening a postal block ("Dataweave / (blank) / Fuglie 41 Popović Dam / …") read as a person,
 *   when the lexicon does not know the word as a given name (a person's line names them with two words or more);
 * - a line of three single words, "A, B and C", at least one of which the tagger read as an organisation and the
 *   others as people or organisations: a firm named by its partners ("Owens, Duran and Oneal"), as one span.
 * Spans are in text order, and so is the result.
 */
import type { GazetteerClass } from './gazetteer.js';
import { SpanIndex } from './span-index.js';
import type { PiiSpan } from './types.js';

/** A line of a text: its offsets without the whitespace and quoting marks around it. */
interface Line {
  start: number;
  end: number;
}

/** Three single words: "A, B and C". */
const PARTNERS_LINE = /^([\p{L}'’-]+),[ \t]+([\p{L}'’-]+),?[ \t]+and[ \t]+([\p{L}'’-]+)$/u;
/** Types a company's line may have been read as. */
const READ_AS: ReadonlySet<string> = new Set(['PERSON', 'LOCATION']);
/** Types a postal block's first line after a company's holds. */
const POSTAL: ReadonlySet<string> = new Set(['LOCATION', 'STREET_ADDRESS']);

function linesOf(text: string): (Line | undefined)[] {
  const lines: (Line | undefined)[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const lead = /^[\s>]*/u.exec(raw)![0].length;
    const body = raw.slice(lead).trimEnd();
    lines.push(body ? { start: offset + lead, end: offset + lead + body.length } : undefined);
    offset += raw.length + 1;
  }
  return lines;
}

export function letterLines(text: string, spans: readonly PiiSpan[], lexicon: ReadonlyMap<string, GazetteerClass>): PiiSpan[] {
  if (!text.includes('\n')) return [...spans];
  const lines = linesOf(text);
  // The spans by where they start (in text order), and indexed for overlaps.
  const byStart = new Map<number, PiiSpan[]>();
  for (const span of spans) byStart.set(span.start, [...(byStart.get(span.start) ?? []), span]);
  const index = new SpanIndex(spans);
  const whole = (line: Line | undefined): PiiSpan | undefined => (line ? byStart.get(line.start)?.find((s) => s.end === line.end) : undefined);
  /** Per line, the next line with text after it. */
  const nextLine: (Line | undefined)[] = [];
  for (let k = lines.length - 1, next: Line | undefined; k >= 0; k--) {
    nextLine[k] = next;
    if (lines[k]) next = lines[k];
  }
  const retyped = new Map<PiiSpan, PiiSpan>();
  const firms: { line: Line; inside: PiiSpan[] }[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (!line) continue;
    const span = whole(line);
    if (span && READ_AS.has(span.type) && k >= 2 && whole(lines[k - 2])?.type === 'PERSON' && whole(lines[k - 1])?.type === 'TITLE') {
      retyped.set(span, { ...span, type: 'ORGANIZATION' });
      continue;
    }
    if (span?.type === 'PERSON' && !/[\s]/u.test(span.text) && lexicon.get(span.text.toLowerCase()) !== 'first' && !lines[k - 1]) {
      const next = nextLine[k];
      if (next && byStart.get(next.start)?.some((s) => POSTAL.has(s.type))) retyped.set(span, { ...span, type: 'ORGANIZATION' });
      continue;
    }
    const partners = PARTNERS_LINE.exec(text.slice(line.start, line.end));
    if (!partners) continue;
    const inside = index.overlapping(line.start, line.end);
    const words = partners.slice(1);
    const covered = inside.length === 3 && inside.every((s, j) => s.text === words[j] && (s.type === 'PERSON' || s.type === 'ORGANIZATION'));
    if (covered && inside.some((s) => s.type === 'ORGANIZATION')) firms.push({ line, inside });
  }
  if (!retyped.size && !firms.length) return [...spans];
  const dropped = new Set(firms.flatMap((f) => f.inside));
  const out = spans.filter((s) => !dropped.has(s)).map((s) => retyped.get(s) ?? s);
  for (const { line, inside } of firms) out.push({ ...inside.find((s) => s.type === 'ORGANIZATION')!, start: line.start, end: line.end, text: text.slice(line.start, line.end) });
  return out.sort((a, b) => a.start - b.start);
}
