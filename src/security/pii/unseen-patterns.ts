import { createHash } from 'node:crypto';
import { englishWords } from './english-words.js';
import { ORDINARY_CLASSES, ruleLexicon } from './gazetteer.js';
import { anyOf, asFolded, contextBefore, identifierForm, identifierValue, startsWith, type Recognizer } from './pattern-kit.js';
import { UNSEEN_AGE_RECOGNIZERS } from './unseen-ages.js';
import { UNSEEN_HANDLE_RECOGNIZERS } from './unseen-handles.js';
import { UNSEEN_PLACE_RECOGNIZERS } from './unseen-places.js';
import { base58CheckValid, bech32Valid } from './validators.js';

/**
 * Recognisers added after the tagger was trained, so that it does not see their hits as features and reads a text as it
 * learnt to (tagger.ts's NOT_FEATURES is their names): each keeps its hits where they are validated types, or as
 * fallbacks where the tagger found nothing (detect-pii.ts). Those of addresses and places are unseen-places.ts's, those of
 * ages and birthdays unseen-ages.ts's, those of user names and handles unseen-handles.ts's.
 */

/** A chat log's time at a line's start: what chat-speaker needs (its gate). */
const CHAT_TIME = /(?:^|\n)[ \t]*\[?\d{1,2}:\d{2}/u;

/** The SHA-256 digest of `bytes`. */
const sha256 = (bytes: Uint8Array): Uint8Array => createHash('sha256').update(bytes).digest();

/**
 * Political parties named by a word that is also an ordinary one or that NRP's words lack ("Labour", "Green", "Reform UK",
 * "Sinn Féin"), in their usual capitals: party-vote reads them after a verb of voting or membership.
 */
const PARTIES: readonly string[] = [
  'Labour', 'Tory', 'Tories', 'Conservatives', 'Lib[ \\t]Dems?', 'Liberal[ \\t]Democrats?', 'Green[ \\t]Party', 'Greens?', 'SNP',
  'Plaid(?:[ \\t]Cymru)?', 'Reform(?:[ \\t]UK)?', 'UKIP', 'Brexit[ \\t]Party', 'DUP', 'Sinn[ \\t]F[ée]in',
  'Fianna[ \\t]F[áa]il', 'Fine[ \\t]Gael', 'Democrats', 'Republicans', 'Democrat', 'Republican', 'GOP', 'Libertarians?',
  'NDP', 'Bloc(?:[ \\t]Qu[ée]b[ée]cois)?', 'Liberals', 'One[ \\t]Nation',
];

/** The value of a PIN or of a door, alarm or safe code: four to eight digits, and the key that ends it or not ("1985#"). */
const PIN_VALUE = /^\d{4,8}[#*]?$/u;

/** Labels of the identifiers the tagger was not trained with ({@link findPatternSpans}' labelled-id-more). */
const MORE_ID_LABEL_LIST: readonly string[] = [
  'medicare', 'medicaid', 'health card', 'health insurance', 'social insurance', 'SIN', 'NI', 'national ID', 'national identity',
  'ID card', 'tax ID', 'TIN', 'EIN', 'library card', 'green card', 'claim', 'case', 'hospital', 'medical record', 'MRN',
  'booking', 'reservation', 'confirmation', 'PNR', 'ticket', 'flight reference', 'flight ref', 'registration', 'reg',
  'order', 'tracking', 'customer', 'invoice', 'ref', 'reference', 'cheque',
];

/**
 * Names of national identity and tax numbers that are no English word (the Dutch BSN, the Swedish personnummer, the
 * Brazilian CPF, the Indian Aadhaar and PAN, the Polish PESEL, the Spanish DNI, NIE and NIF, the Italian codice fiscale,
 * the German Steuer-ID, the Swiss AHV).
 */
const NATIONAL_ID_NAMES = '[Pp]ersonnummer|[Aa]adhaar|[Cc]odice[ \\t]+[Ff]iscale|[Ss]teuer-?(?:ID|[Ii]d|[Nn]ummer)|[Ss]teueridentifikationsnummer|BSN|CPF|PAN|PESEL|DNI|NIE|NIF|AHV';
/** Where one of them may be, in the folded text. */
const NATIONAL_ID_GATE = new RegExp(`\\b(?:${asFolded(NATIONAL_ID_NAMES)})\\b`, 'u');

/**
 * A booking's label and its words before a code ("booking reference: ", "confirmation number is ", "PNR "), as
 * contextBefore() gives it (lower case).
 */
const BOOKING_LABEL = /(?:booking|reservation|confirmation|pnr|ref(?:erence)?)(?:\s+(?:number|no\.?|code|ref(?:erence)?))?\s*(?:is|was|:|#)?\s*$/u;

/**
 * Whether a labelled identifier's value is one ({@link identifierValue}), or a code after a booking's label or after
 * "ref"/"reference" (any label's: "claim ref AB12X"): five to ten capitals and digits, one digit at least ("Booking
 * reference: HX7Q2L", "confirmation number is 8KD93J"; not "Booking: CONFIRMED").
 */
function labelledValue(v: string, text: string, start: number): boolean {
  return identifierValue(v, text, start) || (/^(?=[A-Z\d]{5,10}$)[A-Z]*\d/u.test(v) && BOOKING_LABEL.test(contextBefore(text, start, 30))) || slashedNumber(v);
}

/**
 * Whether `v` is digits and slashes that no date can be ("12345/2024", "2023/0456"; not "12/05/2024", "05/2024",
 * "2024/5/12"): a part of five digits or more, or two parts of four.
 */
function slashedNumber(v: string): boolean {
  if (!/^\d+(?:\/\d+)+$/u.test(v)) return false;
  const parts = v.split('/');
  return parts.some((part) => part.length >= 5) || parts.filter((part) => part.length === 4).length >= 2;
}
const MORE_ID_LABELS = MORE_ID_LABEL_LIST.map((label) => label.replace(/^[a-z]/, (c) => `[${c.toUpperCase()}${c}]`).replace(/ /g, '\\s+')).join('|');

/** " dot ", "(dot)", "[dot]" or a full stop with no space around it between the parts of a written-out e-mail address. */
const SPELLED_DOT = '(?:\\s*(?:[([{]\\s*dot\\s*[)\\]}]|\\bdot\\b)\\s*|\\.)';
/** The domain endings a written-out address may have. */
const SPELLED_TLDS = '(?:com|org|net|io|edu|gov|co|uk|de|fr|nl|se|au|ca|info|me)';
/** Its last dot and domain ending, which the folded text holds wherever the pattern can match (part of its gate). */
const SPELLED_DOMAIN_END = new RegExp(`${SPELLED_DOT}${SPELLED_TLDS}\\b`, 'u');
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

/** Words for what an organisation is, after which its initials may follow in brackets ("my IVF clinic (CRGH)"). */
const INITIALLED_KINDS: readonly string[] = [
  'clinic', 'hospital', 'school', 'nursery', 'surgery', 'practice', 'centre', 'center', 'college', 'university', 'academy',
  'charity', 'firm', 'company', 'agency', 'bank', 'trust', 'council',
];

/** Two to six letters in brackets, as the folded text holds initials ("(crgh)"): the gate of kind-initials. */
const INITIALS_GATE = /\(\p{Ll}{2,6}\)/u;

/** The last parts of the domains a link without "http" may have (url-bare). */
const LINK_DOMAINS: readonly string[] = ['com', 'me', 'io', 'co', 'org', 'net', 'ly', 'gg', 'app', 'dev', 'uk', 'de', 'fr', 'tv', 'to', 'be', 'ee', 'link', 'page', 'bio'];

export const UNSEEN_RECOGNIZERS: readonly Recognizer[] = [
  {
    // A password written right after its label, with no "is" or colon ("password sunflower88"), added after the tagger
    // was trained (it does not see it): the value holds a digit and a letter, or is six digits or more ("my password
    // manager", "password reset link" are none).
    type: 'SECRET', name: 'password-bare', confidence: 0.8, group: 1,
    starts: startsWith('passw'),
    pattern: /\b(?:password|passwd)[ \t]+([^\s"'”,;]{5,}[^\s"'”,;.!?)\]])/giu,
    validate: (v) => (/\d/u.test(v) && /\p{L}/u.test(v)) || /^\d{6,}$/u.test(v),
  },
  {
    // Passwords listed after a word for them, each after "is" or a colon ("Passwords I keep forgetting: netflix is
    // Summer2021! and the bank one is hunter22"): a value of six characters or more with a letter and a digit, at most 80
    // characters after "password", "passwords" or "passcode", in its sentence or on its line after a colon. Not a tagger
    // feature.
    type: 'SECRET', name: 'password-listed', confidence: 0.75, group: 1, gate: anyOf('passw', 'passcode'),
    pattern: /\b(?:is|was)[ \t]+([^\s"'”,;]{6,}?)(?=[.!?]*(?:[\s"'”,;]|$))/gu,
    validate: (v, text, start) => /\d/u.test(v) && /\p{L}/u.test(v) && /\bpass(?:words?|codes?)\b[^.!?\n]*$|\bpass(?:words?|codes?)\b[^\n]*:[^\n]*$/iu.test(contextBefore(text, start, 80)),
  },
  {
    // A password after "pass", "pwd" or "pw" and no "is" ("login: user aarav.m2015 / pass Dinosaur7", "wifi pw cherry2021"):
    // five characters or more with a letter and a digit ("pass 2 exams", "pass the M25" are none). Not a tagger feature.
    type: 'SECRET', name: 'pass-bare', confidence: 0.75, group: 1,
    starts: startsWith('pass', 'pwd', 'pw'),
    pattern: /\b(?:pass|pwd|pw)[ \t]*[:=]?[ \t]+([^\s"'”,;]{5,}?)(?=[.!?]*(?:[\s"'”,;]|$))/giu,
    validate: (v) => /\d/u.test(v) && /\p{L}/u.test(v),
  },
  ...UNSEEN_HANDLE_RECOGNIZERS,
  {
    // A flight's number in lower case right after "flight" ("booked on flight ua901", "flight ba283 was delayed"): two
    // letters, or a letter and a digit, and two to four digits with no space between (flight-number reads the capitals;
    // "flight in 10 minutes" is none). Not a tagger feature.
    type: 'ID_NUMBER', name: 'flight-number-lower', confidence: 0.7, group: 1,
    starts: startsWith('flight'),
    pattern: /\bflight[ \t]+(?:(?:number|no\.?|#)[ \t]*:?[ \t]*)?((?:[a-z]{2}|[a-z]\d|\d[a-z])\d{2,4})(?![\p{L}\p{N}])/gu,
  },
  {
    // The party a person voted for or belongs to, a political opinion ("I voted Labour", "voting Green this time", "joined
    // the Lib Dems", "a member of the SNP"): the parties of the UK, Ireland, the US, Canada and Australia that NRP's words do
    // not cover, after a verb of voting or membership. Kept where the tagger found nothing (detect-pii.ts). Not a tagger
    // feature.
    type: 'NRP', name: 'party-vote', confidence: 0.7, group: 1, gate: anyOf('vot', 'member of', 'joined', 'canvass'),
    starts: startsWith('vot', 'member', 'joined', 'canvass'),
    pattern: new RegExp(`\\b(?:[Vv]ot(?:e|ed|es|ing)(?:[ \\t]+for)?|[Mm]ember[ \\t]+of|[Jj]oined|[Cc]anvass(?:ed|ing)?[ \\t]+for)[ \\t]+(?:the[ \\t]+)?(${PARTIES.join('|')})(?![\\p{L}\\p{N}])`, 'gu'),
  },
  {
    // A passport's number said later in its sentence ("My passport expires 04/2027, number 533812764"): "number", "no." or
    // "#" within 40 characters after "passport" in its sentence, then six to nine letters and digits (either case), a digit
    // among them. Not a tagger feature.
    type: 'ID_NUMBER', name: 'passport-later', confidence: 0.8, group: 1, gate: anyOf('passport'),
    pattern: /\bpassport\b[^.!?\n]{0,40}?(?:\bnumber|\bno\.|#)[ \t]*(?:is[ \t]+|:[ \t]*)?((?=[A-Z\d]*\d)[A-Z\d]{6,9})\b/giu,
  },
  {
    // An organisation's initials in brackets right after the word for what it is ("my IVF clinic (CRGH)", "the bank
    // (HSBC)"): two to six capitals. Kept where the tagger found nothing (detect-pii.ts). Not a tagger feature.
    type: 'ORGANIZATION', name: 'kind-initials', confidence: 0.6, group: 1, gate: (folded) => INITIALS_GATE.test(folded),
    pattern: new RegExp(`\\b(?:${INITIALLED_KINDS.map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|')})[ \\t]*\\((\\p{Lu}{2,6})\\)`, 'gu'),
  },
  {
    // A hospital's record number, a booking's PNR or a penalty notice's number right after its label in capitals, with no
    // "number" or colon needed ("MRN 00481923", "PNR X7Q2LK9", "PCN WK12345678"): a digit in it. Not a tagger feature.
    type: 'ID_NUMBER', name: 'record-bare', confidence: 0.8, group: 1, gate: anyOf('mrn', 'pnr', 'pcn'),
    pattern: /\b(?:MRN|PNR|PCN)[ \t]*[:#]?[ \t]*((?=[A-Z\d-]*\d)[A-Z\d][A-Z\d-]{4,18}[A-Z\d])\b/gu,
  },
  {
    // A flight's number right after "flight" ("Flight BA283 to Lisbon", "on flight EZY8671", "flight no. U2 1234"): the
    // airline's code in capitals (two or three letters, or a letter and a digit) and one to four digits. With a date it
    // says where the writer was. Not a tagger feature.
    type: 'ID_NUMBER', name: 'flight-number', confidence: 0.7, group: 1,
    starts: startsWith('flight'),
    pattern: /\b[Ff]light[ \t]+(?:(?:number|no\.?|#)[ \t]*:?[ \t]*)?((?:[A-Z]{2,3}|[A-Z]\d|\d[A-Z])[ \t]?\d{1,4}[A-Z]?)\b/gu,
  },
  {
    // A British sort code after "sort" alone ("acct 41928374, sort 20-45-77"; "sort code" is the labelled identifier's):
    // three pairs of digits. Not a tagger feature.
    type: 'ID_NUMBER', name: 'sort-code-short', confidence: 0.8, group: 1,
    starts: startsWith('sort'),
    pattern: /\bsort[ \t]*[:#]?[ \t]*(\d{2}-\d{2}-\d{2})(?![\d-])/giu,
  },
  {
    // A British car registration in the current format, unlabelled ("book MOT for KX19 FGH"): two letters, two digits,
    // a space or not, three letters, in capitals (no I or Q). Not a tagger feature.
    type: 'ID_NUMBER', name: 'uk-plate', confidence: 0.75,
    pattern: /\b[A-HJ-PR-Y]{2}\d{2}[ ]?[A-HJ-PR-Z]{3}\b/g,
  },
  {
    // A card's security code after its label, with "is" or a colon or not ("cvv 123", "CVC: 0421", "security code is
    // 987"): three or four digits. Not a tagger feature.
    type: 'SECRET', name: 'card-security-code', confidence: 0.85, group: 1,
    starts: startsWith('cvv', 'cvc', 'csc', 'security code'),
    pattern: /\b(?:cvv2?|cvc2?|csc|security[ \t]+code)[ \t]*(?:is[ \t]+|was[ \t]+|[:=#][ \t]*)?(\d{3,4})\b/giu,
  },
  {
    // Short secrets after their label, added after the tagger was trained (it does not see them): a Wi-Fi password,
    // "pw", "pwd", and the digits of a PIN or of a door, alarm or safe code ("Wifi pw: Gr33nTea!2024", "My PIN is
    // 4821", "the alarm code is 7731"). A PIN's or a code's value is four to eight digits ("the pin is loose" is none). A
    // sentence's closing marks are no part of the value ("the door code is 1985#.").
    type: 'SECRET', name: 'labelled-secret-short', confidence: 0.85, group: 2,
    starts: startsWith('pw', 'wi-?fi', 'pin', 'pass[ \\t]?code', '(?:alarm|door|gate|lock|garage|safe|locker|entry)[ \\t]+code'),
    pattern: /\b(?:(pw|pwd|wi-?fi(?:[ \t]+(?:pw|pwd|password|pass|key))|pin(?:[ \t]+(?:number|code))?|pass[ \t]?code|(?:alarm|door|gate|lock|garage|safe|locker|entry)[ \t]+code)[ \t]*(?:is|was|:|=)[ \t]*["'“]?)([^\s"'”,;]{4,}?)(?=[.!?]*(?:[\s"'”,;]|$))/giu,
    validate: (v, text, start) => PIN_VALUE.test(v) || /(?:pw|pwd|wi-?fi[ \t]+\S+)[ \t]*(?:is|was|:|=)[ \t]*["'“]?$/iu.test(contextBefore(text, start, 40)),
  },
  {
    // The digits of a PIN or of a door, alarm, safe or locker code right after its label, with no "is" or colon ("PIN
    // 4821", "locker code 4471", "door code 1985#"): four to eight digits, a key's # or * after them or not; not a year
    // ("the gate code 2019 changed" is one); after "pin" in small letters only before a mark or the end ("my pin 4821.";
    // not "pin 4821 on the map"). Not a tagger feature.
    type: 'SECRET', name: 'pin-bare', confidence: 0.8, group: 1, gate: anyOf('pin', 'code'),
    starts: startsWith('pin', 'pass[ \\t]?code', '(?:alarm|door|gate|lock|garage|safe|locker|entry)[ \\t]+code'),
    pattern: /\b(?:pin(?:[ \t]+(?:number|code))?|pass[ \t]?code|(?:alarm|door|gate|lock|garage|safe|locker|entry)[ \t]+code)[ \t]+(\d{4,8}[#*]?)(?![\p{L}\d])/giu,
    validate: (v, text, start) => !/^(?:19|20)\d\d$/u.test(v)
      && (!/(?:^|[^\p{L}])pin[ \t]+$/u.test(text.slice(Math.max(0, start - 8), start)) || /^[ \t]*(?:[,.;:!?)]|$)/u.test(text.slice(start + v.length, start + v.length + 3))),
  },
  {
    // A cryptocurrency address (a wallet): a Bitcoin segwit address with its bech32 checksum, a legacy one with its
    // base58check checksum, or an Ethereum address (0x and 40 hex digits). Not a tagger feature.
    type: 'CRYPTO', name: 'crypto-address', confidence: 0.95,
    pattern: /\b(?:(?:bc1|tb1|BC1|TB1)[a-zA-HJ-NP-Z0-9]{11,71}|[13][1-9A-HJ-NP-Za-km-z]{25,34}|0x[0-9a-fA-F]{40})\b/g,
    validate: (v) => (/^0x/u.test(v) ? true : /^(?:bc1|tb1)/iu.test(v) ? bech32Valid(v) : base58CheckValid(v, sha256)),
  },
  {
    // An address written out to dodge scrapers ("jane dot doe at gmail dot com", "jane(at)gmail(dot)com"): with
    // a bracketed "at" or "dot", or after a word that announces an address ("her email is ..."); not "look at
    // google dot com".
    type: 'EMAIL', name: 'email-spelled', confidence: 0.9,
    gate: (folded) => (SPELLED_MARKS(folded) || (folded.includes(' at ') && ADDRESS_CUE.test(folded))) && SPELLED_DOMAIN_END.test(folded),
    pattern: new RegExp(`[\\p{L}\\d_%+-]+(?:${SPELLED_DOT}[\\p{L}\\d_%+-]+)*${SPELLED_AT}[\\p{L}\\d-]+(?:${SPELLED_DOT}[\\p{L}\\d-]+)*${SPELLED_DOT}${SPELLED_TLDS}\\b`, 'giu'),
    validate: (v, text, start) => /[([{]\s*(?:at|dot)\s*[)\]}]/i.test(v) || ADDRESS_CUE_BEFORE.test(contextBefore(text, start, 30)),
  },
  {
    // More identifiers after their label and "number", "no", "ID", "is" or a colon, added after the tagger was trained
    // (it does not see them): health and social insurance, national and tax identity numbers, library and green cards,
    // claims and cases ("My Medicare number is 1EG4-TE5-MK73", "SIN: 046 454 286", "Case number 2023/CR/0456"; not "in
    // case 2019 happens"), a car's registration ("reg number: LK68 XYZ"), the same values as above with slashes; and
    // bookings and tickets, whose code may hold a single digit ("Booking reference: HX7Q2L").
    type: 'ID_NUMBER', name: 'labelled-id-more', confidence: 0.85, group: 1,
    starts: startsWith(...MORE_ID_LABEL_LIST.map((label) => label.toLowerCase().replace(/ /g, '\\s+'))),
    pattern: new RegExp(`\\b(?:${MORE_ID_LABELS})(?:\\s+(?:[Nn]umber|[Nn]o\\.?|I[Dd]|id|[Rr]ef(?:erence)?|[Cc]ode)\\s*(?:is|was|:|#)?|\\s*(?:is|was|:|#))\\s*([A-Z\\d][A-Z\\d /-]{2,22}[A-Z\\d])\\b`, 'g'),
    validate: labelledValue,
  },
  {
    // A British driving licence's number after its label ("Driving licence MORGA753116SM9IJ"), like a US driver's
    // licence (patterns.ts's driver-license) four digits in a row at least. Not a tagger feature.
    type: 'ID_NUMBER', name: 'driving-licence', confidence: 0.85, group: 1,
    starts: startsWith('driving'),
    pattern: /\b[Dd]riving[ \t]+[Ll]icen[cs]e(?:[ \t]+(?:[Nn]umber|[Nn]o\.?|#))?[ \t]*(?:is[ \t]+|:[ \t]*|#[ \t]*)?([A-Z\d][A-Z\d -]{4,18}[A-Z\d])\b/gu,
    validate: (v) => /\d{4}/u.test(v.replace(/[ -]/gu, '')),
  },
  {
    // An identifier written in lower case after its label ("My student number is s3849201", "staff ID: e104552"): one
    // small letter and five to twelve digits. Not a tagger feature.
    type: 'ID_NUMBER', name: 'labelled-id-lower', confidence: 0.8, group: 1, gate: (folded) => /[a-z]\d{5}/u.test(folded),
    starts: startsWith('student', 'staff', 'employee', 'member', 'membership', 'customer', 'patient', 'library'),
    pattern: /\b(?:student|staff|employee|member|membership|customer|patient|library[ \t]+card)[ \t]+(?:number|no\.?|id|ID|#)[ \t]*(?:is[ \t]+|:[ \t]*|#[ \t]*)?([a-z]\d{5,12})\b/giu,
  },
  {
    // A reference right after "Ref" or "Reference", with no "number" or colon ("Ref 44821-B", "Reference QX-2291"): a
    // labelled identifier's value or a booking code; not a year ("Ref 2019"). Not a tagger feature.
    type: 'ID_NUMBER', name: 'reference-bare', confidence: 0.8, group: 1,
    starts: startsWith('ref'),
    pattern: /\b(?:[Rr]ef|REF|[Rr]eference)\.?[ \t]+([A-Z\d][A-Z\d/-]{2,22}[A-Z\d])\b/gu,
    validate: (v, text, start) => !/^(?:19|20)\d\d$/u.test(v) && labelledValue(v, text, start),
  },
  {
    // A parcel's tracking number right after "tracking", with no "number" ("Parcel from DPD: tracking 15501234567890",
    // "tracking: 1Z999AA10123456784"): ten to thirty capitals and digits, six digits or more among them ("tracking 10000
    // steps" is none). Not a tagger feature.
    type: 'ID_NUMBER', name: 'tracking-bare', confidence: 0.8, group: 1,
    starts: startsWith('tracking'),
    pattern: /\b[Tt]racking[ \t]*[:#]?[ \t]*([A-Z\d]{10,30})\b/gu,
    validate: (v) => v.replace(/\D/gu, '').length >= 6,
  },
  {
    // A case's number right after "case" ("HSBC fraud team, case 55-01982", "case #20931"): five digits or more, a hyphen
    // among them or not ("in case 2 people", "case 2024" are none). Not a tagger feature.
    type: 'ID_NUMBER', name: 'case-bare', confidence: 0.75, group: 1,
    starts: startsWith('case'),
    pattern: /\b[Cc]ase[ \t]+(?:no\.?[ \t]*|#[ \t]*)?(\d[\d-]{3,14}\d)(?![\d-])/gu,
    validate: (v) => v.replace(/\D/gu, '').length >= 5,
  },
  {
    // A national identity or tax number after its name, which needs no "number", "is" or colon ("BSN 123456782",
    // "Personnummer 19811218-9876", "My CPF is 123.456.789-09", "Aadhaar 2345 6789 0123", "PAN ABCDE1234F"): the
    // value's form as above, dots between its groups allowed, "card" before it too ("Aadhaar card number: …"). The names
    // in capitals only as written so ("pan", "dni").
    // Not a tagger feature.
    type: 'ID_NUMBER', name: 'national-id', confidence: 0.85, group: 1,
    gate: (folded) => NATIONAL_ID_GATE.test(folded),
    pattern: new RegExp(`\\b(?:${NATIONAL_ID_NAMES})(?:[ \\t]+[Cc]ard)?(?:[ \\t]+(?:[Nn]umber|[Nn]o\\.?))?[ \\t]*(?:is[ \\t]+|was[ \\t]+|[:#][ \\t]*)?([A-Z\\d][A-Z\\d ./-]{2,22}[A-Z\\d])\\b`, 'gu'),
    validate: (v) => identifierForm(v.replace(/\./gu, ' '), 4),
  },
  {
    // An account number after an abbreviated label, with no "number" or colon needed ("acc 12345678", "acct no. 0042
    // 1187", "a/c 55779911"): six digits or more.
    type: 'ID_NUMBER', name: 'account-short', confidence: 0.85, group: 1,
    starts: startsWith('acc', 'a\\/c'),
    pattern: /\b(?:acct?|a\/c)\.?(?:[ \t]+(?:no\.?|number|#))?[ \t]*[:#]?[ \t]*(\d[\d -]{4,20}\d)\b/giu,
    validate: (v) => v.replace(/\D/gu, '').length >= 6,
  },
  ...UNSEEN_AGE_RECOGNIZERS,
  {
    // The speaker of a line of a chat log pasted into the journal, after its time ("[14:02] Priya: are you coming?",
    // "21:15 - Arjun: ok"): one or two capitalised words before a colon, each a name of the lexicon or no word it or the
    // English lists know as an ordinary one ("[14:05] Me: yes", "[09:00] Reminder:"). Kept where the tagger found nothing.
    // Not a tagger feature.
    type: 'PERSON', name: 'chat-speaker', confidence: 0.7, group: 1, gate: (folded) => CHAT_TIME.test(folded),
    pattern: /^[ \t]*(?:\[\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp][Mm])?\][ \t]*|\d{1,2}:\d{2}(?:[ \t]*[AaPp][Mm])?[ \t]+[-–][ \t]+)(\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*)?):/gmu,
    validate: (v) => v.split(/[ \t]+/u).every((word) => {
      const lower = word.toLowerCase();
      const known = ruleLexicon().get(lower) ?? '';
      return !ORDINARY_CLASSES.has(known) && (known === 'first' || known === 'last' || !englishWords().has(lower));
    }),
  },
  {
    // A relative's name after the kinship word used as a title ("Aunt Lily", "Grandma Rose", "Cousin Ada"):
    // the name may be an ordinary word the tagger passes over. Kept where the tagger found nothing.
    type: 'PERSON', name: 'kin-name', confidence: 0.7, group: 1,
    starts: startsWith('aunt', 'uncle', 'grand', 'gran', 'nan', 'cousin'),
    pattern: /\b(?:[Aa]unt(?:ie|y)?|[Uu]ncle|[Gg]rand(?:ma|pa|mother|father|dad|da|mama|papa)|[Gg]ran(?:ny)?|[Nn]an(?:n)?a|[Cc]ousin)[ \t]+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\b/gu,
  },
  ...UNSEEN_PLACE_RECOGNIZERS,
  {
    // A link written without "http" or "www", a domain and a path ("paypal.me/ellieroberts92", "linktr.ee/jo_b"): a
    // domain alone ("google.com") names no one. Inside an e-mail address or a link with "http", those win their overlap.
    // Not a tagger feature.
    type: 'URL', name: 'url-bare', confidence: 0.85, gate: anyOf(...LINK_DOMAINS.map((domain) => `.${domain}/`)),
    pattern: new RegExp(`\\b(?:[a-z\\d-]+\\.)+(?:${LINK_DOMAINS.join('|')})\\/[^\\s<>"'()]*[^\\s<>"'().,;:!?]`, 'giu'),
  },
];
