import { CALENDAR, gazetteer } from './gazetteer.js';
import { anyOf, asFolded, startsWith, STREET_WORDS, type Recognizer } from './pattern-kit.js';

/**
 * The recognisers of addresses and places added after the tagger was trained (unseen-patterns.ts lists them among its
 * own, in this order): postcodes, streets written in lower case or named the Polish, German, Dutch or Romance way, and
 * airports. Each keeps its hits as a fallback where the tagger found nothing, or reads its street whole (detect-pii.ts).
 */

/** Words that are no street's name between a number and a street word ("5 miles down the road", "3 of us on the way"). */
const NOT_STREET_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'my', 'your', 'our', 'his', 'her', 'their', 'us', 'them', 'me',
  'down', 'up', 'across', 'along', 'over', 'by', 'way', 'miles', 'mile', 'km', 'kilometres', 'kilometers', 'blocks', 'block',
  'minutes', 'mins', 'hours', 'days', 'weeks', 'times', 'people', 'cars', 'more', 'other', 'different',
]);

/**
 * Words before a street word in lower case that make it an idiom or a kind of road, not a street's name ("memory lane",
 * "dirt road", "fast lane", "high street", "main road").
 */
const NOT_STREET_NAMES: ReadonlySet<string> = new Set([
  'memory', 'fast', 'slow', 'middle', 'inside', 'outside', 'bus', 'cycle', 'bike', 'dirt', 'gravel', 'country', 'easy', 'side', 'back',
  'slip', 'ring', 'toll', 'private', 'long', 'open', 'wrong', 'same', 'high', 'main', 'busy', 'quiet', 'dark', 'narrow', 'wide',
  'windy', 'icy', 'wet', 'dual', 'one', 'two', 'way', 'old', 'new', 'next', 'last', 'little', 'big', 'short', 'straight', 'steep',
  'muddy', 'access', 'service', 'carriage', 'shopping', 'residential', 'this', 'that', 'every', 'each', 'another', 'our', 'their',
  'near', 'past', 'towards', 'toward', 'onto', 'into', 'via', 'round', 'around', 'behind', 'beside', 'opposite', 'through', 'till', 'until',
]);

/** The street kinds the patterns for streets with a lower-case kind end in, as the folded text holds them (their gate). */
const STREET_KIND_ENDS: readonly string[] = [' street', ' road', ' lane', ' avenue', ' terrace'];

/** The particles of a Romance street's name ("des" of "rue des Lilas", "de la" of "quai de la Loire"). */
const ROMANCE_PARTICLE = "(?:de|del|della|delle|dei|di|da|do|dos|das|la|le|les|des|du|d['’])";
/** One to three capitalised words of a Romance street's name. */
const ROMANCE_WORDS = "\\p{Lu}[\\p{L}'’-]*(?:[ \\t]+\\p{Lu}[\\p{L}'’-]*){0,2}";
/** A Romance street's particles, if any, and its name's words ("des Lilas", "de la Loire", "Roma"). */
const ROMANCE_NAME = `(?:[ \\t]+${ROMANCE_PARTICLE})*[ \\t]+${ROMANCE_WORDS}`;
/**
 * The kinds of a street after its house number ("5 rue des Lilas", "12 avenue Foch", "8 Via Garibaldi"), in the case
 * they may have: those that are also English street words only in lower case ("12 Avenue Road" is the tagger's).
 */
const NUMBERED_KINDS = '[Rr]ue|[Cc]hemin|[Aa]llée|[Ii]mpasse|[Qq]uai|[Cc]alle|Via|[Vv]iale|[Aa]venida|[Rr]ua|[Cc]arrer|[Pp]iazza|[Pp]laza|[Pp]aseo|avenue|boulevard|bd|cours';
/** Kinds that are also English words, taken after a house number only with a particle ("5 place des Vosges"; not "sent 2 via DHL"). */
const NUMBERED_KINDS_WITH_PARTICLE = 'place|via';
/** Where such a street may be: a digit, a space and one of the kinds, in the folded text. */
const NUMBERED_ROMANCE_GATE = new RegExp(`\\d(?:[ \\t]+(?:bis|ter))?,?[ \\t]+(?:${asFolded(`${NUMBERED_KINDS}|${NUMBERED_KINDS_WITH_PARTICLE}`)})\\b`, 'u');

/** The kinds of street joined to their name in German, Dutch and Scandinavian ("Oranienstraße", "Keizersgracht"). */
const JOINED_STREET_KINDS: readonly string[] = [
  'straße', 'strasse', 'str.', 'weg', 'gasse', 'platz', 'allee', 'damm', 'ufer', 'gracht', 'laan', 'straat', 'plein', 'kade',
  'vej', 'gade', 'gatan', 'vägen', 'veien', 'gata',
];

/** {@link JOINED_STREET_KINDS} as a pattern's alternatives. */
const JOINED_KIND = `(?:${JOINED_STREET_KINDS.map((kind) => kind.replace('.', '\\.')).join('|')})`;
/** A kind of joined street, spaces and a digit: the folded text holds one wherever street-joined can match. */
const JOINED_STREET_GATE = new RegExp(`${JOINED_KIND}[ \\t]+\\d`, 'u');
/** The codes of the world's busiest airports (IATA), which a diary writes in capitals ("Landed at JFK"). */
const AIRPORT_CODES: readonly string[] = [
  'ATL', 'PEK', 'PKX', 'DXB', 'LAX', 'ORD', 'LHR', 'HND', 'NRT', 'CDG', 'DFW', 'IST', 'AMS', 'FRA', 'CAN', 'JFK', 'EWR', 'LGA', 'SIN',
  'DEN', 'ICN', 'BKK', 'SFO', 'CGK', 'PVG', 'KUL', 'MAD', 'SEA', 'LAS', 'MIA', 'MUC', 'SYD', 'MEL', 'YYZ', 'YVR', 'YUL', 'BCN',
  'LGW', 'STN', 'LTN', 'MAN', 'EDI', 'GLA', 'BHX', 'BRS', 'FCO', 'MXP', 'DUB', 'ZRH', 'GVA', 'CPH', 'OSL', 'ARN', 'HEL', 'VIE',
  'BRU', 'LIS', 'ATH', 'BOS', 'IAD', 'DCA', 'MCO', 'PHX', 'IAH', 'MSP', 'DTW', 'PHL', 'CLT', 'SAN', 'DOH', 'AUH', 'HKG', 'DEL',
  'BOM', 'BLR', 'GRU', 'MEX', 'JNB', 'CPT', 'NBO', 'LOS', 'CAI', 'AKL',
];
/**
 * The names of airports a diary writes without "Airport" ("Flew from Heathrow"), less those that are people's names too
 * ("Logan", "Pearson", "O'Hare", "Dulles": "talked to Logan").
 */
const AIRPORT_NAMES: readonly string[] = [
  'Heathrow', 'Gatwick', 'Stansted', 'Schiphol', 'Changi', 'Narita', 'Haneda', 'LaGuardia', 'Orly', 'Fiumicino', 'Malpensa',
  'Arlanda', 'Kastrup', 'Barajas',
];

export const UNSEEN_PLACE_RECOGNIZERS: readonly Recognizer[] = [
  {
    // A British postcode ("SW1A 1AA", "CB2 1TN"), in capitals: the outward code's area letters and district,
    // the inward code's digit and two letters.
    type: 'ZIP_CODE', name: 'uk-postcode', confidence: 0.85,
    pattern: /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b/g,
  },
  {
    // A Canadian postal code ("M5R 2G3", "K1A 0B1"), in capitals: letter, digit, letter, a space or not, digit, letter,
    // digit, with the letters Canada Post uses (no D, F, I, O, Q or U; no W or Z first). Treated as the British one
    // (detect-pii.ts): "Toronto ON M5R 2G3" had been masked as "[STREET_ADDRESS]3".
    type: 'ZIP_CODE', name: 'ca-postcode', confidence: 0.85,
    pattern: /\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b/g,
  },
  {
    // A Polish street after its abbreviated kind, with its house number ("ul. Długa 15/3", "al. Jerozolimskie 44", "os.
    // Tysiąclecia 12"): the kind, one to three capitalised words, the number and a flat's number after a slash or not, and
    // the postcode and town after it or not ("ul. Długa 15/3, 00-238 Warszawa"). Read whole, as the other named streets
    // here are (detect-pii.ts). Not a tagger feature.
    type: 'STREET_ADDRESS', name: 'street-polish', confidence: 0.8,
    starts: startsWith('ul\\.', 'al\\.', 'pl\\.', 'os\\.'),
    pattern: /\b(?:ul|al|pl|os)\.[ \t]*\p{Lu}[\p{L}-]*(?:[ \t]+\p{Lu}[\p{L}-]*){0,2}[ \t]+\d{1,4}[a-zA-Z]?(?:\/\d{1,4}[a-zA-Z]?)?\b(?:,?[ \t]+\d{2}-\d{3}[ \t]+\p{Lu}[\p{L}-]*(?:[ \t]+\p{Lu}[\p{L}-]*)?)?/gu,
  },
  {
    // A street address written in lower case after "at", "on", "to", "into", "in", "from" or "address" ("i live at 42 maple
    // street apt 3", "moved into 1420 w maple ave apt 2, chicago il 60622"): a house number, one to three lower-case words
    // and a street word, or an ordinal and a street or road ("on 5th ave"; not "in 2nd place"), a unit or not, a town, a
    // state's two letters and a ZIP code or not; no word a function word or a unit of measure ("ran 5 miles down the
    // road", "at 3 in the afternoon"). Not a tagger feature.
    type: 'STREET_ADDRESS', name: 'street-lower', confidence: 0.75, group: 1,
    starts: startsWith('at', 'on', 'to', 'into', 'in', 'from', 'address'),
    pattern: new RegExp(`\\b(?:at|on|to|into|in|from|address(?: is|:)?)[ \\t]+((?:\\d{1,3}(?:st|nd|rd|th)[ \\t]+(?:street|st|avenue|ave|road|rd)|\\d{1,5}[a-z]?[ \\t]+(?:[a-z]+[ \\t]+){1,3}(?:${STREET_WORDS.map((w) => w.toLowerCase()).join('|')}))\\b\\.?(?:,?[ \\t]+(?:apt|apartment|suite|ste|unit|flat)\\.?[ \\t]*#?[ \\t]*\\d{1,5}[a-z]?\\b)?(?:,?[ \\t]+[a-z]+(?:[ \\t]+[a-z]+)?,?[ \\t]+[a-z]{2},?[ \\t]+\\d{5}(?:-\\d{4})?\\b)?)`, 'g'),
    validate: (v) => v.split(/[ \t]+/u).slice(1, -1).every((w) => !NOT_STREET_WORDS.has(w)),
  },
  {
    // A street written in lower case with no house number, after "on", "along", "off", "down" or "up" ("her flat on brick
    // lane", "walked down kingsland road"): one or two lower-case words and "street", "road", "lane", "avenue" or
    // "terrace"; no word a function word, an idiom's or a kind of road ("down memory lane", "on the road", "on a dirt
    // road", "in the fast lane", "on the high street"). Kept where the tagger found nothing. Not a tagger feature.
    type: 'STREET_ADDRESS', name: 'street-lower-named', confidence: 0.65, group: 1, gate: anyOf(...STREET_KIND_ENDS),
    starts: startsWith('on', 'along', 'off', 'down', 'up'),
    pattern: /\b(?:on|along|off|down|up)[ \t]+((?:[a-z]{3,}[ \t]+){1,2}(?:street|road|lane|avenue|terrace))\b/g,
    validate: (v) => v.split(/[ \t]+/u).slice(0, -1).every((w) => !NOT_STREET_WORDS.has(w) && !NOT_STREET_NAMES.has(w) && !/(?:ing|ed|ly|y)$/u.test(w)),
  },
  {
    // A street named with capitals and its kind in lower case, after a word that places it ("near Stryiska street", "on
    // Baker street"): one or two capitalised words, no day or month, and "street", "road", "lane" or "avenue". Kept where
    // the tagger found nothing. Not a tagger feature.
    type: 'STREET_ADDRESS', name: 'street-kind-lower', confidence: 0.65, group: 1, gate: anyOf(...STREET_KIND_ENDS),
    starts: startsWith('on', 'in', 'along', 'off', 'down', 'up', 'near', 'at', 'to', 'from'),
    pattern: /\b(?:on|in|along|off|down|up|near|at|to|from)[ \t]+(\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*)?[ \t]+(?:street|road|lane|avenue))\b/gu,
    validate: (v) => v.split(/[ \t]+/u).slice(0, -1).every((w) => !NOT_STREET_NAMES.has(w.toLowerCase()) && !NOT_STREET_WORDS.has(w.toLowerCase()) && gazetteer().get(w.toLowerCase()) !== 'date' && !CALENDAR.has(w.toLowerCase())),
  },
  {
    // An airport after a word of travel ("Landed at JFK", "Flying out of LHR", "near Gatwick", "via Schiphol"): one of the
    // busiest airports' codes, in capitals, or names. Kept where the tagger found nothing. Not a tagger feature.
    type: 'LOCATION', name: 'airport', confidence: 0.7, group: 1,
    starts: startsWith('at', 'from', 'to', 'into', 'via', 'out', 'near', 'through', 'in'),
    pattern: new RegExp(`\\b(?:at|from|to|into|via|out[ \\t]+of|near|through|in)[ \\t]+(${AIRPORT_CODES.join('|')}|${AIRPORT_NAMES.join('|')})\\b`, 'gu'),
  },
  {
    // A street named the German or Dutch way, its kind joined to its name and the house number after it
    // ("Oranienstraße 45", "Keizersgracht 12", "Herengracht 101A"). Not a tagger feature.
    type: 'STREET_ADDRESS', name: 'street-joined', confidence: 0.8, gate: (folded) => JOINED_STREET_GATE.test(folded),
    pattern: new RegExp(`\\b\\p{Lu}\\p{L}*${JOINED_KIND}[ \\t]+\\d{1,4}[a-zA-Z]?\\b`, 'gu'),
  },
  {
    // A street named the Romance way, its kind first ("Calle de Alcalá 42", "C/ Mayor 12", "Rue des Lilas", "Via Roma 12",
    // "Rua Augusta 120"): the kind, particles, one to three capitalised words, a house number or not. Not a tagger feature.
    type: 'STREET_ADDRESS', name: 'street-romance', confidence: 0.75,
    starts: startsWith('rue', 'calle', 'c\\/', 'via', 'viale', 'avenida', 'rua', 'carrer', 'piazza', 'praça', 'plaza', 'largo', 'travessa', 'paseo'),
    pattern: new RegExp(`\\b(?:Rue|Calle|C\\/|Via|Viale|Avenida|Rua|Carrer|Piazza|Praça|Plaza|Largo|Travessa|Paseo)${ROMANCE_NAME}(?:,?[ \\t]+\\d{1,4}[a-zA-Z]?\\b)?`, 'gu'),
  },
  {
    // A street named the French, Italian or Spanish way with its house number first and its kind in lower case ("5 rue
    // des Lilas", "12 avenue Foch", "3 bis quai de la Loire", "8 via Garibaldi"): the number, the kind, particles, one to
    // three capitalised words. Not a tagger feature.
    type: 'STREET_ADDRESS', name: 'street-romance-numbered', confidence: 0.75, gate: (folded) => NUMBERED_ROMANCE_GATE.test(folded),
    pattern: new RegExp(`\\b\\d{1,4}[a-z]?(?:[ \\t]+(?:bis|ter))?,?[ \\t]+(?:(?:${NUMBERED_KINDS})${ROMANCE_NAME}|(?:${NUMBERED_KINDS_WITH_PARTICLE})(?:[ \\t]+${ROMANCE_PARTICLE})+[ \\t]+${ROMANCE_WORDS})`, 'gu'),
  },
];
