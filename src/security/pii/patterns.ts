import { gazetteer, ORDINARY_CLASSES } from './gazetteer.js';
import type { PiiSpan, PiiType } from './types.js';
import { createHash } from 'node:crypto';
import { base58CheckValid, bech32Valid, ibanValid, ipv4Valid, luhnValid, phoneDigitsValid, ssnValid } from './validators.js';

/** A regex recogniser: every match (or its `group`) becomes a span when `validate` accepts it. */
interface Recognizer {
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
const startsWith = (...prefixes: string[]): RegExp => new RegExp(`\\b(?:${prefixes.join('|')})`, 'g');

/** Whether `text` holds `needle` at least `n` times. */
function atLeast(text: string, needle: string, n: number): boolean {
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) if (--n === 0) return true;
  return false;
}

/** Words that are no street's name between a number and a street word ("5 miles down the road", "3 of us on the way"). */
const NOT_STREET_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'my', 'your', 'our', 'his', 'her', 'their', 'us', 'them', 'me',
  'down', 'up', 'across', 'along', 'over', 'by', 'way', 'miles', 'mile', 'km', 'kilometres', 'kilometers', 'blocks', 'block',
  'minutes', 'mins', 'hours', 'days', 'weeks', 'times', 'people', 'cars', 'more', 'other', 'different',
]);

/** The SHA-256 digest of `bytes`. */
const sha256 = (bytes: Uint8Array): Uint8Array => createHash('sha256').update(bytes).digest();

/** Names of accounts that are no one's ("logged in as admin"). */
const ACCOUNT_WORDS: ReadonlySet<string> = new Set(['admin', 'administrator', 'root', 'guest', 'user', 'test', 'anonymous', 'me', 'myself']);

/** True when the folded text contains any of `needles`. */
const anyOf = (...needles: string[]) => (folded: string): boolean => needles.some((n) => folded.includes(n));

/**
 * The text lower-cased for the gates, with the two characters that case-insensitive patterns match as
 * ASCII letters besides the ASCII letters themselves ('ſ' as s, dotless 'ı' as i; the Kelvin sign
 * lower-cases to k already).
 */
export function foldForGates(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('ſ') || lower.includes('ı') ? lower.replace(/ſ/g, 's').replace(/ı/g, 'i') : lower;
}

const SUFFIX =
  '(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Square|Sq|Squares|Terrace|Way|Highway|Hwy|Parkway|Pkwy|Circle|Cir|Trail|Crescent|Close|Row|Walk|Gardens|Strasse|Straße|Str|Weg|Platz|Gasse|Allee|Rue|Via|Calle|Avenida|Rua|Katu|Gatan|Gade|Vej|Tie|Utca|Ulica)';
const CAP = "[\\p{Lu}][\\p{L}'’.-]*";
const UNIT = "(?:Apt\\.?|Apartment|Suite|Ste\\.?|Unit|Flat|Floor|Fl\\.?|Room|Rm\\.?)\\s*#?\\s*\\d{1,5}[A-Za-z]?";

/**
 * Labels of other identifiers, first letter either case ("Passport", "passport"); the value after them is read
 * case-sensitively, so it stops at the next ordinary word ("HX-883-2201 for the car").
 */
const ID_LABEL_LIST: readonly string[] = [
  'passport', 'bank account', 'account', 'sort code', 'routing', 'policy', 'membership', 'member', 'patient', 'student',
  'employee', 'national insurance', 'NHS', 'taxpayer', 'tax', 'licence plate', 'license plate', 'plate', 'VIN',
];
const ID_LABELS = ID_LABEL_LIST.map((label) => label.replace(/^[a-z]/, (c) => `[${c.toUpperCase()}${c}]`).replace(/ /g, '\\s+')).join('|');

/** Labels of the identifiers the tagger was not trained with ({@link findPatternSpans}' labelled-id-more). */
const MORE_ID_LABEL_LIST: readonly string[] = [
  'medicare', 'medicaid', 'health card', 'health insurance', 'social insurance', 'SIN', 'NI', 'national ID', 'national identity',
  'ID card', 'tax ID', 'TIN', 'EIN', 'library card', 'green card', 'claim', 'case',
];
const MORE_ID_LABELS = MORE_ID_LABEL_LIST.map((label) => label.replace(/^[a-z]/, (c) => `[${c.toUpperCase()}${c}]`).replace(/ /g, '\\s+')).join('|');

/**
 * Whether a labelled identifier's value is one: each part digits with capitals or a short capital code ("X12345678",
 * "12-34-56", "ABC 1234"), never a word ("the member price was 12", "a student of 2019"); a plate needs one digit ("AB12
 * CDE"), any other identifier four; not a card, licence or social security number, which have recognisers of their own.
 */
function identifierValue(v: string, text: string, start: number): boolean {
  return new RegExp(`(?:\\d\\D*){${/(?:plate|vin)\W*$/i.test(contextBefore(text, start, 16)) ? 1 : 4}}`).test(v)
    && v.split(/[ -]/).every((part) => /^(?:[A-Z]{1,4}|[A-Z\d]*\d[A-Z\d]*)$/.test(part))
    && !/(?:card|licen[cs]e\s+(?:number|no)|security)\s*$/i.test(contextBefore(text, start, 30).replace(/(?:number|no\.?|is|:|#|\s)+$/i, ''));
}

/** Digits of a date-like run, used to keep dates out of PHONE. */
const DATE_LIKE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/;

function notInsideWord(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  return !(before && /[\p{L}\d@]/u.test(before)) && !(after && /[\p{L}\d]/u.test(after));
}

/**
 * True when a phone label sits right before the number ("Mobile: ", "call me on ", "a text from ", "my new
 * number is ") or right after it ("-Office", " fax"). "number" alone is no label: licence, card and social security
 * numbers are "numbers" too.
 */
function phoneLabelled(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  const after = text.slice(end, end + 12);
  return /\b(?:phone|tel|telephone|mobile|cell|fax|desk|office|home|work|call|reach|text|whatsapp|(?:phone|mobile|cell|(?:my|his|her|their|your|our)(?:\s+(?:new|old|home|work))?)\s+number(?:\s+is)?)\b[^\p{L}]{0,4}(?:(?:me|us|her|him|them)\s+)?(?:(?:on|at|from)\s+)?$/iu.test(before)
    || /^[\s-]{1,2}(?:office|fax|mobile|desk|home|work|cell|phone)\b/i.test(after);
}

function contextBefore(text: string, start: number, width = 40): string {
  return text.slice(Math.max(0, start - width), start).toLowerCase();
}

/** What every domain the domain pattern finds ends with: a dot and a top-level domain. */
const DOMAIN_END = /\.(?:com|org|net|io|dev|app|edu|gov|co|uk|de|fr|be|nl|se|dk|pl|cz|si|br|au|info|biz)/iu;

/** " dot ", "(dot)", "[dot]" or a full stop with no space around it between the parts of a written-out e-mail address. */
const SPELLED_DOT = '(?:\\s*(?:[([{]\\s*dot\\s*[)\\]}]|\\bdot\\b)\\s*|\\.)';
/** What a written-out address holds besides " at ": " dot " or a bracketed "at" or "dot". */
const SPELLED_MARKS = anyOf(' dot ', '(at)', '[at]', '(dot)', '[dot]');
/** Words that announce an e-mail address ("her email is", "write to"). */
const ADDRESS_CUE_WORDS = 'e-?mail|mail|address|contact|write to|reach';
/** Such a word anywhere in the folded text (the gate: a superset of what validate accepts). */
const ADDRESS_CUE = new RegExp(ADDRESS_CUE_WORDS);
/** Such a word shortly before an address, in the same sentence. */
const ADDRESS_CUE_BEFORE = new RegExp(`\\b(?:${ADDRESS_CUE_WORDS})\\b[^.!?]{0,20}$`, 'i');
/** " at ", "(at)" or "[at]" between a written-out address's name and its domain. */
const SPELLED_AT = '\\s*(?:[([{]\\s*at\\s*[)\\]}]|\\s\\bat\\b\\s)\\s*';

const RECOGNIZERS: Recognizer[] = [
  // Credentials, by the formats their issuers publish: a journal line that quotes a key must never reach
  // a remote model or an export in the clear.
  { type: 'SECRET', name: 'openai-key', confidence: 0.98, pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g },
  { type: 'SECRET', name: 'aws-access-key', confidence: 0.98, pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { type: 'SECRET', name: 'github-token', confidence: 0.98, pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/g },
  { type: 'SECRET', name: 'slack-token', confidence: 0.98, pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g },
  { type: 'SECRET', name: 'google-api-key', confidence: 0.98, pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { type: 'SECRET', name: 'stripe-key', confidence: 0.98, pattern: /\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}\b/g },
  { type: 'SECRET', name: 'jwt', confidence: 0.95, pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  { type: 'SECRET', name: 'private-key', confidence: 0.99, pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g },
  {
    type: 'SECRET', name: 'labelled-secret', confidence: 0.85, group: 1,
    starts: startsWith('passw', 'passp', 'pin code', 'api', 'secret key', 'access token', 'auth token'),
    pattern: /\b(?:password|passwd|passphrase|pin code|api[ _-]?key|secret key|access token|auth token)\s*(?:is|was|:|=)\s*["'“]?([^\s"'”]{6,})/giu,
  },
  {
    // Short secrets after their label, added after the tagger was trained (it does not see them): a Wi-Fi password,
    // "pw", "pwd", and the digits of a PIN or of a door, alarm or safe code ("Wifi pw: Gr33nTea!2024", "My PIN is
    // 4821", "the alarm code is 7731"). A PIN's or a code's value is four to eight digits ("the pin is loose" is none).
    type: 'SECRET', name: 'labelled-secret-short', confidence: 0.85, group: 2,
    starts: startsWith('pw', 'wi-?fi', 'pin', 'pass[ \\t]?code', '(?:alarm|door|gate|lock|garage|safe|locker|entry)[ \\t]+code'),
    pattern: /\b(?:(pw|pwd|wi-?fi(?:[ \t]+(?:pw|pwd|password|pass|key))|pin(?:[ \t]+(?:number|code))?|pass[ \t]?code|(?:alarm|door|gate|lock|garage|safe|locker|entry)[ \t]+code)[ \t]*(?:is|was|:|=)[ \t]*["'“]?)([^\s"'”,;]{4,})/giu,
    validate: (v, text, start) => /^\d{4,8}$/u.test(v) || /(?:pw|pwd|wi-?fi[ \t]+\S+)[ \t]*(?:is|was|:|=)[ \t]*["'“]?$/iu.test(contextBefore(text, start, 40)),
  },
  {
    // A cryptocurrency address (a wallet): a Bitcoin segwit address with its bech32 checksum, a legacy one with its
    // base58check checksum, or an Ethereum address (0x and 40 hex digits). Not a tagger feature.
    type: 'CRYPTO', name: 'crypto-address', confidence: 0.95,
    pattern: /\b(?:(?:bc1|tb1|BC1|TB1)[a-zA-HJ-NP-Z0-9]{11,71}|[13][1-9A-HJ-NP-Za-km-z]{25,34}|0x[0-9a-fA-F]{40})\b/g,
    validate: (v) => (/^0x/u.test(v) ? true : /^(?:bc1|tb1)/iu.test(v) ? bech32Valid(v) : base58CheckValid(v, sha256)),
  },
  {
    type: 'EMAIL', name: 'email', confidence: 0.99, gate: anyOf('@'),
    pattern: /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/gu,
  },
  {
    // An address written out to dodge scrapers ("jane dot doe at gmail dot com", "jane(at)gmail(dot)com"): with
    // a bracketed "at" or "dot", or after a word that announces an address ("her email is ..."); not "look at
    // google dot com".
    type: 'EMAIL', name: 'email-spelled', confidence: 0.9,
    gate: (folded) => SPELLED_MARKS(folded) || (folded.includes(' at ') && ADDRESS_CUE.test(folded)),
    pattern: new RegExp(`[\\p{L}\\d_%+-]+(?:${SPELLED_DOT}[\\p{L}\\d_%+-]+)*${SPELLED_AT}[\\p{L}\\d-]+(?:${SPELLED_DOT}[\\p{L}\\d-]+)*${SPELLED_DOT}(?:com|org|net|io|edu|gov|co|uk|de|fr|nl|se|au|ca|info|me)\\b`, 'giu'),
    validate: (v, text, start) => /[([{]\s*(?:at|dot)\s*[)\]}]/i.test(v) || ADDRESS_CUE_BEFORE.test(contextBefore(text, start, 30)),
  },
  {
    // A handle with its at sign ("follow me @sunny.days.92", "DM'd @jo_bloggs", Venmo's "@jamie-w"): the sign follows no letter,
    // digit or email character (an email's part is the email recogniser's), and the handle holds a letter;
    // a full stop that ends the sentence is no part of it; an ordinary lower-case word is shorthand for "at"
    // ("worked @home"), no handle.
    type: 'USERNAME', name: 'handle', confidence: 0.85, gate: anyOf('@'),
    pattern: /(?<![\p{L}\d._%+-])@(?=[\w.-]*\p{L})\w(?:[\w.-]*\w)?/gu,
    validate: (v) => !/^@[a-z]+$/.test(v) || !ORDINARY_CLASSES.has(gazetteer().get(v.slice(1)) ?? ''),
  },
  {
    // A user name after its label and "is", "was" or a colon, or after "logged in as" ("Logged in as jdoe_1987", "my
    // username is jdoe_1987", "my insta is lena.kowal", "discord: lena#4821", "my reddit is u/throwaway_sad_22"): one
    // run of letters, digits and "._#-" of three to 32, an at sign or "u/" before it or not; without a digit, "_", "."
    // or "#", not a word of the lexicon nor one with an adverb's or adjective's ending ("my insta is private", "my
    // username is the same", "your username is absolutely horrible"); not an account that is no one's ("logged in as
    // admin"). A label that is also a verb needs its "is" or colon ("can't handle Mondays").
    type: 'USERNAME', name: 'username-labelled', confidence: 0.85, group: 1,
    starts: startsWith('logged[ \\t]+in', 'user', 'login', 'handle', 'gamer', 'screen', 'insta', 'ig', 'twitter', 'tiktok', 'snap', 'discord', 'reddit', 'steam', 'xbox', 'psn', 'twitch', 'github'),
    pattern: /\b(?:logged[ \t]+in[ \t]+as|(?:user[ \t]?name|user[ \t]?id|login|handle|gamer[ \t]?tag|screen[ \t]?name|(?:instagram|insta|ig|twitter|tiktok|snapchat|snap|discord|reddit|steam|xbox|psn|twitch|github)(?:[ \t]+(?:handle|name|username|account|id))?)(?:[ \t]+(?:is|was)|[ \t]*[:=]))[ \t]+((?:@|u\/)?[\p{L}\d][\p{L}\d._#-]{1,30}[\p{L}\d])/giu,
    validate: (v) => {
      const name = v.replace(/^(?:@|u\/)/u, '');
      return name.length >= 3 && !ACCOUNT_WORDS.has(name.toLowerCase())
        && (/[\d_.#]/u.test(name) || (!gazetteer().has(name.toLowerCase()) && !/(?:ly|ful|less|ous|ive|able|ible|ing|ed)$/u.test(name)));
    },
  },
  {
    type: 'URL', name: 'url', confidence: 0.95, gate: anyOf('http', 'www.'),
    pattern: /\b(?:https?:\/\/|www\.)[^\s<>"'()]+[^\s<>"'().,;:!?]/giu,
  },
  {
    type: 'URL', name: 'domain', confidence: 0.7, gate: (folded) => DOMAIN_END.test(folded),
    pattern: /\b(?:[a-z\d-]+\.)+(?:com|org|net|io|dev|app|edu|gov|co|uk|de|fr|be|nl|se|dk|pl|cz|si|br|au|info|biz)(?:\/[^\s]*)?\b/giu,
    validate: (v, text, start) => text[start - 1] !== '@' && !/^\d+(\.\d+)*$/.test(v) && /[a-z]/i.test(v.split('.')[0] ?? ''),
  },
  {
    type: 'IBAN', name: 'iban', confidence: 0.99,
    pattern: /\b[A-Za-z]{2}\d{2}(?:\s?[A-Za-z\d]{4}){2,7}(?:\s?[A-Za-z\d]{1,4})?\b/g,
    validate: (v) => ibanValid(v),
  },
  {
    type: 'CREDIT_CARD', name: 'card', confidence: 0.97,
    pattern: /\b(?:\d[ -]?){12,18}\d\b/g,
    validate: (v) => luhnValid(v) && /^[1-6]/.test(v),
  },
  {
    // Maestro numbers can be 12 digits: accepted only next to the word "card", with a valid Luhn digit.
    type: 'CREDIT_CARD', name: 'card-12', confidence: 0.9,
    pattern: /\b\d{12}\b/g,
    validate: (v, text, start) => luhnValid(v) && /\bcard\b/.test(contextBefore(text, start, 60)),
  },
  {
    type: 'US_DRIVER_LICENSE', name: 'driver-license', confidence: 0.85, group: 1,
    pattern: /\bdriver['’]?s?\s+licen[cs]e(?:\s+(?:number|no\.?|#))?\s*(?:is|:|#)?\s*([A-Z\d][A-Z\d-]{4,18}[A-Z\d])\b/gi,
    validate: (v) => /\d{4}/.test(v.replace(/-/g, '')),
  },
  {
    // An identifier right after its label ("passport number is X12345678", "sort code 12-34-56", "licence plate
    // ABC-1234"): at least four digits, or a plate's letters and digits. Card, licence and social security numbers
    // have recognisers of their own and are not labels here.
    type: 'ID_NUMBER', name: 'labelled-id', confidence: 0.85, group: 1,
    starts: startsWith(...ID_LABEL_LIST.map((label) => label.toLowerCase().replace(/ /g, '\\s+'))),
    pattern: new RegExp(`\\b(?:${ID_LABELS})(?:\\s+(?:[Nn]umber|[Nn]o\\.?|I[Dd]|id|[Cc]ode))?\\s*(?:is|:|#)?\\s*([A-Z\\d][A-Z\\d -]{2,22}[A-Z\\d])\\b`, 'g'),
    validate: identifierValue,
  },
  {
    // More identifiers after their label and "number", "no", "ID", "is" or a colon, added after the tagger was trained
    // (it does not see them): health and social insurance, national and tax identity numbers, library and green cards,
    // claims and cases ("My Medicare number is 1EG4-TE5-MK73", "SIN: 046 454 286"; not "in case 2019 happens"), the
    // same values as above.
    type: 'ID_NUMBER', name: 'labelled-id-more', confidence: 0.85, group: 1,
    starts: startsWith(...MORE_ID_LABEL_LIST.map((label) => label.toLowerCase().replace(/ /g, '\\s+'))),
    pattern: new RegExp(`\\b(?:${MORE_ID_LABELS})(?:\\s+(?:[Nn]umber|[Nn]o\\.?|I[Dd]|id)\\s*(?:is|was|:|#)?|\\s*(?:is|was|:|#))\\s*([A-Z\\d][A-Z\\d -]{2,22}[A-Z\\d])\\b`, 'g'),
    validate: identifierValue,
  },
  {
    type: 'US_SSN', name: 'ssn', confidence: 0.9,
    pattern: /\b\d{3}-\d{2}-\d{4}\b|\b\d{3} \d{2} \d{4}\b/g,
    validate: (v) => ssnValid(v),
  },
  {
    type: 'US_SSN', name: 'ssn-context', confidence: 0.85,
    starts: startsWith('ssn', 'social security'),
    pattern: /\b(?:ssn|social security(?: number| no\.?)?)\s*(?:is|:|#)?\s*(\d{9})\b/gi, group: 1,
    validate: (v) => ssnValid(v),
  },
  {
    type: 'IP_ADDRESS', name: 'ipv4', confidence: 0.95,
    pattern: /\b\d{1,3}(?:\.\d{1,3}){3}\b/g,
    validate: (v) => ipv4Valid(v),
  },
  {
    type: 'IP_ADDRESS', name: 'ipv6', confidence: 0.9,
    // Either form holds seven colons or a double one: rare in a diary, which holds single colons often.
    gate: (folded) => folded.includes('::') || atLeast(folded, ':', 7),
    pattern: /\b(?:[A-Fa-f\d]{1,4}:){7}[A-Fa-f\d]{1,4}\b|\b(?:[A-Fa-f\d]{1,4}:){1,6}:(?:[A-Fa-f\d]{1,4}:?){1,6}\b/g,
  },
  {
    type: 'DATE_OF_BIRTH', name: 'dob', confidence: 0.9, group: 1, gate: anyOf('born', 'birth', 'dob', 'd.ob', 'do.b', 'd.o.b'),
    starts: startsWith('born', 'date of birth', 'd\\.?o\\.?b', 'birthday'),
    pattern: /\b(?:born(?: on(?: the)?| in)?|date of birth|d\.?o\.?b\.?|birthday(?: is)?)\s*[:-]?\s*((?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})|(?:\d{4}-\d{2}-\d{2})|(?:\p{L}+\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})|(?:\d{1,2}(?:st|nd|rd|th)? (?:of )?\p{L}+,? \d{4}))/giu,
  },
  {
    // A birthday said in a diary, added after the tagger was trained (it does not see it): "my birthday's on July 4th,
    // 1992", "bday was 03/07/1958".
    type: 'DATE_OF_BIRTH', name: 'dob-said', confidence: 0.85, group: 1, gate: anyOf('birthday', 'bday', 'b-day'),
    starts: startsWith('birthday', 'b-?day'),
    pattern: /\b(?:birthday|b-?day)(?:['’]s|[ \t]+is|[ \t]+was)?(?:[ \t]+on)?(?:[ \t]+the)?[ \t]*[:-]?[ \t]*((?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})|(?:\d{4}-\d{2}-\d{2})|(?:\p{L}+\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})|(?:\d{1,2}(?:st|nd|rd|th)? (?:of )?\p{L}+,? \d{4}))/giu,
  },
  {
    // A year of birth after "born in" ("I was born in 1987"; not a year to come), likewise not seen by the tagger.
    type: 'DATE_OF_BIRTH', name: 'dob-year', confidence: 0.8, group: 1, gate: anyOf('born in'),
    starts: startsWith('born'),
    pattern: /\bborn[ \t]+in[ \t]+((?:19|20)\d{2})\b/giu,
    validate: (v) => Number(v) <= new Date().getFullYear(),
  },
  {
    type: 'DATE_TIME', name: 'timestamp', confidence: 0.6,
    pattern: /\b\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?\b|\b\d{1,2}\/\d{1,2}\/\d{4}\b/g,
  },
  {
    type: 'AGE', name: 'age', confidence: 0.75, group: 1,
    pattern: /\b(\d{1,3})(?:[- ]years?[- ]old|\s?y\/o|\s?yo\b|[- ]year[- ]old)/gi,
    validate: (v) => Number(v) <= 120,
  },
  {
    type: 'AGE', name: 'age-context', confidence: 0.7, group: 1,
    starts: startsWith('age', 'turned', 'turning'),
    pattern: /\b(?:age(?:d| of)?|turned|turning)\s*:?\s*(\d{1,3})\b/gi,
    validate: (v) => Number(v) <= 120,
  },
  {
    // "my daughter turns 7", "I turn 40 in May": kept where the tagger found nothing (detect-pii.ts).
    type: 'AGE', name: 'age-turns', confidence: 0.7, group: 1, gate: anyOf('turn'),
    starts: startsWith('turn'),
    pattern: /\b(?:turns|turn)\s+(\d{1,3})\b(?!\s*(?:%|percent|degrees|times|minutes|hours|points|pages)\b)/gi,
    validate: (v) => Number(v) <= 120,
  },
  {
    // A relative's name after the kinship word used as a title ("Aunt Lily", "Grandma Rose", "Cousin Ada"):
    // the name may be an ordinary word the tagger passes over. Kept where the tagger found nothing.
    type: 'PERSON', name: 'kin-name', confidence: 0.7, group: 1,
    starts: startsWith('aunt', 'uncle', 'grand', 'gran', 'nan', 'cousin'),
    pattern: /\b(?:[Aa]unt(?:ie|y)?|[Uu]ncle|[Gg]rand(?:ma|pa|mother|father|dad|da|mama|papa)|[Gg]ran(?:ny)?|[Nn]an(?:n)?a|[Cc]ousin)[ \t]+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\b/gu,
  },
  {
    type: 'PHONE', name: 'phone', confidence: 0.8,
    // After a country code a group may run to eight digits ("+49 151 23456789"); a number without one keeps groups of
    // at most six.
    pattern: /\+\d{1,3}[\s.-]?(?:\(0?\d{1,4}\)|\d{1,5})(?:[\s.-]\d{1,8}){1,5}|(?:\+\d{1,3}[\s.-]?)?(?:(?:\(\d{1,4}\)|\(0\))[\s.-]?\d{1,5}|\d{2,5})(?:[\s.-]\(?\d{1,6}\)?){1,5}|\b\d{10,11}\b/g,
    validate: (v, text, start) =>
      phoneDigitsValid(v) && !DATE_LIKE.test(v.trim()) && !/^\d{3}-\d{2}-\d{4}$/.test(v.trim())
      && (/[\s().+-]/.test(v.trim()) || /(?:phone|call|tel|mobile|cell|fax|number|text)/.test(contextBefore(text, start)))
      && (v.replace(/\D/g, '').length >= 9 || /(?:phone|call|tel|mobile|cell|fax|number|at)\W*$/.test(contextBefore(text, start, 20)) || /^\+|\(/.test(v.trim())),
  },
  {
    type: 'PHONE', name: 'phone-labelled', confidence: 0.9,
    pattern: /(?:\+\d{1,3}[ .-]?)?(?:(?:\(\d{1,4}\)|\(0\))[ .-]?\d{1,5}|\d{2,5})(?:[ .-]\(?\d{1,8}\)?){1,5}(?: ?x\d{1,5})?|(?<![\d+])\+?\d{7,13}\b/g,
    validate: (v, text, start) =>
      phoneDigitsValid(v) && !DATE_LIKE.test(v.trim()) && !/^\d{3}-\d{2}-\d{4}$/.test(v.trim()) && phoneLabelled(text, start, start + v.length),
  },
  {
    type: 'ZIP_CODE', name: 'zip-context', confidence: 0.85, group: 1,
    starts: startsWith('zip', 'postal code', 'postcode', 'post code'),
    pattern: /\b(?:zip(?: code)?|postal code|postcode|post code)\s*(?:is|:)?\s*([A-Z\d]{2,5}(?:[ -][A-Z\d]{2,4})?)\b/gi,
  },
  {
    // A British postcode ("SW1A 1AA", "CB2 1TN"), in capitals: the outward code's area letters and district,
    // the inward code's digit and two letters.
    type: 'ZIP_CODE', name: 'uk-postcode', confidence: 0.85,
    pattern: /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b/g,
  },
  {
    // A street address written in lower case after "at", "on", "to", "from" or "address" ("i live at 42 maple street apt
    // 3"): a house number, one to three lower-case words and a street word, a unit or not; no word a function word
    // or a unit of measure ("ran 5 miles down the road", "at 3 in the afternoon"). Not a tagger feature.
    type: 'STREET_ADDRESS', name: 'street-lower', confidence: 0.75, group: 1,
    starts: startsWith('at', 'on', 'to', 'from', 'address'),
    pattern: /\b(?:at|on|to|from|address(?: is|:)?)[ \t]+(\d{1,5}[a-z]?[ \t]+(?:[a-z]+[ \t]+){1,3}(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|court|ct|boulevard|blvd|way|place|pl|terrace|close|crescent|circle|cir|parkway|pkwy|highway|hwy)\b\.?(?:,?[ \t]+(?:apt|apartment|suite|ste|unit|flat)\.?[ \t]*#?[ \t]*\d{1,5}[a-z]?\b)?)/g,
    validate: (v) => v.split(/[ \t]+/u).slice(1, -1).every((w) => !NOT_STREET_WORDS.has(w)),
  },
  {
    type: 'STREET_ADDRESS', name: 'street-number-first', confidence: 0.8,
    pattern: new RegExp(`\\b\\d{1,6}[A-Za-z]?,?\\s+(?:${CAP}\\s+){0,3}${CAP}(?:\\s+\\d{1,5}[A-Za-z]?\\b)?(?:,?\\s+${UNIT})?`, 'gu'),
    validate: (v) => new RegExp(`\\b${SUFFIX}\\b|\\d\\s*$|${UNIT}`, 'u').test(v) && !/\b(?:years?|AM|PM|am|pm)\b/.test(v),
  },
  {
    type: 'STREET_ADDRESS', name: 'street-number-last', confidence: 0.75,
    pattern: new RegExp(`\\b(?:${CAP}\\s+(?:(?:do|da|de|del|der|di|la|le|van|von)\\s+)?){1,3}${SUFFIX}?\\w*\\s+\\d{1,5}[A-Za-z]?\\b(?:,?\\s+${UNIT})?`, 'gu'),
    validate: (v, text, start) =>
      new RegExp(`\\b${SUFFIX}\\b`, 'u').test(v) || /(?:address|\bat)\s*:?\s*$/i.test(contextBefore(text, start, 25)),
  },
  {
    type: 'STREET_ADDRESS', name: 'unit', confidence: 0.7,
    starts: startsWith('apt', 'apartment', 'suite', 'ste', 'unit', 'flat', 'floor', 'fl', 'room', 'rm'),
    pattern: new RegExp(`\\b${UNIT}\\b`, 'gu'),
  },
];

const stickyPatterns = new WeakMap<RegExp, RegExp>();

/**
 * The matches `text.matchAll(pattern)` gives, found by trying `pattern` sticky at each place of `folded` where `starts`
 * matches (every place, overlapping ones too), after the end of the last match: a match that `matchAll` finds begins
 * at one of those places, and `matchAll` resumes its search at the end of each match.
 */
function matchesFrom(pattern: RegExp, starts: RegExp, text: string, folded: string): RegExpExecArray[] {
  let sticky = stickyPatterns.get(pattern);
  if (!sticky) stickyPatterns.set(pattern, (sticky = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`)));
  const out: RegExpExecArray[] = [];
  let resume = 0;
  starts.lastIndex = 0;
  for (let hit = starts.exec(folded); hit; hit = starts.exec(folded)) {
    starts.lastIndex = hit.index + 1;
    if (hit.index < resume) continue;
    sticky.lastIndex = hit.index;
    const m = sticky.exec(text);
    if (m) {
      out.push(m);
      resume = m.index + Math.max(1, m[0].length);
    }
  }
  return out;
}

/**
 * Runs every regex recogniser over `text` and returns the validated spans (overlaps not yet resolved). `scanAll` runs
 * every pattern over the whole text instead of from the places its {@link Recognizer.starts} finds (the same spans:
 * the tests check it).
 */
export function findPatternSpans(text: string, scanAll = false): PiiSpan[] {
  const spans: PiiSpan[] = [];
  const folded = foldForGates(text);
  // Lower-casing kept every offset and word boundary (it does unless the text holds "İ", which lower-cases to two
  // characters, or the Kelvin sign, a word character only to the patterns that ignore case), so the places where a
  // label starts in the folded text are the text's.
  const foldedStarts = !scanAll && folded.length === text.length && !text.includes('\u212A');
  for (const r of RECOGNIZERS) {
    if (r.gate && !r.gate(folded)) continue;
    r.pattern.lastIndex = 0;
    const matches = r.starts && foldedStarts ? matchesFrom(r.pattern, r.starts, text, folded) : text.matchAll(r.pattern);
    for (const m of matches) {
      const value = r.group !== undefined ? m[r.group] : m[0];
      if (!value || m.index === undefined) continue;
      const offset = r.group !== undefined ? m[0].indexOf(value) : 0;
      let start = m.index + offset;
      let end = start + value.length;
      while (end > start && /[\s,]/.test(text[end - 1] ?? '')) end--;
      while (start < end && /\s/.test(text[start] ?? '')) start++;
      const span = text.slice(start, end);
      if (!notInsideWord(text, start, end) && r.type !== 'URL') continue;
      if (r.validate && !r.validate(span, text, start)) continue;
      spans.push({ type: r.type, start, end, text: span, confidence: r.confidence, source: `regex:${r.name}` });
    }
  }
  return spans;
}
