import { gunzipSync } from 'node:zlib';
import { EXTRA_DATA, GAZETTEER_DATA, PHRASE_DATA } from './gazetteer-data.js';

/** Coarse gazetteer classes a word can belong to (from compromise's MIT-licensed lexicon). */
export type GazetteerClass = 'first' | 'last' | 'place' | 'org' | 'nrp' | 'honorific' | 'date' | 'actor' | 'word';

/**
 * Classes of ordinary words ("yesterday", "comedy", "home") and of job and role nouns ("teacher"): never a name,
 * place or organisation on their own.
 */
export const ORDINARY_CLASSES: ReadonlySet<string> = new Set<GazetteerClass>(['word', 'date', 'actor']);

/**
 * Names of the calendar, never a name, place or organisation: months and weekdays (compromise's lexicon, which
 * the gazetteer comes from, knows "march" only as a verb, so "in March" was read as a place) and holidays, read as
 * people by the tagger ("Christmas" and "Christmas Eve" were the commonest lone PERSON in the WNUT-17 tweets and
 * GoEmotions comments of pii-equivalence.ts). Keyed like knownPhrases (phraseKey), apostrophes dropped.
 */
export const CALENDAR: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'christmas', 'christmas eve', 'christmas day', 'xmas', 'new years', 'new years eve', 'new years day', 'easter',
  'easter sunday', 'easter monday', 'good friday', 'thanksgiving', 'halloween', 'hanukkah', 'chanukah', 'passover',
  'ramadan', 'eid', 'diwali', 'valentines day', 'mothers day', 'fathers day', 'memorial day', 'labor day', 'labour day',
  'independence day', 'boxing day', 'st patricks day', 'yom kippur', 'rosh hashanah', 'lunar new year',
  'chinese new year', 'veterans day', 'presidents day', 'canada day', 'bastille day',
]);

/** A month's abbreviation, as a date may follow a venue or stand where a street's words would ("Sep", "SEPT"). */
export const MONTH_ABBREVIATION = /^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/iu;

let cache: Map<string, GazetteerClass> | undefined;
let phraseCache: Map<string, 'place' | 'org'> | undefined;
let ruleCache: Map<string, GazetteerClass> | undefined;

/** The "class TAB entry TAB entry..." lines of a packed table (gazetteer-data.ts), entry by entry. */
function* unpack(data: string): Generator<[string, string]> {
  for (const line of gunzipSync(Buffer.from(data, 'base64')).toString('utf8').split('\n')) {
    const [cls, ...entries] = line.split('\t');
    for (const entry of entries) yield [cls!, entry];
  }
}

/**
 * Lower-cased single words → gazetteer class, decoded once from gazetteer-data.ts; 'actor' holds the nouns
 * compromise tags as people by what they are or do ("teacher", "therapist", "aunt"), and words the lexicon
 * knows under another tag (verbs, adjectives, ...) are 'word'.
 */
export function gazetteer(): Map<string, GazetteerClass> {
  if (cache) return cache;
  const map = new Map<string, GazetteerClass>();
  for (const [cls, word] of unpack(GAZETTEER_DATA)) map.set(word, cls as GazetteerClass);
  cache = map;
  return map;
}

/**
 * Lower-cased names of more than one word (words joined by one space) → 'place' (cities, countries, regions,
 * landmarks: "san francisco", "czech republic", "beverly hills") or 'org' (companies, bands, newspapers,
 * sports teams: "goldman sachs", "new york times", "boston red sox"), from compromise's lexicon.
 */
export function knownPhrases(): Map<string, 'place' | 'org'> {
  if (phraseCache) return phraseCache;
  const map = new Map<string, 'place' | 'org'>();
  for (const [cls, phrase] of unpack(PHRASE_DATA)) map.set(phrase, cls as 'place' | 'org');
  phraseCache = map;
  return map;
}

/**
 * The gazetteer as the rules after the tagger read it: {@link gazetteer} with the words of EXTRA_DATA, which the
 * tagger's features leave out (scripts/train-pii-gazetteer.ts): the names compromise tags only as people
 * ("diego", "austin", "jordan"; ordinary words in the tagger's table) as given names, and everyday companies it
 * lacks ("spotify", "deloitte") as organisations.
 */
export function ruleLexicon(): Map<string, GazetteerClass> {
  if (ruleCache) return ruleCache;
  const map = new Map(gazetteer());
  for (const [cls, word] of unpack(EXTRA_DATA)) map.set(word, cls === 'person' ? 'first' : (cls as GazetteerClass));
  ruleCache = map;
  return map;
}
