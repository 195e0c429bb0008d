import { buildingNumbers, fullPostalAddresses } from './address-block.js';
import { cjkNames } from './cjk-names.js';
import { HOUSE_NUMBER_BEFORE, STREET_WORDS } from './pattern-kit.js';
import { mergePlaceNames, placeNameSpans, placeParticleTails, townsAfterPlaces } from './place-names.js';
import { resolveOverlaps } from './resolve-overlaps.js';
import { NAME_TYPES } from './span-roles.js';
import { ruleSpans, tagEntities } from './tagger.js';
import type { TaggerModel } from './tagger-model.js';
import type { DetectPiiOptions, PiiSpan, PiiType } from './types.js';

export { resolveOverlaps } from './resolve-overlaps.js';

/** Types whose regex recogniser is checked by a validator, a format or its context: kept as found, never tagged. */
const VALIDATED: ReadonlySet<PiiType> = new Set(['EMAIL', 'URL', 'IBAN', 'CREDIT_CARD', 'US_SSN', 'IP_ADDRESS', 'SECRET', 'DATE_OF_BIRTH', 'US_DRIVER_LICENSE', 'ID_NUMBER', 'USERNAME', 'CRYPTO']);

/** A phone number with a label next to it ("Mobile: ...", "... office"): kept as the regex found it. */
const LABELLED_PHONE = 'regex:phone-labelled';

/**
 * Rule hits kept where the tagger found nothing overlapping them: an age written "34 years old" or "26 y/o" or
 * after "turns" or said ("I'm 34 and", "my daughter is six") or in months or a number's words ("nine months old"), a unit of an address ("Apt 4B", "Apartment 12", which
 * the tagger left in clear beside the street it masked), a postcode after its label or in the British or Canadian
 * format, a relative's name ("Aunt Lily"), a chat log's speaker ("[14:02] Priya: …"), an airport ("Landed at JFK"), a Polish street ("ul. Długa 15/3"), an organisation's initials after its kind ("my IVF clinic (CRGH)"), and a street address written in lower
 * case ("at 42 maple street") or named the German, Dutch or Romance way ("Oranienstraße 45", "Calle de Alcalá 42"),
 * which also replace what the tagger read inside them.
 */
const FALLBACK: ReadonlySet<string> = new Set(['regex:age', 'regex:age-context', 'regex:age-turns', 'regex:age-said', 'regex:age-old', 'regex:unit', 'regex:zip-context', 'regex:uk-postcode', 'regex:ca-postcode', 'regex:kin-name', 'regex:chat-speaker', 'regex:airport', 'regex:street-lower', 'regex:street-lower-named', 'regex:street-kind-lower', 'regex:street-joined', 'regex:street-romance', 'regex:street-romance-numbered', 'regex:street-polish', 'regex:kind-initials', 'regex:party-vote']);

/**
 * Streets the rules read whole (unseen-places.ts): written in lower case after "at", "on", "to", "from" or "address",
 * named the German or Dutch way ("Oranienstraße 45"), the Romance way ("Calle de Alcalá 42", "5 rue des Lilas") or the
 * Polish way ("ul. Długa 15/3").
 */
const WHOLE_STREETS: ReadonlySet<string> = new Set(['regex:street-lower', 'regex:street-joined', 'regex:street-romance', 'regex:street-romance-numbered', 'regex:street-polish']);
/**
 * A British or Canadian postcode: a place the tagger read that ends inside one is widened to its end ("London NW" of
 * "London NW1 6XE", "Toronto ON M5R 2G" of "… M5R 2G3").
 */
const POSTCODES: ReadonlySet<string> = new Set(['regex:uk-postcode', 'regex:ca-postcode']);
const PLACE_TYPES: ReadonlySet<string> = new Set(['LOCATION', 'STREET_ADDRESS', 'ZIP_CODE']);
/** A street's last word right before a postcode, a comma between or not ("Holloway Road " of "Holloway Road N7 8HS"). */
const STREET_BEFORE_CODE = new RegExp(`\\b(?:${STREET_WORDS.join('|')})\\.?,?[ \\t]*$`, 'u');

/**
 * Whether a labelled postcode's value looks like one: a digit, and every part digits or capitals ("94110", "SW1A
 * 1AA"; not "like" of "my zip code is like", nor "2371 and").
 */
const postcodeLike = (value: string): boolean => /\d/.test(value) && value.split(/[ -]/).every((part) => /\d/.test(part) || /^\p{Lu}+$/u.test(part));

/** A phone number in international format, or in a national one with its trunk 0 and ten digits or more. */
const DIALLED = /^(?:\+|0(?:\D*\d){9})/u;

/** A postcode right after a place on its line: six digits, three and three, or four or five ("Mumbai 400053", "Lyon 69003"). */
const CODE_AFTER_PLACE = /^[ \t]+(\d{3}[ \t]?\d{3}|\d{4,5})(?![\p{L}\p{N}]|[.,]\d)/u;

/**
 * Postcodes right after a place the tagger read where it left them outside every span ("Flat 302, Andheri West, Mumbai
 * 400053", "moving to Lyon 69003"); not four digits that may be a year ("Paris 2024").
 */
function postcodesAfterPlaces(text: string, tagged: readonly PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const place of tagged) {
    if (place.type !== 'LOCATION') continue;
    const m = CODE_AFTER_PLACE.exec(text.slice(place.end, place.end + 12));
    if (!m || /^(?:1[89]|20)\d\d$/u.test(m[1]!)) continue;
    const start = place.end + m[0].length - m[1]!.length;
    const span: PiiSpan = { type: 'ZIP_CODE', start, end: start + m[1]!.length, text: m[1]!, confidence: 0.7, source: 'rule:postcode-after-place' };
    if (!overlapsAny(span, tagged)) out.push(span);
  }
  return out;
}

const overlapsAny = (s: PiiSpan, others: readonly PiiSpan[]): boolean => others.some((o) => s.start < o.end && o.start < s.end);

/** A flat's, apartment's or unit's number in lower case right before a street and its comma ("flat 4, " of "flat 4, 19 Marchmont Road"). */
const UNIT_BEFORE_STREET = /(?<![\p{L}\p{N}])(?:flat|apt|apartment|unit|suite)\.?[ \t]*#?[ \t]*\d{1,5}[a-z]?,[ \t]*$/u;
/** The same right after a street and its comma (", flat 3" of "22B Baker St, flat 3"). */
const UNIT_AFTER_STREET = /^,[ \t]*(?:flat|apt|apartment|unit|suite)\.?[ \t]*#?[ \t]*\d{1,5}[a-z]?(?![\p{L}\p{N}])/u;

/** An organisation's initials in brackets right after it (" (CRGH)" of "the Centre for Reproductive … (CRGH)"). */
const INITIALS_AFTER = /^[ \t]*\((\p{Lu}{2,6})\)/u;

/** The initials in brackets right after each organisation, as organisations ("my fertility clinic, Lister (LFC)"). */
function initialsAfterOrganisations(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const span of spans) {
    if (span.type !== 'ORGANIZATION') continue;
    const m = INITIALS_AFTER.exec(text.slice(span.end, span.end + 12));
    if (!m) continue;
    const start = span.end + m[0].length - 1 - m[1]!.length;
    out.push({ type: 'ORGANIZATION', start, end: start + m[1]!.length, text: m[1]!, confidence: 0.6, source: 'rule:initials' });
  }
  return out;
}

/** The last word of a British address that names houses rather than a street ("Mill Cottages", "Abbey Mews"). */
const HOUSES_END = /(?<![\p{L}'’-])(?:Cottages|Mews|Villas|Almshouses|Buildings|Mansions)$/u;

/**
 * A name, organisation or place the tagger read that ends in such a word, right after a house number, is an address with
 * that number ("2 Mill Cottages" had left "2" in clear, "Mill Cottages" read as an organisation).
 */
function numberedHouses(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  return spans.map((span) => {
    if (!NAME_TYPES.has(span.type) || !HOUSES_END.test(span.text)) return span;
    const number = HOUSE_NUMBER_BEFORE.exec(text.slice(Math.max(0, span.start - 12), span.start))?.[0].length ?? 0;
    return number ? { ...span, type: 'STREET_ADDRESS', start: span.start - number, text: text.slice(span.start - number, span.end) } : span;
  });
}

/**
 * Street addresses widened by a unit written in lower case on either side, which the unit recogniser (capitalised: "Flat
 * 3", "Apt 4B") and the tagger leave in clear ("flat 4, 19 Marchmont Road", "22B Baker St, flat 3").
 */
function withLowerCaseUnits(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
  return spans.map((span) => {
    if (span.type !== 'STREET_ADDRESS') return span;
    const before = UNIT_BEFORE_STREET.exec(text.slice(Math.max(0, span.start - 24), span.start));
    const after = UNIT_AFTER_STREET.exec(text.slice(span.end, span.end + 24));
    if (!before && !after) return span;
    const start = span.start - (before?.[0].length ?? 0);
    const end = span.end + (after?.[0].length ?? 0);
    return { ...span, start, end, text: text.slice(start, end) };
  });
}

/**
 * {@link detectPII} with a given tagger model (the cross-validation in scripts/train-pii-tagger.ts
 * scores models trained on part of the data this way).
 */
export function detectPIIWith(text: string, options: DetectPiiOptions, model?: TaggerModel): PiiSpan[] {
  const rules = ruleSpans(text);
  let spans = rules;
  if (options.ner !== false) {
    let tagged = placeParticleTails(text, townsAfterPlaces(text, mergePlaceNames(tagEntities(text, rules, model).filter((s) => !VALIDATED.has(s.type)), placeNameSpans(text))));
    // A number in international format ("+44 7700 900123"), or in a national one that opens with its trunk 0 and has ten
    // digits or more ("07700 900123"), where the tagger saw no phone: the regex's phone replaces what the tagger read
    // from its digits (a date "7700", a street "07700"), so that masking never leaves part of it.
    const phones = tagged.filter((t) => t.type === 'PHONE');
    const dialled = rules.filter((s) => s.source === 'regex:phone' && DIALLED.test(s.text) && !overlapsAny(s, phones));
    tagged = [...tagged.filter((t) => !dialled.some((s) => s.start <= t.start && t.end <= s.end)), ...dialled];
    const postcodes = rules.filter((s) => POSTCODES.has(s.source));
    if (postcodes.length) {
      tagged = tagged.map((t) => {
        // (span-roles.ts's NAME_TYPES: a person, an organisation, or a place, which PLACE_TYPES takes first.)
        const code = PLACE_TYPES.has(t.type) || NAME_TYPES.has(t.type) ? postcodes.find((p) => t.start < p.start && p.start < t.end && t.end < p.end) : undefined;
        if (!code) return t;
        if (PLACE_TYPES.has(t.type)) return { ...t, end: code.end, text: text.slice(t.start, code.end) };
        // A name or an organisation read into a postcode is a street before it ("Holloway Road N" of "3 Holloway Road N7
        // 8HS"): with its house number, up to the postcode's end; a place when it names no street.
        const street = STREET_BEFORE_CODE.test(text.slice(t.start, code.start));
        const number = street ? (HOUSE_NUMBER_BEFORE.exec(text.slice(Math.max(0, t.start - 12), t.start))?.[0].length ?? 0) : 0;
        return { ...t, type: street ? 'STREET_ADDRESS' : 'LOCATION', start: t.start - number, end: code.end, text: text.slice(t.start - number, code.end) };
      });
      // A British or Canadian postcode replaces what the tagger read inside it ("SW" of "SW1A 1AA" as an organisation).
      tagged = tagged.filter((t) => !postcodes.some((c) => c.start <= t.start && t.end <= c.end && (t.start > c.start || t.end < c.end)));
    }
    // Such a street replaces what the tagger read inside it ("kingsley avenue" of "to 27 kingsley avenue" as a person,
    // "Calle de Alcalá" of "Calle de Alcalá 42" as a place, which left the house number in clear).
    const streets = rules.filter((s) => WHOLE_STREETS.has(s.source) && tagged.every((t) => !overlapsAny(t, [s]) || (s.start <= t.start && t.end <= s.end)));
    if (streets.length) tagged = tagged.filter((t) => !streets.some((s) => s.start <= t.start && t.end <= s.end));
    const fallback = rules.filter((s) => FALLBACK.has(s.source) && !overlapsAny(s, tagged) && (s.source !== 'regex:zip-context' || postcodeLike(s.text)));
    const codes = postcodesAfterPlaces(text, tagged).filter((s) => !overlapsAny(s, rules) && !overlapsAny(s, fallback));
    // Names in Chinese characters or Hangul, which the tagger cannot read ("Dinner with 王小明").
    const cjk = cjkNames(text).map((s): PiiSpan => ({ ...s, type: 'PERSON', confidence: 0.6, source: 'rule:cjk-name' })).filter((s) => !overlapsAny(s, tagged) && !overlapsAny(s, rules));
    spans = [...rules.filter((s) => VALIDATED.has(s.type) || s.source === LABELLED_PHONE), ...buildingNumbers(text, fullPostalAddresses(text, [...withLowerCaseUnits(text, numberedHouses(text, [...tagged, ...fallback])), ...codes])), ...initialsAfterOrganisations(text, tagged), ...cjk];
  }
  const min = options.minConfidence ?? 0;
  const allowed = options.types ? new Set(options.types) : undefined;
  return resolveOverlaps(spans.filter((s) => s.confidence >= min && (!allowed || allowed.has(s.type))));
}

/**
 * Finds personal data in `text`: validated regex recognisers (email, URL, card with Luhn, IBAN with
 * mod-97, SSN, IP, secrets, dates of birth) plus a trained sequence tagger for names, places,
 * organisations, addresses, phones, dates, ages, titles and NRP, with places named by a generic word
 * ("Lake Tahoe", "Hudson River", "Elm Road": place-names.ts) merged into its spans. Returns non-overlapping
 * spans in text order; never throws on any string.
 */
export function detectPII(text: string, options: DetectPiiOptions = {}): PiiSpan[] {
  return detectPIIWith(text, options);
}
