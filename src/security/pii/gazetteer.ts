import nlp from 'compromise';

/** Coarse gazetteer classes a word can belong to (from compromise's MIT-licensed lexicon). */
export type GazetteerClass = 'first' | 'last' | 'place' | 'org' | 'nrp' | 'honorific' | 'date' | 'word';

let cache: Map<string, GazetteerClass> | undefined;

function classOf(tags: string): GazetteerClass | undefined {
  if (/FemaleName|MaleName|FirstName/.test(tags)) return 'first';
  if (/LastName/.test(tags)) return 'last';
  if (/City|Country|Region|Place/.test(tags)) return 'place';
  if (/Organization|SportsTeam/.test(tags)) return 'org';
  if (/Demonym|Religion/.test(tags)) return 'nrp';
  if (/Honorific/.test(tags)) return 'honorific';
  if (/Month|WeekDay|Date|Duration/.test(tags)) return 'date';
  return undefined;
}

/**
 * Lower-cased single words → gazetteer class, built once from compromise's lexicon; words the lexicon
 * knows under another tag (verbs, adjectives, ...) are 'word'.
 */
export function gazetteer(): Map<string, GazetteerClass> {
  if (cache) return cache;
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const map = new Map<string, GazetteerClass>();
  for (const [key, value] of Object.entries(lexicon)) {
    if (key.includes(' ')) continue;
    const tags = Array.isArray(value) ? value.join(',') : value;
    map.set(key, classOf(tags) ?? 'word');
  }
  cache = map;
  return map;
}
