import { gunzipSync } from 'node:zlib';
import { TOWN_DATA } from './town-data.js';

/**
 * The world's towns of 50,000 people or more, in lower case (town-data.ts, built by scripts/build-town-list.ts from
 * GeoNames' data), but none that is an English word or that compromise's lexicon knows as a firm, a group or a date, and
 * those it knows as a given name or surname only from 200,000 people ("houston"): for reading a place written in lower
 * case ("back in swansea", "we returned to kiel"), which the lexicon's ~1,100 places do not cover, and a capitalised one
 * the tagger passed over. Decoded once, on first use.
 */
let towns: { names: ReadonlySet<string>; firstWords: ReadonlySet<string> } | undefined;

function decoded(): { names: ReadonlySet<string>; firstWords: ReadonlySet<string> } {
  if (!towns) {
    const names = new Set<string>();
    const firstWords = new Set<string>();
    for (const name of gunzipSync(Buffer.from(TOWN_DATA, 'base64')).toString('utf8').split('\t')) {
      names.add(name);
      const space = name.indexOf(' ');
      if (space !== -1) firstWords.add(name.slice(0, space));
    }
    towns = { names, firstWords };
  }
  return towns;
}

/** The towns' names, lower case ("swansea", "garden grove"). */
export const townNames = (): ReadonlySet<string> => decoded().names;

/** The first words of the towns of more than one word ("garden" of "garden grove"). */
export const townFirstWords = (): ReadonlySet<string> => decoded().firstWords;
