import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let valences: ReadonlyMap<string, number> | null = null;

/**
 * VADER's lexicon (words and emoticons, lower-case) with each entry's mean valence, read once from the
 * `vader-sentiment` package's own lexicon file.
 */
export function vaderLexicon(): ReadonlyMap<string, number> {
  if (valences === null) {
    const root = dirname(createRequire(import.meta.url).resolve('vader-sentiment/package.json'));
    const map = new Map<string, number>();
    for (const line of readFileSync(join(root, 'vader_lexicon.txt'), 'utf8').split('\n')) {
      const [word = '', valence = ''] = line.split('\t');
      if (word.length > 0 && valence.length > 0) map.set(word, Number(valence));
    }
    valences = map;
  }
  return valences;
}
