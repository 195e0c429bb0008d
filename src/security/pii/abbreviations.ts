/** Words written with a period that is an abbreviation's, not a sentence's end (all lower-case). */

/** Abbreviated company suffixes ("Smith Ltd."). */
export const COMPANY_ABBREVIATIONS: readonly string[] = ['ltd', 'inc', 'corp', 'co', 'bros', 'plc', 'llc', 'assn', 'intl'];

/** Abbreviated street words: English, the Polish "ul." / "al.", the Hungarian "u.". */
export const STREET_ABBREVIATIONS: readonly string[] = [
  'st', 'str', 'rd', 'ave', 'av', 'blvd', 'dr', 'ln', 'ct', 'pl', 'sq', 'hwy', 'pkwy', 'cres', 'ter', 'terr', 'rte', 'apt',
  'ste', 'ul', 'al', 'u',
];

/** Other short forms: departments, name suffixes, numbers, months and weekdays, ranks and a few common ones. */
export const OTHER_ABBREVIATIONS: readonly string[] = [
  'dept', 'univ', 'jr', 'sr', 'no', 'nr', 'vs', 'etc', 'approx', 'ca', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'mt', 'ft', 'fig', 'vol', 'ed',
  'rev', 'gen', 'gov', 'sen', 'rep', 'col', 'lt', 'sgt', 'capt', 'cmdr',
];

/**
 * Everyday abbreviations written in capitals ("call me back ASAP", "RSVP by Friday", "LOL", "IMO"): never a name,
 * a place or an organisation on their own. Compared as written; "OK" is left out (Oklahoma).
 */
export const CHAT_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'ASAP', 'FYI', 'LOL', 'LMAO', 'LMFAO', 'ROFL', 'OMG', 'BTW', 'IMO', 'IMHO', 'TBH', 'RSVP', 'ETA', 'DIY', 'IDK', 'ICYMI',
  'TLDR', 'AFAIK', 'NGL', 'SMH', 'FAQ', 'AKA', 'TBD', 'TBA', 'BRB', 'TTYL', 'IRL', 'FOMO', 'YOLO', 'WFH', 'EOD', 'PTO',
  'POV', 'WTF', 'WTH', 'FFS', 'JK', 'TIL', 'IIRC', 'FWIW', 'NSFW',
]);

/** A pattern matching text that ends in one of `words` as a whole word, any case. */
export function endsInWord(words: readonly string[]): RegExp {
  return new RegExp(`\\b(?:${words.join('|')})$`, 'i');
}
