/**
 * Natural-language dates for the journal: `--date`, `--since`, `--until` and a leading `yesterday:` in an
 * entry. Everything is in the process's local time zone and relative to an injected `now`; nothing here
 * reads the clock.
 *
 * Plain ISO forms (`2025-01-08`, `2025-01-08 14:30`) are parsed directly; anything else goes to
 * compromise + compromise-dates, which are loaded only on first need because loading them costs a few
 * hundred milliseconds.
 */
import { createRequire } from 'node:module';
import type nlpType from 'compromise';
import type { DateOptions, DatesMethods } from 'compromise-dates';
import { UsageError } from './errors.js';

/** Which instant a phrase naming a span (a day, a week) stands for. */
export type DateBound = 'moment' | 'start' | 'end';

/** Options for {@link parseWhen}. */
export interface ParseWhenOptions {
  /**
   * `moment` (default): the instant an entry is dated; a bare day means that day at `defaultTime`.
   * `start`: the first instant of the span (for `--since`). `end`: the last instant (for `--until`).
   */
  bound?: DateBound;
  /** Time of day given to a bare date in `moment` mode; jrnl's default, 09:00. */
  defaultTime?: { hour: number; minute: number };
}

/** A leading date phrase split off an entry's text, as `companion write "yesterday: went hiking"` does. */
export interface LeadingDate {
  /** When the entry happened, or null when the text does not start with a date phrase and a colon. */
  when: Date | null;
  /** The text without the date phrase (the whole text, trimmed, when there was none). */
  body: string;
  /** True when the phrase ended in `*` before the colon (`yesterday*: …`), jrnl's star marker. */
  starred: boolean;
}

/** A resolved phrase: the span it names and whether it named a time of day. */
interface Span {
  start: Date;
  end: Date;
  hasTime: boolean;
  /** Span unit as compromise reports it: time, day, week, month, season, year, … */
  unit: string;
}

const DEFAULT_TIME = { hour: 9, minute: 0 };
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const FUTURE_WORDS = /\b(next|tomorrow|in|from|coming|upcoming|this|after|later|until|till)\b/i;
const WEEKDAY = /\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day)?\b|\b(wednesday|thursday|tuesday|saturday)\b/i;
const EXPLICIT_YEAR = /\b\d{4}\b/;
/** Something a leading date phrase must contain: a digit, a relative day word, a weekday, month or holiday. */
const DATE_WORD = new RegExp(
  [
    // Numbers only in date-like shapes: a year, 3/14, 2025-01, 9pm, 14:30, 8th. A bare number ("Day 3")
    // would load the NLP parser (about half a second) for nothing.
    '\\b(?:19|20)\\d{2}\\b',
    '\\b\\d{1,4}[-/.]\\d{1,2}\\b',
    '\\b\\d{1,2}(?::\\d{2})?\\s*(?:am|pm)\\b',
    '\\b\\d{1,2}:\\d{2}\\b',
    '\\b\\d{1,2}(?:st|nd|rd|th)\\b',
    '\\b(?:today|yesterday|tomorrow|tonight|now|morning|afternoon|evening|night|noon|midnight)\\b',
    '\\b(?:ago|last|next|this|past|previous)\\b',
    '\\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\b',
    '\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b',
    '\\b(?:christmas|xmas|easter|halloween|thanksgiving|new year)',
  ].join('|'),
  'i',
);
/** A few idioms compromise-dates does not know, rewritten into ones it does. */
const IDIOMS: ReadonlyArray<[RegExp, string]> = [
  [/^last night$/i, 'yesterday 9pm'],
  [/^tonight$/i, 'today 9pm'],
];

/**
 * Build a local Date from calendar fields, or null when the fields name no real moment (month 13,
 * 30 February, 25:00).
 */
export function localDateTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(year, month - 1, day, hour, minute, second, 0);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date;
}

/**
 * Parse a date phrase such as "yesterday", "last friday 9pm", "3 days ago", "2025-01-08 14:30", "jan 8"
 * or "today" relative to `now`. Throws a UsageError quoting the input when it is not a date.
 */
export function parseWhen(text: string, now: Date, options: ParseWhenOptions = {}): Date {
  const span = resolveSpan(text, now);
  if (!span) {
    throw new UsageError(
      `Cannot understand the date "${text.trim()}".`,
      'Try forms like "yesterday", "last friday 9pm", "3 days ago", "2025-01-08" or "2025-01-08 14:30".',
    );
  }
  return pickBound(span, options.bound ?? 'moment', options.defaultTime ?? DEFAULT_TIME);
}

/** `--since`: the first instant of the named span ("2025-01-08" is that day at 00:00:00.000). */
export function parseSince(text: string, now: Date): Date {
  return parseWhen(text, now, { bound: 'start' });
}

/** `--until`: the last instant of the named span ("2025-01-08" is that day at 23:59:59.999). */
export function parseUntil(text: string, now: Date): Date {
  return parseWhen(text, now, { bound: 'end' });
}

/**
 * Split a leading date phrase ending in a colon off an entry, as jrnl does: "yesterday: went hiking" is
 * dated yesterday with body "went hiking". Only the first line is looked at, the phrase must be a date in
 * its entirety and name a single day or time, so "Note to self: call mum" stays as it is.
 */
export function splitLeadingDate(text: string, now: Date, options: Pick<ParseWhenOptions, 'defaultTime'> = {}): LeadingDate {
  const none: LeadingDate = { when: null, body: text.trim(), starred: false };
  const trimmed = text.trimStart();
  const firstLineEnd = trimmed.indexOf('\n');
  const firstLine = firstLineEnd === -1 ? trimmed : trimmed.slice(0, firstLineEnd);
  const colon = firstLine.search(/:(\s|$)/);
  if (colon <= 0) return none;
  let phrase = firstLine.slice(0, colon).trim();
  const starred = phrase.endsWith('*');
  if (starred) phrase = phrase.slice(0, -1).trim();
  if (!looksLikeDatePhrase(phrase)) return none;
  const span = resolveSpan(phrase, now);
  if (!span || !(span.unit === 'day' || span.unit === 'time')) return none;
  const when = pickBound(span, 'moment', options.defaultTime ?? DEFAULT_TIME);
  return { when, body: trimmed.slice(colon + 1).trim(), starred };
}

/**
 * Cheap filter before the NLP parser, so ordinary text with a colon ("Note to self: …") never pays for
 * loading it: short, no sentence punctuation, @tags or links, and at least one digit or date word.
 */
function looksLikeDatePhrase(phrase: string): boolean {
  if (phrase.length === 0 || phrase.length > 48) return false;
  if (/[.!?@/\\"“”]/.test(phrase.replace(/^\d{4}-\d{2}-\d{2}/, ''))) return false;
  return phrase.split(/\s+/).length <= 7 && DATE_WORD.test(phrase);
}

function pickBound(span: Span, bound: DateBound, defaultTime: { hour: number; minute: number }): Date {
  if (bound === 'start') return new Date(span.start);
  if (bound === 'end') return new Date(span.hasTime ? span.start : span.end);
  if (span.hasTime) return new Date(span.start);
  const moment = new Date(span.start);
  moment.setHours(defaultTime.hour, defaultTime.minute, 0, 0);
  return moment;
}

/** Resolve a phrase to the span it names, or null when it is not (entirely) a date. */
function resolveSpan(raw: string, now: Date): Span | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text.length === 0 || text.length > 100) return null;
  if (/^now$/i.test(text)) return { start: new Date(now), end: new Date(now), hasTime: true, unit: 'time' };
  const iso = resolveIso(text);
  if (iso !== undefined) return iso;
  const relative = resolveRelativeDay(text, now);
  if (relative) return relative;
  const idiom = IDIOMS.find(([pattern]) => pattern.test(text));
  const span = resolveNatural(idiom ? idiom[1] : text, now);
  return span ? preferPast(span, text, now) : null;
}

/** ISO forms: undefined when the text is not ISO-shaped, null when it is but names no real date. */
function resolveIso(text: string): Span | null | undefined {
  if (ISO_WITH_OFFSET.test(text)) {
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? null : { start: date, end: date, hasTime: true, unit: 'time' };
  }
  const m = ISO_LOCAL.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (m[4] !== undefined) {
    const date = localDateTime(y, mo, d, Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
    return date && { start: date, end: date, hasTime: true, unit: 'time' };
  }
  const start = localDateTime(y, mo, d);
  if (!start) return null;
  return { start, end: endOfDay(start), hasTime: false, unit: 'day' };
}

/** The commonest phrases without loading the NLP parser: today, yesterday, tomorrow, N days/weeks ago. */
function resolveRelativeDay(text: string, now: Date): Span | null {
  const named = /^(today|yesterday|tomorrow)$/i.exec(text)?.[1]?.toLowerCase();
  const ago = /^(\d{1,4}) (day|week)s? ago$/i.exec(text);
  let days: number;
  if (named) days = named === 'today' ? 0 : named === 'yesterday' ? -1 : 1;
  else if (ago) days = -Number(ago[1]) * (ago[2]?.toLowerCase() === 'week' ? 7 : 1);
  else return null;
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return { start, end: endOfDay(start), hasTime: false, unit: 'day' };
}

function endOfDay(date: Date): Date {
  const end = new Date(date);
  end.setHours(23, 59, 59, 999);
  return end;
}

/** Day-level boundaries rebuilt locally from the calendar date compromise found (its clock arithmetic is
 * unreliable around DST changes). */
function localFromIso(iso: string, keepTime: boolean): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return keepTime ? localDateTime(y, mo, d, Number(m[4]), Number(m[5]), Number(m[6])) : localDateTime(y, mo, d);
}

function resolveNatural(text: string, now: Date): Span | null {
  const nlp = loadNlp();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const found = nlp(text).dates({ today: now, timezone: timeZone }).json() as Array<{
    text?: string;
    dates?: { start?: string | null; end?: string | null; unit?: string };
  }>;
  if (found.length !== 1) return null;
  const match = found[0];
  if (!match?.dates?.start || !match.dates.end || match.text === undefined) return null;
  if (canonical(match.text) !== canonical(text)) return null;
  const unit = match.dates.unit ?? 'day';
  const hasTime = unit === 'time';
  const start = localFromIso(match.dates.start, hasTime);
  const endDay = localFromIso(match.dates.end, false);
  if (!start || !endDay) return null;
  return { start, end: hasTime ? start : endOfDay(endDay), hasTime, unit };
}

function canonical(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}:]+/gu, ' ').trim();
}

/**
 * A journal looks back: "friday" means the last Friday (or today), and "jan 8" more than four weeks ahead
 * means last January (jrnl's rule), unless the phrase says otherwise ("next friday", "jan 8 2026").
 */
function preferPast(span: Span, text: string, now: Date): Span {
  if (FUTURE_WORDS.test(text) || /\blast\b/i.test(text) || EXPLICIT_YEAR.test(text)) return span;
  const todayEnd = endOfDay(now);
  if (WEEKDAY.test(text) && span.start > todayEnd && span.start.getTime() - todayEnd.getTime() < 7 * 86_400_000) {
    return shiftSpan(span, (d) => d.setDate(d.getDate() - 7));
  }
  if (span.start.getTime() - now.getTime() > 28 * 86_400_000) {
    return shiftSpan(span, (d) => d.setFullYear(d.getFullYear() - 1));
  }
  return span;
}

function shiftSpan(span: Span, shift: (date: Date) => void): Span {
  const start = new Date(span.start);
  const end = new Date(span.end);
  shift(start);
  shift(end);
  return { ...span, start, end };
}

/** The parts of compromise + compromise-dates this module uses. */
type Nlp = (text: string) => { dates(options: DateOptions): { json(): unknown } };
let nlpInstance: Nlp | undefined;

/** compromise with the dates plugin, loaded synchronously on first use from its bundled CommonJS build. */
function loadNlp(): Nlp {
  if (!nlpInstance) {
    const require = createRequire(import.meta.url);
    const nlp = require('compromise') as typeof nlpType;
    nlp.plugin(require('compromise-dates') as nlpType.TypedPlugin<DatesMethods>);
    nlpInstance = nlp as unknown as Nlp;
  }
  return nlpInstance;
}
