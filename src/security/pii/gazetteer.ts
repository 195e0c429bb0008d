import { gunzipSync } from 'node:zlib';
import { GAZETTEER_DATA } from './gazetteer-data.js';

/** Coarse gazetteer classes a word can belong to (from compromise's MIT-licensed lexicon). */
export type GazetteerClass = 'first' | 'last' | 'place' | 'org' | 'nrp' | 'honorific' | 'date' | 'actor' | 'word';

let cache: Map<string, GazetteerClass> | undefined;

/**
 * Lower-cased single words → gazetteer class, decoded once from gazetteer-data.ts; 'actor' holds the nouns
 * compromise tags as people by what they are or do ("teacher", "therapist", "aunt"), and words the lexicon
 * knows under another tag (verbs, adjectives, ...) are 'word'.
 */
export function gazetteer(): Map<string, GazetteerClass> {
  if (cache) return cache;
  const map = new Map<string, GazetteerClass>();
  for (const line of gunzipSync(Buffer.from(GAZETTEER_DATA, 'base64')).toString('utf8').split('\n')) {
    const [cls, ...words] = line.split('\t');
    for (const w of words) map.set(w, cls as GazetteerClass);
  }
  cache = map;
  return map;
}
