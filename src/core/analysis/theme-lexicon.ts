import { gunzipSync } from 'node:zlib';
import { THEME_LEXICON_DATA } from './theme-lexicon-data.js';

/** A tag set shared by every word that has it; never mutated (copy before adding tags). */
export type TagSet = ReadonlySet<string>;

/** A pattern that tags a whole word: the expression and the tag or tags it gives. */
export type TagPattern = readonly [RegExp, string | readonly string[]];

/** Neighbour clues for one kind of ambiguous word: which tag a word or tag before or after it points to. */
export interface SwitchClues {
  readonly beforeTags: Readonly<Record<string, string>>;
  readonly afterTags: Readonly<Record<string, string>>;
  readonly beforeWords: Readonly<Record<string, string>>;
  readonly afterWords: Readonly<Record<string, string>>;
}

/** Everything the theme tagger knows about English words, decoded from the generated data module. */
export interface ThemeLexicon {
  /** Tags of a known word (with all parent tags), by its normal form. */
  readonly words: ReadonlyMap<string, TagSet>;
  /** Tags of known phrases of two or more words, by their normal form joined with spaces. */
  readonly phrases: ReadonlyMap<string, TagSet>;
  /** Every leading run of words of a known phrase ("new", "new york"), so a phrase is matched word by word. */
  readonly phrasePrefixes: ReadonlySet<string>;
  /** First and last parts that keep a hyphenated word whole ("co-worker", "hard-won" stays split). */
  readonly hyphenPrefixes: ReadonlySet<string>;
  readonly hyphenSuffixes: ReadonlySet<string>;
  /** Each tag's parent tags ("Plural" → Noun). */
  readonly parents: ReadonlyMap<string, readonly string[]>;
  /** Words that are ambiguous between two kinds ("walk": Noun|Verb), with the kind. */
  readonly switches: ReadonlyMap<string, string>;
  /** Clues that decide an ambiguous word's tag, by kind. */
  readonly clues: Readonly<Record<string, SwitchClues>>;
  /** Tag of an unknown word by its ending, by ending length (index 2..7). */
  readonly suffixes: readonly Readonly<Record<string, string>>[];
  /** Tag of an unknown word from the word or tag just before or after it. */
  readonly neighbours: Readonly<Record<'leftTags' | 'leftWords' | 'rightTags' | 'rightWords', readonly (readonly [string, string])[]>>;
  /** Patterns on the written text, on the normal form, and on numbers. */
  readonly regexText: readonly TagPattern[];
  readonly regexNormal: readonly TagPattern[];
  readonly regexNumbers: readonly TagPattern[];
  /** Patterns on an unknown word, by its last letter ("pretty": /.[st]ty$/ → Adjective). */
  readonly endsWith: ReadonlyMap<string, readonly TagPattern[]>;
  /** Whole words that stand for several ("gonna" → going to, "tbh" → to be honest). */
  readonly contractions: ReadonlyMap<string, readonly string[]>;
  /** Tense of a bare verb by its ending ("ed" → PastTense). */
  readonly verbTenseGuess: ReadonlyMap<string, string>;
}

interface RawLexicon {
  lexicon: Record<string, string>;
  multi: Record<string, string>;
  parents: Record<string, string[]>;
  hyphenPrefixes: string[];
  hyphenSuffixes: string[];
  switches: Record<string, string>;
  clues: Record<string, SwitchClues>;
  suffixes: Record<string, string>[];
  neighbours: ThemeLexicon['neighbours'];
  regexText: [string, string, string | string[]][];
  regexNormal: [string, string, string | string[]][];
  regexNumbers: [string, string, string | string[]][];
  endsWith: Record<string, [string, string, string | string[]][]>;
  contractions: Record<string, string[]>;
  verbTenseGuess: Record<string, string>;
}

let cached: ThemeLexicon | undefined;

/** Tags plus all their parents, in a new set. */
export function withParents(tags: Iterable<string>, parents: ReadonlyMap<string, readonly string[]>): Set<string> {
  const out = new Set<string>();
  for (const tag of tags) {
    out.add(tag);
    for (const parent of parents.get(tag) ?? []) out.add(parent);
  }
  return out;
}

function decode(): ThemeLexicon {
  const raw = JSON.parse(gunzipSync(Buffer.from(THEME_LEXICON_DATA, 'base64')).toString('utf8')) as RawLexicon;
  const parents = new Map(Object.entries(raw.parents));
  const group = (byTags: Record<string, string>) => {
    const out = new Map<string, TagSet>();
    for (const [tags, words] of Object.entries(byTags)) {
      const set = withParents(tags.split(','), parents);
      for (const word of words.split('\t')) out.set(word, set);
    }
    return out;
  };
  const phrases = group(raw.multi);
  const phrasePrefixes = new Set<string>();
  for (const phrase of phrases.keys()) {
    const words = phrase.split(' ');
    for (let n = 1; n <= words.length; n += 1) phrasePrefixes.add(words.slice(0, n).join(' '));
  }
  const patterns = (list: RawLexicon['regexText']): TagPattern[] => list.map(([source, flags, tag]) => [new RegExp(source, flags), tag]);
  return {
    words: group(raw.lexicon),
    phrases,
    phrasePrefixes,
    parents,
    hyphenPrefixes: new Set(raw.hyphenPrefixes),
    hyphenSuffixes: new Set(raw.hyphenSuffixes),
    switches: new Map(Object.entries(raw.switches)),
    clues: raw.clues,
    suffixes: raw.suffixes,
    neighbours: raw.neighbours,
    regexText: patterns(raw.regexText),
    regexNormal: patterns(raw.regexNormal),
    regexNumbers: patterns(raw.regexNumbers),
    endsWith: new Map(Object.entries(raw.endsWith).map(([end, list]) => [end, patterns(list)])),
    contractions: new Map(Object.entries(raw.contractions)),
    verbTenseGuess: new Map(Object.entries(raw.verbTenseGuess)),
  };
}

/** The theme lexicon, decoded on first use (a few milliseconds) and kept for the process. */
export function themeLexicon(): ThemeLexicon {
  cached ??= decode();
  return cached;
}
