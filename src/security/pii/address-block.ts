import { CALENDAR, MONTH_ABBREVIATION } from './gazetteer.js';
import type { PiiSpan } from './types.js';

const MAX_LINES = 5;
/** A line that reads like an address part: a few capitalised or upper-case words, a postcode, a region code. */
const ADDRESS_LINE = /^[\s,]*((?:[\p{Lu}\d][\p{L}\d'’.-]*,?\s*){1,5}|nan)[\s,]*$/u;

/**
 * Extends a street address over the following short lines of a postal block ("Suite 5\nLONDON\nUnited
 * Kingdom 75419"): trailing digit groups become ZIP_CODE, the other words LOCATION.
 */
export function addressBlockSpans(text: string, streets: PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const street of streets) {
    let pos = street.end;
    for (let i = 0; i < MAX_LINES; i++) {
      const nl = text.indexOf('\n', pos);
      const line = text.slice(pos, nl === -1 ? text.length : nl);
      if (line.trim() !== '') {
        if (!ADDRESS_LINE.test(line)) break;
        out.push(...splitLine(line, pos));
      }
      if (nl === -1) break;
      pos = nl + 1;
    }
  }
  return out;
}

function splitLine(line: string, offset: number): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const m of line.matchAll(/[\p{L}][\p{L}'’.-]*(?:\s+[\p{L}][\p{L}'’.-]*)*|\d[\d -]*[\d]|\d/gu)) {
    if (m.index === undefined) continue;
    const value = m[0].trim();
    const start = offset + m.index;
    const isZip = /^\d/.test(value);
    if (/^(?:Apt|Suite|Unit|Flat)\.?$/i.test(value)) continue;
    spans.push({
      type: isZip ? 'ZIP_CODE' : 'LOCATION', start, end: start + value.length, text: value,
      confidence: isZip ? 0.75 : 0.7, source: 'rule:address-block',
    });
  }
  return spans;
}

let countries: ReadonlySet<string> | undefined;

/**
 * The world's countries and territories by their English names, lower case ("estonia", "united states", "bosnia &
 * herzegovina"), from the ICU data Node.js carries (Intl.DisplayNames), with the usual short forms; built once.
 */
function countryNames(): ReadonlySet<string> {
  if (!countries) {
    const names = new Set(['usa', 'us', 'uk', 'united states of america', 'great britain', 'england', 'scotland', 'wales', 'northern ireland', 'czech republic']);
    // A Node.js built without ICU's English names (small-icu) has no Intl.DisplayNames: the short forms only, then.
    let regions: Intl.DisplayNames | undefined;
    try {
      regions = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regions = undefined;
    }
    // Every two-letter code has a name or itself (a code no region has).
    for (let a = 65; regions && a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const name = regions.of(code);
        if (name && name !== code) names.add(name.toLowerCase());
      }
    }
    countries = names;
  }
  return countries;
}

/** Types a part of a one-line postal address may have. */
const ADDRESS_PARTS: ReadonlySet<string> = new Set(['STREET_ADDRESS', 'LOCATION', 'ZIP_CODE']);
/** Two commas and a space each: a street, a town and a country between them. */
const TWO_COMMAS = /, [^]*, /u;
/** A country's name and a postcode after it ("Belgium 18431"), or the name alone. */
const COUNTRY_AND_CODE = /^(.*?\p{L})(?:[ \t]+[\p{N}][\p{N} -]*)?$/u;

/**
 * A postal address written on one line as street, town and country between commas ("0912 P.O. Box 287 Apt. 051, Tallinn,
 * Estonia", "5586 Þórunnarstræti 31, Arnsdorf, Germany 02151"), read as one street address: spans of an address, a place
 * or a postcode joined by ", " on one line, the first with a digit, at least two commas between the first's start and
 * the last's end, and the last a country's name (a postcode after it or not). A street and its town alone ("3968 Bay
 * Street, Toronto") stay apart. `spans` in any order; the others are returned as they are.
 */
export function fullPostalAddresses(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  if (!text.includes(', ')) return [...spans];
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PiiSpan[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const first = sorted[i]!;
    let last = i;
    if (ADDRESS_PARTS.has(first.type) && /\p{N}/u.test(first.text) && !first.text.includes('\n')) {
      let j = i;
      while (j + 1 < sorted.length && ADDRESS_PARTS.has(sorted[j + 1]!.type) && text.slice(sorted[j]!.end, sorted[j + 1]!.start) === ', ' && !sorted[j + 1]!.text.includes('\n')) j++;
      // The chain ends at its country (a postcode may follow it as a span of its own, or be part of it).
      for (let k = j; k > i; k--) {
        const country = COUNTRY_AND_CODE.exec(sorted[k]!.text)?.[1]?.toLowerCase();
        const tail = k + 1 <= j ? sorted[k + 1]! : undefined;
        if (country !== undefined && countryNames().has(country) && (tail === undefined || tail.type === 'ZIP_CODE')) {
          last = tail ? k + 1 : k;
          break;
        }
      }
      if (last > i && !TWO_COMMAS.test(text.slice(first.start, sorted[last]!.end))) last = i;
      // A postcode read apart right after the country ("Belgium" and "18431").
      const code = sorted[last + 1];
      if (last > i && code !== undefined && text.slice(sorted[last]!.end, code.start) === ' ' && /^\p{N}[\p{N} -]*$/u.test(code.text)) last++;
    }
    if (last === i) {
      out.push(first);
      continue;
    }
    const end = sorted[last]!.end;
    out.push({ type: 'STREET_ADDRESS', start: first.start, end, text: text.slice(first.start, end), confidence: first.confidence, source: first.source });
    i = last;
  }
  return out;
}

/** A building's number alone: what comes before a street that has a number of its own ("580" of "580 60 Balsham Road"). */
const BUILDING_NUMBER = /^\p{N}{1,5}$/u;
/** A building's number, a space, and the rest of an address after it. */
const NUMBER_THEN_REST = /^(\p{N}{1,5}) (\S[^\n]*)$/u;
/** A street with a house number of its own, first or last ("60 Balsham Road", "Harjukuja 54", "Piroska u. 97."). */
const NUMBERED_STREET = /^(?:\p{N}{1,4}\p{L}? \p{L}|\p{L}.*[ \t]\p{N}{1,4}\p{L}?\.?$)/u;
/** A year: a date the tagger read as a street ("43 IST 2015"). */
const YEAR = /(?<!\p{N})(?:1[89]|20)\p{N}\p{N}(?!\p{N})/u;
/** A day's or a month's name or a month's abbreviation, a full stop after it or not ("Sep" of "18 Sep 04"). */
const calendarWord = (word: string): boolean => {
  const bare = word.replace(/\.$/u, '').toLowerCase();
  return CALENDAR.has(bare) || MONTH_ABBREVIATION.test(bare);
};
/**
 * Such a street: one number only (not a date's "Feb 2022 14"), a capital in its name (not "34 people"), no day, month
 * or year, and six words at most.
 */
const numberedStreet = (street: string): boolean => {
  const words = street.split(' ');
  return NUMBERED_STREET.test(street) && street.match(/\p{N}+/gu)?.length === 1 && /\p{Lu}/u.test(street) && !YEAR.test(street) && !words.some(calendarWord) && words.length <= 6;
};
/** A flat's, a suite's or a post box's word: an address that goes on past its street. */
const UNIT_WORDS = 'Apt|Apartment|Suite|Unit|Flat|Box';
const UNIT_WORD = new RegExp(`(?<![\\p{L}])(?:${UNIT_WORDS})(?![\\p{L}])`, 'iu');
/** Where a street that goes on ends: its first comma, or the space before its unit's word. */
const STREET_GOES_ON = new RegExp(`,| (?=(?:${UNIT_WORDS})(?![\\p{L}]))`, 'u');
/** What may follow an address that ends at its street: the end, a line break, punctuation, or "St." of the sentence's own. */
const STREET_ENDS = /^(?:[ \t]+St\.)?(?:$|[ \t]*(?:\n|[,.;:!?)]))/u;

/**
 * Two house numbers in a row, a building's before a street that has one of its own: "580 60 Balsham Road", "5049
 * Harjukuja 54, SEINÄJOKI". Written that way, the first is a number of its own (a building, a flat) and the street
 * another, so where the address ends at its street (and its town, after a comma) they are read as two spans, and the town
 * as a third ("975", "3968 Bay Street", "Toronto"); where the address goes on past its street, with a flat, a suite or
 * a box, or a town and country between commas ("12521 Belgrád rkp. 18. Apt. 417 Csipkerek Vas", "338 17 St Omers Road,
 * Beauwelz, Belgium"), the number read apart before it is joined to it as one address. That is how presidio-synth labels
 * them (its generator puts a building number before a street name that carries its own: in each of the 68 one-line
 * cases this reads, the gold's reading; see SECURITY.md); both ways every part stays masked. `spans` in any order; returned in text order.
 */
export function buildingNumbers(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PiiSpan[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const span = sorted[i]!;
    const next = sorted[i + 1];
    if (!ADDRESS_PARTS.has(span.type)) {
      out.push(span);
      continue;
    }
    // A building's number read apart, right before a street of its own number that goes on past it: one address.
    if (next && BUILDING_NUMBER.test(span.text) && ADDRESS_PARTS.has(next.type) && text.slice(span.end, next.start) === ' ' && !next.text.includes('\n') && numberedStreet(next.text.split(STREET_GOES_ON)[0]!.trim()) && (UNIT_WORD.test(next.text) || TWO_COMMAS.test(next.text))) {
      out.push({ ...next, type: 'STREET_ADDRESS', start: span.start, text: text.slice(span.start, next.end) });
      i++;
      continue;
    }
    const m = NUMBER_THEN_REST.exec(span.text);
    const parts = m ? m[2]!.split(', ') : [];
    const [street, town] = parts;
    if (!m || parts.length > 2 || !numberedStreet(street!) || UNIT_WORD.test(m[2]!) || (town !== undefined && (/\p{N}/u.test(town) || countryNames().has(town.toLowerCase()))) || !STREET_ENDS.test(text.slice(span.end))) {
      out.push(span);
      continue;
    }
    const at = span.start + m[1]!.length + 1;
    out.push({ ...span, type: 'STREET_ADDRESS', end: span.start + m[1]!.length, text: m[1]! });
    out.push({ ...span, type: 'STREET_ADDRESS', start: at, end: at + street!.length, text: street! });
    if (town !== undefined) {
      const townAt = at + street!.length + 2;
      out.push({ ...span, type: 'LOCATION', start: townAt, end: townAt + town.length, text: town });
    }
  }
  return out;
}
