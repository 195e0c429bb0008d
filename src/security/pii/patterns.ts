import { anyOf, contextBefore, identifierValue, startsWith, type Recognizer } from './pattern-kit.js';
import type { PiiSpan } from './types.js';
import { UNSEEN_RECOGNIZERS } from './unseen-patterns.js';
import { ibanValid, ipv4Valid, luhnValid, phoneDigitsValid, ssnValid } from './validators.js';

/** Whether `text` holds `needle` at least `n` times. */
function atLeast(text: string, needle: string, n: number): boolean {
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) if (--n === 0) return true;
  return false;
}

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
  'employee', 'national insurance', 'NHS', 'nhs', 'taxpayer', 'tax', 'licence plate', 'license plate', 'plate', 'VIN',
];
const ID_LABELS = ID_LABEL_LIST.map((label) => label.replace(/^[a-z]/, (c) => `[${c.toUpperCase()}${c}]`).replace(/ /g, '\\s+')).join('|');

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

/** What every domain the domain pattern finds ends with: a dot and a top-level domain. */
const DOMAIN_END = /\.(?:com|org|net|io|dev|app|edu|gov|co|uk|de|fr|be|nl|se|dk|pl|cz|si|br|au|info|biz)/iu;

/**
 * The gate of the credential formats below, one scan for all eight: the lower-cased start of each format (a superset of
 * what their case-sensitive patterns need), which journal entries seldom hold ("asia" aside).
 */
const CREDENTIAL_START = /sk-|akia|asia|gh[pousr]_|github_pat_|xox[abprs]-|aiza|[rs]k_(?:live|test)_|eyj|-----begin /u;
const credentialGate = (folded: string): boolean => CREDENTIAL_START.test(folded);

/** The recognisers the tagger sees as features (ruleFeatureSpans), in the order it was trained with. */
const SEEN_RECOGNIZERS: readonly Recognizer[] = [
  // Credentials, by the formats their issuers publish: a journal line that quotes a key must never reach
  // a remote model or an export in the clear.
  { type: 'SECRET', name: 'openai-key', gate: credentialGate, confidence: 0.98, pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g },
  { type: 'SECRET', name: 'aws-access-key', gate: credentialGate, confidence: 0.98, pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { type: 'SECRET', name: 'github-token', gate: credentialGate, confidence: 0.98, pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/g },
  { type: 'SECRET', name: 'slack-token', gate: credentialGate, confidence: 0.98, pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g },
  { type: 'SECRET', name: 'google-api-key', gate: credentialGate, confidence: 0.98, pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { type: 'SECRET', name: 'stripe-key', gate: credentialGate, confidence: 0.98, pattern: /\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}\b/g },
  { type: 'SECRET', name: 'jwt', gate: credentialGate, confidence: 0.95, pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  { type: 'SECRET', name: 'private-key', gate: credentialGate, confidence: 0.99, pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g },
  {
    type: 'SECRET', name: 'labelled-secret', confidence: 0.85, group: 1,
    starts: startsWith('passw', 'passp', 'pin code', 'api', 'secret key', 'access token', 'auth token'),
    pattern: /\b(?:password|passwd|passphrase|pin code|api[ _-]?key|secret key|access token|auth token)\s*(?:is|was|:|=)\s*["'“]?([^\s"'”]{6,})/giu,
  },
  {
    type: 'EMAIL', name: 'email', confidence: 0.99, gate: anyOf('@'),
    pattern: /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/gu,
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
    // Never right after a plus sign: "+234 803 555 1234" is a phone number, whatever its Luhn digit says.
    type: 'CREDIT_CARD', name: 'card', confidence: 0.97,
    pattern: /\b(?:\d[ -]?){12,18}\d\b/g,
    validate: (v, text, start) => luhnValid(v) && /^[1-6]/.test(v) && text[start - 1] !== '+',
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
    pattern: /\b(?:born(?: on(?: the)?| in)?|(?:date of birth|d\.?o\.?b\.?)(?: (?:is|was))?|birthday(?: is)?)\s*[:-]?\s*((?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})|(?:\d{4}-\d{2}-\d{2})|(?:\p{L}+\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})|(?:\d{1,2}(?:st|nd|rd|th)? (?:of )?\p{L}+,? \d{4}))/giu,
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
    type: 'PHONE', name: 'phone', confidence: 0.8,
    // After a country code a group may run to eight digits ("+49 151 23456789"); a number without one keeps groups of
    // at most six.
    pattern: /\+\d{1,3}[\s.-]?(?:\(0?\d{1,4}\)|\d{1,5})(?:[\s.-]\d{1,8}){1,5}|(?:\+\d{1,3}[\s.-]?|\b1[\s.-](?=\(?\d{3}[\s.)-]))?(?:(?:\(\d{1,4}\)|\(0\))[\s.-]?\d{1,5}|\d{2,5})(?:[\s.-]\(?\d{1,6}\)?){1,5}|\b\d{10,11}\b/g,
    validate: (v, text, start) =>
      phoneDigitsValid(v) && !DATE_LIKE.test(v.trim()) && !/^\d{3}-\d{2}-\d{4}$/.test(v.trim())
      && (/[\s().+-]/.test(v.trim()) || /(?:phone|call|tel|mobile|cell|fax|number|text)/.test(contextBefore(text, start)))
      && (v.replace(/\D/g, '').length >= 9 || /(?:phone|call|tel|mobile|cell|fax|number|at)\W*$/.test(contextBefore(text, start, 20)) || /^\+|\(/.test(v.trim())),
  },
  {
    type: 'PHONE', name: 'phone-labelled', confidence: 0.9,
    pattern: /(?:\+\d{1,3}[ .-]?|\b1[ .-](?=\(?\d{3}[ .)-]))?(?:(?:\(\d{1,4}\)|\(0\))[ .-]?\d{1,5}|\d{2,5})(?:[ .-]\(?\d{1,8}\)?){1,5}(?: ?x\d{1,5})?|(?<![\d+])\+?\d{7,13}\b/g,
    validate: (v, text, start) =>
      phoneDigitsValid(v) && !DATE_LIKE.test(v.trim()) && !/^\d{3}-\d{2}-\d{4}$/.test(v.trim()) && phoneLabelled(text, start, start + v.length),
  },
  {
    type: 'ZIP_CODE', name: 'zip-context', confidence: 0.85, group: 1,
    starts: startsWith('zip', 'postal code', 'postcode', 'post code'),
    pattern: /\b(?:zip(?: code)?|postal code|postcode|post code)\s*(?:is|:)?\s*([A-Z\d]{2,5}(?:[ -][A-Z\d]{2,4})?)\b/gi,
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

/** Every recogniser: those the tagger sees, then those added after it was trained (unseen-patterns.ts). */
const RECOGNIZERS: readonly Recognizer[] = [...SEEN_RECOGNIZERS, ...UNSEEN_RECOGNIZERS];

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
  // A gate shared by several recognisers is asked once.
  const gates = new Map<(folded: string) => boolean, boolean>();
  for (const r of RECOGNIZERS) {
    if (r.gate) {
      let open = gates.get(r.gate);
      if (open === undefined) gates.set(r.gate, (open = r.gate(folded)));
      if (!open) continue;
    }
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
