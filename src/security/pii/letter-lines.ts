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
import { englishWords } from './english-words.js';
import { CALENDAR, type GazetteerClass } from './gazetteer.js';
import { SAID_RELATIONS } from './name-cues.js';
import { SpanIndex } from './span-index.js';
import type { Token } from './tokenize.js';
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

/** Dashes a writer signs off after ("Thanks again — Raf"). */
const SIGN_OFF_DASHES: ReadonlySet<string> = new Set(['—', '–', '-', '--']);
/** What may follow a signed name before the line ends: kisses and a full stop ("— Beth x", "- Raf."). */
const AFTER_SIGNATURE = /^(?:x+|\.|!)$/iu;

/**
 * Names signed after a dash at the end of a line ("Thanks again — Raf", a line "— Raf"), which the tagger passes over for
 * want of a verb or a greeting around them: one or two capitalised words after a dash, then only kisses or a full stop
 * before the line's end; a word the lexicon knows as a given name or one that neither the lexicon nor the English word
 * lists know ("Great day — Tuesday", "That was fun — Really", "Love you lots — Mum" are no signatures). Tokens the
 * tagger left outside every entity; PERSON spans in text order.
 */
export function signedNames(tokens: readonly Token[], labels: readonly string[], lexicon: ReadonlyMap<string, GazetteerClass>): PiiSpan[] {
  const out: PiiSpan[] = [];
  const english = englishWords();
  const name = (j: number): boolean => {
    const word = tokens[j]?.text ?? '';
    if (labels[j] !== 'O' || !/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
    const lower = word.toLowerCase();
    const known = lexicon.get(lower);
    return known === 'first' || known === 'last' || (known === undefined && !english.has(lower) && !SAID_RELATIONS.has(lower) && !CALENDAR.has(lower));
  };
  const endsLine = (j: number): boolean => j >= tokens.length || tokens[j]!.gap === '\n' || (AFTER_SIGNATURE.test(tokens[j]!.text) && (j + 1 >= tokens.length || tokens[j + 1]!.gap === '\n'));
  for (let i = 0; i + 1 < tokens.length; i++) {
    // Most tokens open with no dash: one code read each.
    const c = tokens[i]!.text.charCodeAt(0);
    if ((c !== 45 && c !== 0x2013 && c !== 0x2014) || !SIGN_OFF_DASHES.has(tokens[i]!.text) || tokens[i + 1]!.gap !== ' ' || !name(i + 1)) continue;
    const last = tokens[i + 2]?.gap === ' ' && name(i + 2) ? i + 2 : i + 1;
    if (!endsLine(last + 1)) continue;
    const text = tokens.slice(i + 1, last + 1).map((t, k) => (k ? t.gap : '') + t.text).join('');
    out.push({ type: 'PERSON', start: tokens[i + 1]!.start, end: tokens[last]!.end, text, confidence: 0.6, source: 'rule:signed-name' });
    i = last;
  }
  return out;
}
