import type { PiiType } from './types.js';

/** What the regex recognisers share: their shape, their gates and starts, and the checks of their values. */

/** A regex recogniser: every match (or its `group`) becomes a span when `validate` accepts it. */
export interface Recognizer {
  type: PiiType;
  name: string;
  pattern: RegExp;
  confidence: number;
  group?: number;
  validate?: (value: string, text: string, start: number) => boolean;
  /**
   * A cheap necessary condition on the folded text ({@link foldForGates}): when false the pattern cannot
   * match and is not run (most journal entries hold no e-mail address, URL or date of birth).
   */
  gate?: (folded: string) => boolean;
  /**
   * Where a match can begin: a regex over the folded text of the lower-case starts of every way the pattern can begin
   * (a label's first letters). The pattern is then tried only there, sticky, instead of over the whole text: the
   * labelled patterns' long alternations cost tens of microseconds a scan of a journal entry. Same matches.
   */
  starts?: RegExp;
}

/**
 * A {@link Recognizer.starts} regex for patterns that begin at a word boundary with one of `prefixes` (regex sources,
 * lower case). A boundary of the text is one of the folded text ({@link findPatternSpans} makes sure of it).
 */
export const startsWith = (...prefixes: string[]): RegExp => new RegExp(`\\b(?:${prefixes.join('|')})`, 'g');

/** True when the folded text contains any of `needles`. */
export const anyOf = (...needles: string[]) => (folded: string): boolean => needles.some((n) => folded.includes(n));

/** The `width` characters before `start`, lower-cased. */
export function contextBefore(text: string, start: number, width = 40): string {
  return text.slice(Math.max(0, start - width), start).toLowerCase();
}

/** A plate's or a car registration's label right before its value ("plate ", "reg number: ", "registration is "). */
const PLATE_LABEL = /(?:plate|vin|\breg(?:istration)?(?:\s+(?:number|no\.?))?(?:\s+is)?)\W*$/i;

/**
 * Whether a labelled identifier's value is one: each part digits with capitals or a short capital code ("X12345678",
 * "12-34-56", "ABC 1234"), never a word ("the member price was 12", "a student of 2019"), nor digits and slashes alone (a
 * date, "12/05"); a plate or a car's registration needs one digit ("AB12 CDE", "reg number: LK68 XYZ"), any other
 * identifier four; not a card, licence or social security number, which have recognisers of their own.
 */
export function identifierValue(v: string, text: string, start: number): boolean {
  return identifierForm(v, PLATE_LABEL.test(contextBefore(text, start, 24)) ? 1 : 4)
    && !/(?:card|licen[cs]e\s+(?:number|no)|security)\s*$/i.test(contextBefore(text, start, 30).replace(/(?:number|no\.?|is|:|#|\s)+$/i, ''));
}

/**
 * Whether `v` has an identifier's form whatever its label ({@link identifierValue}): `digits` digits at least, each
 * part (between spaces, hyphens and slashes) digits with capitals or a short capital code, not digits and slashes alone.
 */
export function identifierForm(v: string, digits: number): boolean {
  return new RegExp(`(?:\\d\\D*){${digits}}`).test(v) && !/^\d+(?:\/\d+)+$/.test(v)
    && v.split(/[ /-]/).every((part) => /^(?:[A-Z]{1,4}|[A-Z\d]*\d[A-Z\d]*)$/.test(part));
}

/**
 * The words that end an English street's name, written out and abbreviated ("Street", "St", "Court", "Ct"): the house
 * number rule of tidy-edges.ts's tidyEdges and the lower-case street pattern read them.
 */
export const STREET_WORDS: readonly string[] = [
  'Street', 'St', 'Road', 'Rd', 'Avenue', 'Ave', 'Court', 'Ct', 'Lane', 'Ln', 'Drive', 'Dr', 'Boulevard', 'Blvd', 'Way', 'Place',
  'Pl', 'Terrace', 'Close', 'Crescent', 'Square', 'Sq', 'Row', 'Walk', 'Parkway', 'Pkwy', 'Highway', 'Hwy', 'Circle', 'Cir',
];

/**
 * A house number, with a letter or not, and the space before a street's name ("12A ", "221B "; a unit before it, "4/18 ",
 * "3/2 "), at the end of the text before the street.
 */
export const HOUSE_NUMBER_BEFORE = /(?<![\p{L}\p{N}.,/-])(?:\p{N}{1,4}\/)?\p{N}{1,5}\p{L}?[ \t]+$/u;

/** A pattern's alternatives as the folded text holds them: "[Rr]ue" as "rue", capitals in lower case. */
export const asFolded = (alternatives: string): string => alternatives.replace(/\[(\p{Lu})(\p{Ll})\]/gu, '$2').toLowerCase();
