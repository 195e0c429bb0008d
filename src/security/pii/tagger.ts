import { CHAT_ABBREVIATIONS } from './abbreviations.js';
import { addressBlockSpans } from './address-block.js';
import { CALENDAR, knownPhrases, ORDINARY_CLASSES, ruleLexicon } from './gazetteer.js';
import { readFirmLists } from './firm-lists.js';
import { ampersandNames, everydayFirms } from './firm-phrases.js';
import { letterLines, signedNames } from './letter-lines.js';
import { findNameRuleSpans, INSTITUTION_WORDS, NRP_WORD_SET, ORG_SUFFIX_WORDS } from './name-rules.js';
import { findPatternSpans } from './patterns.js';
import { employerNames, firmsByWhatTheyAre, institutionsPassedOver, knownFirmsPassedOver, lowerCaseFirms } from './employer-names.js';
import { placesCalled, placesInApposition } from './apposed-places.js';
import { SpanIndex } from './span-index.js';
import { lowerCaseNames } from './lower-case-names.js';
import { hyphenatedNames } from './hyphenated-names.js';
import { ordinaryStem } from './name-words.js';
import { cuedNames, namesByForm, personContext } from './passed-over-names.js';
import { knownPlacesPassedOver, venuesAfterAtSign } from './place-names.js';
import { resolveOverlaps } from './resolve-overlaps.js';
import { NAME_TYPES, readOrganisations, readRole, titleSpans } from './span-roles.js';
import { regexTags } from './tagger-features.js';
import { sentenceStarts } from './tagger-layout.js';
import { decode, deserializeTagger, entities, type TaggerModel } from './tagger-model.js';
import { TAGGER_WEIGHTS } from './tagger-weights.js';
import { ORG_ABBREVIATION, tidyEdges } from './tidy-edges.js';
import { UNSEEN_RECOGNIZERS } from './unseen-patterns.js';
import { tokenize, type Token } from './tokenize.js';
import type { PiiSpan, PiiType } from './types.js';

let shipped: TaggerModel | undefined;

/** A firm's legal form alone ("Inc" of "37 Signals Inc", which the tagger may read without the name before it). */
const LEGAL_FORM_ONLY = /^(?:Inc|Ltd|LLC|LLP|GmbH|Corp|plc|PLC)\.?$/u;
/** Up to three capitalised words right before a span, on its line: the name a legal form alone was read without. */
const FIRM_NAME_BEFORE = /(?<![\p{L}\p{N}'’&-])(?:\p{Lu}[\p{L}'’-]*[ \t]+(?:(?:&|and)[ \t]+)?){1,3}$/u;
/** An article opening an organisation's span before a capitalised word ("The " of "The Hdscores Inc"). */
const LEADING_ARTICLE = /^[Tt]he[ \t]+(?=\p{Lu})/u;
/**
 * A number that starts a firm's name, between a preposition and the name ("3 " of "from 3 Round Stones Inc", "37 " of
 * "with 37 Signals Inc"): taken in before an organisation whose name ends in its legal form.
 */
const FIRM_NUMBER_BEFORE = /(?<![\p{L}\p{N}])(?:from|at|for|with|by|of|joined)[ \t]+(\p{N}{1,3}[ \t]+)$/iu;
/**
 * Last words that make a name an organisation's ("Rand Corporation", "Russell Investments", "Lake Forest
 * College"): the legal forms and sectors of the organisation rule and institutions, less the two-letter
 * forms that also abbreviate places ("SA", "AG", "Co").
 */
const ORGANISATION_NOUNS: ReadonlySet<string> = new Set([...ORG_SUFFIX_WORDS.filter((w) => !['SA', 'AG', 'Co'].includes(w)), ...INSTITUTION_WORDS]);
/** Types a span of a known place or organisation name is retyped from ("San Francisco" read as a person). */
const PHRASE_TYPES: ReadonlySet<string> = new Set(['PERSON', 'ORGANIZATION', 'LOCATION', 'TITLE', 'NRP']);
/** A span's text as knownPhrases() keys it: lower-cased, full stops dropped ("St. Louis"), one space between words. */
const phraseKey = (value: string): string => value.toLowerCase().replace(/\./g, '').split(/\s+/u).filter(Boolean).join(' ');
/** The word right after a span, on the same line ("Associates" of "Abt Associates"). */
const ORG_WORD_AFTER = /^[ \t]+(\p{Lu}[\p{L}]*)\b/u;
/** An institution's word after a possessive right after a span ("'s Hospital" of "Addenbrooke's Hospital"). */
const INSTITUTION_AFTER = /^['’]s[ \t]+(\p{Lu}\p{L}*)\b/u;
const INSTITUTIONS: ReadonlySet<string> = new Set(INSTITUTION_WORDS);

/** The tagger trained by scripts/train-pii-tagger.ts, decoded on first use. */
export function shippedTagger(): TaggerModel {
  shipped ??= deserializeTagger(TAGGER_WEIGHTS);
  return shipped;
}

/** Every rule recogniser's spans: regexes with validators, postal blocks, title/suffix/NRP rules. */
export function ruleSpans(text: string): PiiSpan[] {
  const spans = findPatternSpans(text);
  // A postal block grows from the streets the tagger was trained with, not from those of unseen-places.ts.
  spans.push(...addressBlockSpans(text, spans.filter((s) => s.type === 'STREET_ADDRESS' && !NOT_FEATURES.has(s.source))));
  return spans;
}

/**
 * Recognisers the tagger does not see: those of unseen-patterns.ts, added after it was trained, so that it reads a text
 * as it learnt to (social handles, which win their overlaps afterwards, the validated types added since, and the
 * fallbacks of detect-pii.ts that count only where the tagger found nothing).
 */
const NOT_FEATURES: ReadonlySet<string> = new Set(UNSEEN_RECOGNIZERS.map((r) => `regex:${r.name}`));

/** The rule hits the tagger sees as features: one per token, overlaps resolved by type priority. */
export function ruleFeatureSpans(text: string, rules: readonly PiiSpan[]): PiiSpan[] {
  return resolveOverlaps([...rules.filter((s) => !NOT_FEATURES.has(s.source)), ...findNameRuleSpans(text)]);
}

/**
 * Context-dependent entities (PERSON, LOCATION, STREET_ADDRESS, ZIP_CODE, ORGANIZATION, TITLE, NRP,
 * DATE_TIME, AGE, PHONE) found by the linear-chain tagger, which sees the rule recognisers' hits as
 * features. A one-word name, place or organisation that is a nationality, religion or party word is an NRP
 * ("Jewish"); one that is an ordinary dictionary word, a job noun or a month or weekday is dropped, and so is a
 * holiday ("Christmas Eve"); a sentence's past-tense verb is left out of a person's name ("Walked Biscuit"); an
 * organisation's word right after a name joins it ("Abt Associates"); a person or title that is a known
 * organisation, or a person named like one ("Rand Corporation"), is reported as an ORGANIZATION; a span whose
 * whole text is a known place or organisation name of more than one word ("San Francisco", "Goldman Sachs")
 * gets that type, and a lone place word the tagger called a person or an organisation is a LOCATION. A span
 * next to untagged words that make it a known name of several words takes them in ("New" of "New York"); a
 * place read across a route is parted ("Tokyo via Heathrow"); a one-word person right before ", Texas" is a
 * town; two given names joined by a hyphen are a person ("Sophie-Anne"), and an O' or D' surname is kept whole.
 * These rules read the gazetteer with the words the tagger's features leave out ({@link ruleLexicon}); names the
 * tagger passed over are added from their context ("met Diego", "Priyanka covered my 3pm"). Last, every span's role is
 * read again from the words around it (span-roles.ts): job titles ("as Fumigator", a résumé's title line), places
 * ("originally from Eckenroth"), organisations ("Bridgewater's Parker Suknović", "the Costquest website"). Firms the
 * tagger passed over are added by what they are or have, or by a lower-case legal form (employer-names.ts), and a
 * firm's name ending in its legal form is widened to its whole name ({@link firmName}); so are places and businesses
 * named between commas after what they are or after "called" and what they are (apposed-places.ts), names signed after
 * a dash (letter-lines.ts) and venues after an at sign written for "at" (place-names.ts).
 */
export function tagEntities(text: string, rules: readonly PiiSpan[], model: TaggerModel = shippedTagger()): PiiSpan[] {
  const tokens = tokenize(text);
  const labels = decode(model, tokens, regexTags(tokens, ruleFeatureSpans(text, rules)));
  const lexicon = ruleLexicon();
  let starts: boolean[] | undefined;
  /**
   * Whether a person span's first token is a sentence's past-tense verb ("Walked Biscuit", "Hugged Sarah Lee"):
   * a capitalised word ending in "ed" whose stem is an ordinary word of the lexicon ("walk", "hug"; not "email",
   * which compromise's lexicon lacks, so "Emailed Professor Klein" stays as the tagger read it).
   */
  const leadingVerb = (first: number, last: number): boolean => {
    const word = tokens[first]!.text;
    if (first === last || !/^\p{Lu}\p{Ll}{2,}ed$/u.test(word) || !ordinaryStem(word.toLowerCase(), lexicon)) return false;
    return first === 0 || tokens[first]!.gap === '\n' || (starts ??= sentenceStarts(tokens, lexicon))[first]!;
  };
  /**
   * The span widened by up to two untagged capitalised words on either side (same line) when the widened
   * text is a known place or organisation of several words and the span alone is not ("New" of "New York",
   * "Angeles" of "Los Angeles" read apart).
   */
  const widen = (first: number, last: number): [number, number] => {
    const phrases = knownPhrases();
    const capitalOutside = (j: number): boolean => j >= 0 && j < tokens.length && labels[j] === 'O' && /^\p{Lu}/u.test(tokens[j]!.text);
    if (phrases.has(phraseKey(text.slice(tokens[first]!.start, tokens[last]!.end)))) return [first, last];
    let best: [number, number] = [first, last];
    for (let left = 0; left <= 2; left++) {
      if (left > 0 && (!capitalOutside(first - left) || tokens[first - left + 1]!.gap === '\n')) break;
      for (let right = 0; right <= 2; right++) {
        if (right > 0 && (!capitalOutside(last + right) || tokens[last + right]!.gap === '\n')) break;
        const [a, b] = [first - left, last + right];
        if ((left || right) && b - a > best[1] - best[0] && phrases.has(phraseKey(text.slice(tokens[a]!.start, tokens[b]!.end)))) best = [a, b];
      }
    }
    return best;
  };
  const spans = entities(labels).flatMap(([taggedType, found, lastFound]): PiiSpan[] => {
    const [tagged, last] = PHRASE_TYPES.has(taggedType) ? widen(found, lastFound) : [found, lastFound];
    // The first letter of an O' or D' surname the tokenizer split off ("O" of "O'Connor") is a person's, whatever the tagger said.
    const type = tagged === last && /^[ODL]$/u.test(tokens[tagged]!.text) && /^['’]\p{Lu}/u.test(text.slice(tokens[tagged]!.end)) ? 'PERSON' : taggedType;
    // Not for a known name ("United States").
    const verbFirst = NAME_TYPES.has(type) && leadingVerb(tagged, last) && (type === 'PERSON' || !knownPhrases().has(phraseKey(text.slice(tokens[tagged]!.start, tokens[last]!.end))));
    const first = verbFirst ? tagged + 1 : tagged;
    const [start, tidied] = tidyEdges(text, type, tokens[first]!.start, tokens[last]!.end);
    if (tidied <= start) return [];
    // An organisation's word right after a name or an organisation belongs to it ("Abt" of "Abt Associates").
    // So does an institution's word after a possessive ("Addenbrooke's Hospital", which had left "'s Hospital" out).
    const orgWord = type === 'PERSON' || type === 'ORGANIZATION' ? ORG_WORD_AFTER.exec(text.slice(tidied, tidied + 40)) : null;
    const institution = type === 'PERSON' || type === 'ORGANIZATION' ? INSTITUTION_AFTER.exec(text.slice(tidied, tidied + 40)) : null;
    const end = orgWord && ORGANISATION_NOUNS.has(orgWord[1]!) ? tidied + orgWord[0].length
      : institution && INSTITUTIONS.has(institution[1]!) ? tidied + institution[0].length : tidied;
    const value = text.slice(start, end);
    const span = (kind: string): PiiSpan[] => [{ type: kind as PiiType, start, end, text: value, confidence: 0.8, source: 'ner:tagger' }];
    if (end !== tidied) return span('ORGANIZATION');
    const lower = tokens[first]!.text.toLowerCase();
    const key = phraseKey(value);
    if (first === last && NAME_TYPES.has(type) && nrpWord(tokens[first]!.text)) return span('NRP');
    // An ordinary word is a name where only a person fits: "my sister Maya", "Leo and I" (personContext).
    if (first === last && NAME_TYPES.has(type) && ORDINARY_CLASSES.has(lexicon.get(lower) ?? '') && personContext(tokens, first, lexicon)) return span('PERSON');
    if (first === last && NAME_TYPES.has(type) && (ORDINARY_CLASSES.has(lexicon.get(lower) ?? '') || CHAT_ABBREVIATIONS.has(tokens[first]!.text))) return [];
    if (NAME_TYPES.has(type) && CALENDAR.has(key.replace(/['’]/gu, ''))) return [];
    const words = tokens.slice(first, last + 1);
    const organisation = ((type === 'PERSON' || type === 'TITLE') && knownOrganisation(words, lexicon)) || (type === 'PERSON' && namedAsOrganisation(words));
    // A lone word the lexicon knows as a place and not as a name ("Germany", "Ukraine") is no person.
    // And a lone word it knows as an organisation and not as a name ("Deloitte", "Spotify") is no place.
    const lone = (type === 'PERSON' || type === 'ORGANIZATION') && first === last && lexicon.get(lower) === 'place' ? 'place'
      : type === 'LOCATION' && first === last && lexicon.get(lower) === 'org' ? 'org' : undefined;
    const known = PHRASE_TYPES.has(type) ? (knownPhrases().get(key) ?? lone) : undefined;
    // Two given names joined by a hyphen ("Sophie-Anne") are one person's, not a firm's ("Fritz-Armstrong").
    const doubleName = type === 'ORGANIZATION' && /^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(value) && value.split('-').every((w) => lexicon.get(w.toLowerCase()) === 'first');
    return span(known === 'place' ? 'LOCATION' : known === 'org' || organisation ? 'ORGANIZATION' : doubleName ? 'PERSON' : type);
  }).flatMap(splitPlaces).map((span, i, spans) => (townBeforeRegion(text, span, spans[i + 1], lexicon) ? { ...span, type: 'LOCATION' as const } : readRole(text, span, lexicon)));
  // A place or business named after "called" or "named" and what it is ("a school called Hillbrook") is not the person
  // "called" or "named" cues.
  const called = placesCalled(tokens, labels);
  const cued = cuedNames(tokens, labels, spans).filter((c) => !called.some((p) => p.start < c.end && c.start < p.end));
  const found = [...spans, ...cued, ...hyphenatedNames(tokens, labels, [...spans, ...cued]), ...namesByForm(tokens, labels), ...lowerCaseNames(tokens, labels), ...employerNames(tokens, labels), ...lowerCaseFirms(tokens, labels), ...firmsByWhatTheyAre(text, tokens, labels), ...institutionsPassedOver(text, tokens, labels), ...knownPlacesPassedOver(tokens, labels), ...placesInApposition(tokens, labels), ...called, ...signedNames(tokens, labels, lexicon), ...venuesAfterAtSign(tokens, labels)];
  // Organisations the lexicon knows by one word, where no pass above read anything ("HMRC sent a letter").
  const passedOver = knownFirmsPassedOver(tokens, labels);
  const taken = passedOver.length ? new SpanIndex(found) : undefined;
  const firms = passedOver.filter((firm) => !taken!.overlapping(firm.start, firm.end).length);
  const read = readFirmLists(text, readOrganisations(text, [...found, ...firms].sort((a, b) => a.start - b.start), lexicon).map((span) => firmName(text, span)), lexicon);
  return ampersandNames(text, everydayFirms(text, letterLines(text, titleSpans(text, read, lexicon), lexicon)), lexicon);
}

/** Partners' names joined by an ampersand right before a firm's ("Harper & ", "Smith, Jones & "). */
const FIRM_PARTNERS_BEFORE = /(?<![\p{L}\p{N}])(?:\p{Lu}[\p{L}'’-]*,[ \t]+)*\p{Lu}[\p{L}'’-]*[ \t]+&[ \t]+$/u;

/**
 * An organisation whose name ends in its legal form, widened to the whole name: a legal form alone takes in the
 * capitalised words right before it ("37 Signals" of "37 Signals Inc", which the tagger may read as "Inc" alone), and a
 * number between a preposition and the name starts it ("from 3 Round Stones Inc"; not "bought 3 Apple Inc shares"); a
 * leading "The" is the sentence's, not the name's ("The Hdscores Inc office is at"). Any organisation takes in partners
 * joined to it by an ampersand ("Harper & Lowe LLP", "Marks & Spencer").
 */
function firmName(text: string, span: PiiSpan): PiiSpan {
  if (span.type !== 'ORGANIZATION') return span;
  let start = span.start;
  if (ORG_ABBREVIATION.test(span.text.replace(/\.$/u, ''))) {
    start += LEADING_ARTICLE.exec(span.text)?.[0].length ?? 0;
    if (LEGAL_FORM_ONLY.test(span.text)) start -= FIRM_NAME_BEFORE.exec(text.slice(Math.max(0, start - 60), start))?.[0].length ?? 0;
    if (/\p{Lu}/u.test(text[start] ?? '')) start -= FIRM_NUMBER_BEFORE.exec(text.slice(Math.max(0, start - 16), start))?.[1]!.length ?? 0;
  }
  // Partners joined to the name by an ampersand, whatever its ending ("Harper & " of "Harper & Lowe LLP", "Marks & Spencer").
  if (/\p{Lu}/u.test(text[start] ?? '')) start -= FIRM_PARTNERS_BEFORE.exec(text.slice(Math.max(0, start - 60), start))?.[0].length ?? 0;
  return start === span.start ? span : { ...span, start, text: text.slice(start, span.end) };
}

/**
 * Whether a one-word person is a town named before its state or country ("Austin" of "Austin, Texas", "Paris,
 * France"): the next span, right after a comma, is a place the lexicon knows.
 */
function townBeforeRegion(text: string, span: PiiSpan, next: PiiSpan | undefined, lexicon: ReadonlyMap<string, string>): boolean {
  if (span.type !== 'PERSON' || !next || next.type !== 'LOCATION' || /\s/u.test(span.text)) return false;
  if (!/^,[ \t]*$/u.test(text.slice(span.end, next.start))) return false;
  return lexicon.get(next.text.toLowerCase()) === 'place' || knownPhrases().get(phraseKey(next.text)) === 'place';
}

/** A lower-case "via", "to" or "from" between two places ("Tokyo via Heathrow", "Leeds to York"). */
const PLACE_CONNECTOR = /[ \t]+(?:via|to|from)[ \t]+/gu;

/**
 * A place span the tagger read across a route ("Tokyo via Heathrow") as the places on either side of its
 * connector words, each holding a capital; presidio-synth's gold places never hold one of these words.
 */
function splitPlaces(span: PiiSpan): PiiSpan[] {
  if (span.type !== 'LOCATION' || span.text.search(PLACE_CONNECTOR) === -1) return [span];
  const parts: PiiSpan[] = [];
  let from = 0;
  for (const m of [...span.text.matchAll(PLACE_CONNECTOR), null]) {
    const to = m ? m.index! : span.text.length;
    const part = span.text.slice(from, to);
    if (!/\p{Lu}/u.test(part)) return [span];
    parts.push({ ...span, start: span.start + from, end: span.start + to, text: part });
    if (m) from = m.index! + m[0].length;
  }
  return parts;
}

/**
 * Whether a span the tagger called a person or a title is a known organisation: its first word is one
 * ("Google", "Uber", "Netflix" in the gazetteer) and every other word an ordinary one ("Uber Eats"). A known
 * organisation later in the span is a surname ("Harrison Ford", "Michael Dell" stay people). The presidio
 * texts the tagger learns from rarely hold a well-known company, so it reads a lone brand in a diary
 * ("leaving Google next month", "joined Uber") as a name or a job.
 */
export function knownOrganisation(span: readonly Token[], lexicon: ReadonlyMap<string, string>): boolean {
  const words = span.filter((token) => /\p{L}/u.test(token.text)).map((token) => lexicon.get(token.text.toLowerCase()) ?? '');
  return words[0] === 'org' && words.slice(1).every((kind) => ORDINARY_CLASSES.has(kind));
}

/**
 * Whether a word is a capitalised nationality, religion or party word of the NRP rule ("Jewish", "Muslim",
 * "Republican"), which the tagger sometimes reads as a lone name ("I'm Jewish" gave PERSON "Jewish").
 * "Christian" is left out: it is a given name too.
 */
export function nrpWord(word: string): boolean {
  return /^\p{Lu}/u.test(word) && word.toLowerCase() !== 'christian' && NRP_WORD_SET.has(word.toLowerCase());
}

/**
 * Whether a span the tagger called a person ends in an organisation's or an institution's word and holds
 * another word before it ("Rand Corporation", "Lake Forest College"): on a signature's first line, where the
 * presidio texts mostly put people, the tagger reads such names as people. No person in presidio-synth's
 * gold spans ends in one of these words.
 */
export function namedAsOrganisation(span: readonly Token[]): boolean {
  const words = span.filter((token) => /\p{L}/u.test(token.text));
  return words.length >= 2 && ORGANISATION_NOUNS.has(words.at(-1)!.text);
}
