import { gunzipSync } from 'node:zlib';
import { GAZETTEER_DATA, PHRASE_DATA } from './gazetteer-data.js';

/** Coarse gazetteer classes a word can belong to (from compromise's MIT-licensed lexicon). */
export type GazetteerClass = 'first' | 'last' | 'place' | 'org' | 'nrp' | 'honorific' | 'date' | 'actor' | 'word';

let cache: Map<string, GazetteerClass> | undefined;
let phraseCache: Map<string, 'place' | 'org'> | undefined;

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
