import { COMPANY_ABBREVIATIONS, endsInWord, STREET_ABBREVIATIONS } from './abbreviations.js';
import { ORDINARY_CLASSES, ruleLexicon } from './gazetteer.js';
import { FUNCTION_WORDS } from './name-cues.js';
import { PLACE_ABBREVIATION } from './passed-over-names.js';
import { surnameAfterParticles } from './particle-surnames.js';
import { HOUSE_NUMBER_BEFORE, STREET_WORDS } from './pattern-kit.js';
import { endsSentence } from './tagger-layout.js';

/**
 * The edges of the tagger's spans mended where it gets them wrong in predictable ways (tagger.ts's tagEntities calls
 * {@link tidyEdges} on every span it reads).
 */

/** Text ending in an abbreviated company suffix ("Smith Ltd"), which keeps its period. */
export const ORG_ABBREVIATION = endsInWord(COMPANY_ABBREVIATIONS);
/** Text ending in an abbreviated street word ("Filadelfeos Str"), which keeps its period. */
const STREET_ABBREVIATION = endsInWord(STREET_ABBREVIATIONS);
/**
 * The rest of an ordinal street cut after its digits ("220 W 77" of "220 W 77th St"): the tokenizer splits
 * "77th" into "77" and "th", and the tagger may stop between them.
 */
const ORDINAL_STREET = /^(?:st|nd|rd|th)\b(?:[ \t]+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Place|Pl|Drive|Dr|Lane|Ln|Way)\b)?/u;
/** A span that names a street by its last word ("Elm Street", "Rosewood Ct."). */
const STREET_END = new RegExp(`\\b(?:${STREET_WORDS.join('|')})\\.?$`, 'u');
/** A unit's number and its slash right before a house number ("4/" of "4/18 Bondi Road"). */
const UNIT_SLASH_BEFORE = /(?<![\p{L}\p{N}.,/-])\p{N}{1,4}\/$/u;
/** A unit's word right before its number ("Apt. ", "Suite "). */
const UNIT_BEFORE = /(?<![\p{L}])(?:Apt|Apartment|Suite|Unit|Ste|Flat)\.?[ \t]+$/iu;
/** Types whose span may end in a street abbreviation (a postcode never does). */
const STREET_TYPES: ReadonlySet<string> = new Set(['STREET_ADDRESS', 'LOCATION']);
/** Types whose spans never end or start inside a hyphenated word. */
const HYPHEN_TYPES: ReadonlySet<string> = new Set(['PERSON', 'LOCATION', 'ORGANIZATION', 'STREET_ADDRESS', 'ZIP_CODE']);
/**
 * The rest of a hyphenated name after a span that stops at its first hyphen, when it ends in a capitalised word
 * ("-Württemberg" of "Baden-Württemberg", "-upon-Avon", "-PRIEST"; not "-based" of "Paris-based").
 */
const NAME_TAIL = /^(?:-\p{L}+)*-\p{Lu}\p{L}*(?![\p{L}\p{N}'’])/u;
/**
 * The rest of a person's hyphenated name, capitalised or not, an O' or D' part included ("-aho" of "Hauta-aho",
 * "-O'Neill" of "Fitzgerald-O'Neill").
 */
const PERSON_TAIL = /^(?:-\p{L}+(?:['’]\p{Lu}\p{L}*)?)+/u;
/**
 * A given name of two syllables written with a hyphen, cut at it ("Ji" of "Ji-woo", "Seo" of "Seo-yeon", "Xiao" of
 * "Xiao-ming"): a span of one short capitalised syllable (two to four letters), whatever type the tagger gave it, takes
 * a short lower-case second one.
 */
const SHORT_HEAD = /^\p{Lu}\p{Ll}{1,3}$/u;
const SYLLABLE_TAIL = /^-\p{Ll}{2,5}(?![\p{L}\p{N}'’-])/u;
/** The rest of a hyphenated number after a span ending in digits ("-030" of the postcode "75534-030"). */
const NUMBER_TAIL = /^-\p{N}+(?![\p{L}\p{N}])/u;
/** The capitalised start of a hyphenated name before a span that begins after a hyphen ("Jean-" of "Jean-Luc", "Aix-en-"). */
const NAME_HEAD = /(?<![\p{L}\p{N}'’-])(\p{Lu}\p{L}*)(?:-\p{L}+)*-$/u;
/** The name after such an abbreviation: its full stop and one capitalised word (". Hood" of "Mt. Hood"). */
const PLACE_AFTER_ABBREVIATION = /^\.?[ \t]+\p{Lu}\p{Ll}+(?![\p{L}\p{N}])/u;
/** Types whose hyphenated numbers are one value (a postcode "75534-030", house numbers "12-14"; not a score "16-2"). */
const NUMBERED_TYPES: ReadonlySet<string> = new Set(['STREET_ADDRESS', 'ZIP_CODE']);
/** The number before a span that begins with the second of two hyphenated numbers ("12-" of "12-14 Rue de Rivoli"). */
const NUMBER_HEAD = /(?<![\p{L}\p{N}-])(\p{N}+)-$/u;
/** Prefixes that join a name with a hyphen without being part of it ("Anti-" of "Anti-Trump", "Ex-" of "Ex-Google"). */
const HYPHEN_PREFIXES: ReadonlySet<string> = new Set([
  'anti', 'ex', 'pro', 'non', 'pre', 'post', 'mid', 'neo', 'pan', 'semi', 'self', 'co', 'all', 'un', 're', 'sub', 'super',
  'ultra', 'trans', 'inter', 'multi', 'pseudo', 'quasi', 'counter', 'vice', 'over', 'under', 'out', 'half', 'cross',
]);
/** How often `ch` occurs in `text`. */
const count = (text: string, ch: string): number => text.split(ch).length - 1;

/** A word, its full stop, spaces and a capitalised word: where a sentence may end inside a span. */
const SENTENCE_END_INSIDE = /(\p{L}+)\.[ \t]+(\p{Lu}\p{Ll}*)(?![\p{L}\p{N}])/gu;

/** `end`, or the end of the first sentence inside text[start, end) that an ordinary word or a function word opens the next of. */
function sentenceEndInside(text: string, start: number, end: number): number {
  const lexicon = ruleLexicon();
  for (const m of text.slice(start, end).matchAll(SENTENCE_END_INSIDE)) {
    const next = m[2]!.toLowerCase();
    if (endsSentence(m[1]!) && (ORDINARY_CLASSES.has(lexicon.get(next) ?? '') || FUNCTION_WORDS.has(next))) return start + m.index + m[1]!.length;
  }
  return end;
}

/**
 * Fixes span edges the tagger gets wrong in predictable ways: a dangling separator, quote or emoji at
 * either end ("+41 (0)69 979 80 58-"), a phone's opening bracket left out ("(579)888-3058" read from
 * "579"), a name cut at a hyphen ("Hauta" of "Hauta-aho", "Luc" of "Jean-Luc", "Baden" of "Baden-Württemberg",
 * "75534" of the postcode "75534-030"), a bracket opened and not closed ("Cyprus (Greek"),
 * an organisation's or a street's abbreviation without its period ("Smith Ltd" of "Smith Ltd.", "Filadelfeos
 * Str"), an ordinal street cut after its digits ("220 W 77" of "220 W 77th St."), a unit's number without its word
 * ("762" of "Apt. 762"), a name, organisation or
 * title that took a sentence's full stop ("Uber." of "joined Uber. Then"), an address or place that ran on into the next
 * sentence ("USA. Thanks"); a span without a letter or digit becomes empty.
 */
export function tidyEdges(text: string, type: string, start: number, end: number): [number, number] {
  while (end > start && !/[\p{L}\p{N}.)\]]/u.test(text[end - 1]!)) end--;
  while (start < end && !/[\p{L}\p{N}(+#]/u.test(text[start]!)) start++;
  if (!/[\p{L}\p{N}]/u.test(text.slice(start, end))) return [start, start];
  if (HYPHEN_TYPES.has(type) && text[end] === '-') {
    const head = text.slice(start, end);
    const tail = /\p{N}/u.test(text[end - 1]!) ? (NUMBERED_TYPES.has(type) ? NUMBER_TAIL : null)
      : type === 'PERSON' ? PERSON_TAIL : SHORT_HEAD.test(head) && !HYPHEN_PREFIXES.has(head.toLowerCase()) && SYLLABLE_TAIL.test(text.slice(end, end + 8)) ? SYLLABLE_TAIL : NAME_TAIL;
    end += tail?.exec(text.slice(end, end + 60))?.[0].length ?? 0;
  }
  if (type === 'PERSON') end = surnameAfterParticles(text, start, end);
  if (HYPHEN_TYPES.has(type) && text[start - 1] === '-') {
    const before = text.slice(Math.max(0, start - 60), start);
    const head = /\p{N}/u.test(text[start]!) ? (NUMBERED_TYPES.has(type) ? NUMBER_HEAD.exec(before) : null) : NAME_HEAD.exec(before);
    if (head && !HYPHEN_PREFIXES.has(head[1]!.toLowerCase())) start -= head[0].length;
  }
  // An Irish or Italian surname the tokenizer splits at its apostrophe ("Liam O" of "Liam O'Connor", "Connor"
  // of "O'Connor", "D'Angelo").
  if (type === 'PERSON' && /(?:^|[\s-])[ODLdl]$/u.test(text.slice(start, end))) end += /^['’]\p{Lu}[\p{L}-]*/u.exec(text.slice(end, end + 40))?.[0].length ?? 0;
  // Written in lower case ("mrs o" of "mrs o'connell"; not "o'clock").
  else if (type === 'PERSON' && /\s[od]$/u.test(text.slice(start, end))) end += /^['’](?!clock\b)\p{Ll}{2,}(?![\p{L}'’])/u.exec(text.slice(end, end + 40))?.[0].length ?? 0;
  if (type === 'PERSON' && /(?:^|[^\p{L}])[ODL]['’]$/u.test(text.slice(Math.max(0, start - 3), start))) start -= 2;
  // A house number with a letter the tokenizer cut ("4" of "4B Rosewood Court"), or before a street's name the tagger
  // read without it ("12A" of "12A Elm Street"; not before a span that starts with a number: "975 3968 Bay Street" may
  // be two addresses).
  if (STREET_TYPES.has(type)) {
    const before = text.slice(Math.max(0, start - 12), start);
    // A unit's number read without its word ("762" of "Apt. 762"): presidio never marks the number alone.
    if (/^\p{N}+$/u.test(text.slice(start, end))) start -= UNIT_BEFORE.exec(before)?.[0].length ?? 0;
    const cut = /\p{Lu}/u.test(text[start] ?? '') ? /(?<![\p{L}\p{N}])\p{N}{1,5}$/u.exec(before) : null;
    // The street's name ends the span or its part before a comma ("Bondi Road" of "Bondi Road, Bondi NSW 2026").
    const value = text.slice(start, end);
    const head = value.split(',')[0]!;
    const street = STREET_END.test(value) || (head !== value && STREET_END.test(head));
    const numbered = /\p{N}/u.test(text[start] ?? '');
    const house = cut || numbered || !street ? null : HOUSE_NUMBER_BEFORE.exec(before);
    // A house number the tagger read without the unit before its slash ("18 Bondi Road" of "4/18 Bondi Road").
    const unit = numbered && street ? UNIT_SLASH_BEFORE.exec(before) : null;
    start -= (cut ?? house ?? unit)?.[0].length ?? 0;
  }
  // An address or place the tagger ran on into the next sentence ("12 Elm Street\n Springfield\n USA. Thanks") or whose
  // last word took the sentence's full stop ("New Zealand. Please"): cut at the full stop before a capitalised ordinary
  // word, unless it ends an abbreviation ("St. Louis", "Apt. 4").
  if (STREET_TYPES.has(type)) {
    const stop = text.indexOf('. ', start);
    if (stop !== -1 && stop < end) end = Math.min(end, sentenceEndInside(text, start, Math.min(text.length, end + 30)));
  }
  const inside = text.slice(start, end);
  if (text[end] === ')' && count(inside, '(') > count(inside, ')')) end++;
  if (type === 'ORGANIZATION' && text[end] === '.' && ORG_ABBREVIATION.test(text.slice(start, end))) end++;
  if (STREET_TYPES.has(type) && /\d/.test(text[end - 1] ?? '')) end += ORDINAL_STREET.exec(text.slice(end, end + 24))?.[0].length ?? 0;
  if (STREET_TYPES.has(type) && text[end] === '.' && STREET_ABBREVIATION.test(text.slice(start, end))) end++;
  if (type === 'LOCATION' && PLACE_ABBREVIATION.test(text.slice(start, end))) end += PLACE_AFTER_ABBREVIATION.exec(text.slice(end, end + 40))?.[0].length ?? 0;
  const fullStop = !STREET_TYPES.has(type) && type !== 'ZIP_CODE' && text[end - 1] === '.';
  if (fullStop && endsSentence(/[\p{L}\p{N}]*$/u.exec(text.slice(start, end - 1))![0])) end--;
  if (type === 'PHONE') {
    const value = text.slice(start, end);
    if (text[start - 1] === '(' && value.indexOf(')') !== -1 && (value.indexOf('(') === -1 || value.indexOf(')') < value.indexOf('('))) start--;
    if (text[start - 1] === '+' && /\d/.test(text[start] ?? '')) start--;
  }
  return [start, end];
}
