import { gunzipSync } from 'node:zlib';
import { GAZETTEER_DATA } from './gazetteer-data.js';
import { PLACES_DATA } from './gazetteer-places-data.js';

/**
 * Coarse gazetteer classes a word can belong to: from compromise's MIT-licensed lexicon ('first' to
 * 'word'), or from GeoNames place names (CC BY 4.0) for words that lexicon and common English lack:
 * 'city' (a place whose whole name is the word) and 'city-part' (a word of a longer place name).
 */
export type GazetteerClass = 'first' | 'last' | 'place' | 'org' | 'nrp' | 'honorific' | 'date' | 'word' | 'city' | 'city-part';

let cache: Map<string, GazetteerClass> | undefined;

function addWords(map: Map<string, GazetteerClass>, data: string, keep: boolean): void {
  for (const line of gunzipSync(Buffer.from(data, 'base64')).toString('utf8').split('\n')) {
    const [cls, ...words] = line.split('\t');
    for (const w of words) if (!keep || !map.has(w)) map.set(w, cls as GazetteerClass);
  }
}

/**
 * Lower-cased single words → gazetteer class, decoded once from gazetteer-data.ts and
 * gazetteer-places-data.ts; words the lexicon knows under another tag (verbs, adjectives, ...) are 'word',
 * and a place word never replaces a class the lexicon gives.
 */
export function gazetteer(): Map<string, GazetteerClass> {
  if (cache) return cache;
  const map = new Map<string, GazetteerClass>();
  addWords(map, GAZETTEER_DATA, false);
  addWords(map, PLACES_DATA, true);
  cache = map;
  return map;
}
