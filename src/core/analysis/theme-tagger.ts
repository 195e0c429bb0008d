import { themeLexicon, withParents, type SwitchClues, type TagPattern, type ThemeLexicon } from './theme-lexicon.js';
import { tokenize, type Token } from './theme-tokenizer.js';

/**
 * A token with its part-of-speech tags (compromise's tag names: Noun, Plural, Gerund, ProperNoun, Person, …).
 * Tag sets are shared between terms with the same word: replace a term's set, never change it.
 */
export type TaggedTerm = Token;

const TITLE_CASE = /^\p{Lu}[\p{Ll}'’]/u;
const NOT_PROPER = ['Date', 'Month', 'WeekDay', 'Unit', 'Expression'];
const UNCOUNTABLE = ['Acronym', 'Abbreviation', 'ProperNoun', 'Uncountable', 'Possessive', 'Pronoun', 'Activity', 'Honorific', 'Month'];
const NOT_PLURAL = /(bus|mas|was|ias|xas|vas|cis|lis|nis|ois|ris|sis|tis|xis|aus|cus|eus|fus|gus|ius|lus|nus|das|ous|pus|rus|sus|tus|xus|aos|igos|ados|ogos|'s|ss)$/u;

/** Whether a noun looks plural by its spelling (compromise's rule). */
function looksPlural(word: string): boolean {
  if (word.length <= 3) return false;
  if (/(mice|louse|antennae|formulae|nebulae|vertebrae|vitae|tia|octopi|viri|radii|nuclei|fungi|cacti|stimuli|men|feet)$/u.test(word)) return true;
  return word.endsWith('s') && !NOT_PLURAL.test(word);
}

/** A new set: `tags` plus `more` and their parent tags. */
function plus(tags: ReadonlySet<string>, more: string | readonly string[], lexicon: ThemeLexicon): Set<string> {
  const out = new Set(tags);
  for (const tag of typeof more === 'string' ? [more] : more) {
    out.add(tag);
    for (const parent of lexicon.parents.get(tag) ?? []) out.add(parent);
  }
  return out;
}

/** Tense for a bare verb, singular/plural for a noun without either (compromise's fillTags; parents are always present). */
function fillTags(tags: ReadonlySet<string>, lookup: string, lexicon: ThemeLexicon): ReadonlySet<string> {
  if (tags.size === 1 && tags.has('Verb')) {
    const tense = lexicon.verbTenseGuess.get(lookup.slice(-3)) ?? lexicon.verbTenseGuess.get(lookup.slice(-2)) ?? (lookup.endsWith('s') ? 'PresentTense' : undefined);
    return tense ? plus(tags, tense, lexicon) : tags;
  }
  if (!tags.has('Noun') || tags.has('Plural') || tags.has('Singular') || UNCOUNTABLE.some((t) => tags.has(t))) return tags;
  return plus(tags, looksPlural(lookup) ? 'Plural' : 'Singular', lexicon);
}

function firstMatch(value: string, patterns: readonly TagPattern[]): TagPattern | undefined {
  return patterns.find(([re]) => re.test(value));
}

function bySuffix(word: string, suffixes: ThemeLexicon['suffixes']): string | null {
  for (let n = Math.min(7, word.length - 1); n > 1; n -= 1) {
    const tag = suffixes[n]?.[word.slice(-n)];
    if (tag !== undefined) return tag;
  }
  return null;
}

const EMPTY: ReadonlySet<string> = new Set();

const CLAUSE_END = /[.,;:!?()]/u;

/** Tags of known phrases ("new york", "walk off") by the index of each word they cover, within one sentence;
 * the longest phrase starting at a word wins, and a phrase never crosses punctuation. */
function phraseTags(terms: TaggedTerm[], lexicon: ThemeLexicon): Map<number, ReadonlySet<string>> | undefined {
  let found: Map<number, ReadonlySet<string>> | undefined;
  for (let i = 0; i < terms.length; i += 1) {
    let key = terms[i]!.lookup;
    if (!lexicon.phrasePrefixes.has(key)) continue;
    let best = 0;
    let tags: ReadonlySet<string> | undefined;
    for (let n = 2; i + n <= terms.length; n += 1) {
      const previous = terms[i + n - 2]!;
      if (previous.post !== ' ' && CLAUSE_END.test(previous.post)) break;
      key = `${key} ${terms[i + n - 1]!.lookup}`;
      if (!lexicon.phrasePrefixes.has(key)) break;
      const phrase = lexicon.phrases.get(key);
      if (phrase) {
        best = n;
        tags = phrase;
      }
    }
    if (!tags) continue;
    found ??= new Map();
    for (let k = 0; k < best; k += 1) found.set(i + k, tags);
    if (tags.has('PhrasalVerb')) found.set(i + 1, withParents(['Particle', 'PhrasalVerb'], lexicon.parents));
    i += best - 1;
  }
  return found;
}

/** What a word's spelling alone says: tags from number, date and web patterns (which replace any others), else
 * from its ending when nothing else is known. */
function shapeTags(tags: ReadonlySet<string>, text: string, lookup: string, lexicon: ThemeLexicon): ReadonlySet<string> {
  const empty = tags.size === 0;
  const suffix = empty ? bySuffix(lookup, lexicon.suffixes) : null;
  const found = firstMatch(text, lexicon.regexText) ?? firstMatch(lookup, lexicon.regexNormal)
    ?? (/[0-9]/u.test(lookup) ? firstMatch(lookup, lexicon.regexNumbers) : undefined);
  if (found) return plus(EMPTY, found[1], lexicon);
  if (suffix !== null) return plus(tags, suffix, lexicon);
  const ending = empty ? lexicon.endsWith.get(lookup.slice(-1))?.find(([re]) => re.test(lookup)) : undefined;
  return ending ? plus(EMPTY, ending[1], lexicon) : tags;
}

/** Tags a word has on its own: from the lexicon (or a phrase), capitalisation inside a sentence, and spelling. */
function wordTags(term: TaggedTerm, known: ReadonlySet<string>, lexicon: ThemeLexicon): ReadonlySet<string> {
  let tags = known;
  if (!term.sentenceStart && TITLE_CASE.test(term.text) && !/[0-9]/u.test(term.text) && !NOT_PROPER.some((t) => tags.has(t))
    && !/["']$/u.test(term.pre) && term.normal !== 'the') {
    tags = fillTags(tags, term.lookup, lexicon);
    tags = plus(tags.has('Noun') ? tags : EMPTY, 'ProperNoun', lexicon);
  }
  return fillTags(shapeTags(tags, term.text, term.lookup, lexicon), term.lookup, lexicon);
}

/** wordTags of a single word, kept on its shape (the same written word in the same position gets the same tags). */
function memoWordTags(term: TaggedTerm, lexicon: ThemeLexicon): ReadonlySet<string> {
  const alone = term.shape.alone;
  if (term.pre !== term.shape.pre) return wordTags(term, lexicon.words.get(term.lookup) ?? EMPTY, lexicon);
  if (term.sentenceStart) return (alone.start ??= wordTags(term, lexicon.words.get(term.lookup) ?? EMPTY, lexicon));
  return (alone.mid ??= wordTags(term, lexicon.words.get(term.lookup) ?? EMPTY, lexicon));
}

function neighbourTag(terms: TaggedTerm[], i: number, lexicon: ThemeLexicon): string | null {
  const { leftWords, rightWords, leftTags, rightTags } = lexicon.neighbours;
  const left = terms[i - 1];
  const right = terms[i + 1];
  return (left && leftWords.find(([w]) => w === left.normal)?.[1])
    ?? (right && rightWords.find(([w]) => w === right.normal)?.[1])
    ?? (left && leftTags.find(([t]) => left.tags.has(t))?.[1])
    ?? (right && rightTags.find(([t]) => right.tags.has(t))?.[1])
    ?? null;
}

/** The most specific tag of a term that a clue table mentions (compromise prefers the tag with most parents). */
function clueByTag(term: TaggedTerm | undefined, table: Readonly<Record<string, string>>, lexicon: ThemeLexicon): string | undefined {
  if (!term) return undefined;
  let best: string | undefined;
  let bestDepth = -1;
  for (const tag of term.tags) {
    if (table[tag] === undefined) continue;
    const depth = lexicon.parents.get(tag)?.length ?? 0;
    if (depth > bestDepth) {
      best = tag;
      bestDepth = depth;
    }
  }
  return best === undefined ? undefined : table[best];
}

/** Resolve an ambiguous word ("walk": noun or verb) from the words and tags around it. */
function resolveSwitch(terms: TaggedTerm[], i: number, kind: string, lexicon: ThemeLexicon): void {
  const term = terms[i]!;
  if (term.tags.has('Acronym') || term.tags.has('PhrasalVerb')) return;
  const clues: SwitchClues | undefined = lexicon.clues[kind];
  const before = terms[i - 1]?.normal !== 'also' ? terms[i - 1] : terms[Math.max(0, i - 2)];
  const after = terms[i + 1];
  let tag = clues && ((after && clues.afterWords[after.normal]) || (before && clues.beforeWords[before.normal])
    || clueByTag(before, clues.beforeTags, lexicon) || clueByTag(after, clues.afterTags, lexicon));
  if (term.tags.has('ProperNoun') && /^[A-Z][a-z]/u.test(term.text) && !kind.startsWith('Person')) tag = 'Noun';
  if (kind === 'Adj|Noun' && !after && before?.tags.has('Determiner')) tag = 'Noun';
  if (!tag) return;
  const keep = term.tags.has('ProperNoun') ? ['ProperNoun'] : [];
  term.tags = fillTags(withParents([tag, ...keep], lexicon.parents), term.lookup, lexicon);
}

/**
 * Tag one sentence's terms: phrases and words from the lexicon with capitalisation, endings and number shapes,
 * then neighbour guesses and a noun fallback for unknown words, then ambiguous words resolved by their neighbours.
 */
function tagSentence(terms: TaggedTerm[], lexicon: ThemeLexicon): void {
  const phrases = phraseTags(terms, lexicon);
  const switches: (string | undefined)[] = [];
  for (let i = 0; i < terms.length; i += 1) {
    const term = terms[i]!;
    const phrase = phrases?.get(i);
    term.tags = phrase ? wordTags(term, phrase, lexicon) : memoWordTags(term, lexicon);
    switches.push(phrase ? undefined : lexicon.switches.get(term.lookup));
  }
  for (let i = 0; i < terms.length; i += 1) {
    const term = terms[i]!;
    if (term.tags.size > 0) continue;
    term.tags = fillTags(plus(EMPTY, neighbourTag(terms, i, lexicon) ?? 'Noun', lexicon), term.lookup, lexicon);
  }
  for (let i = 0; i < terms.length; i += 1) {
    const kind = switches[i];
    if (kind) resolveSwitch(terms, i, kind, lexicon);
  }
}

/**
 * Split a text into words and tag each with compromise-compatible part-of-speech tags from the precomputed
 * lexicon and guess rules, without loading compromise.
 */
export function tagText(text: string): TaggedTerm[] {
  const lexicon = themeLexicon();
  const terms: TaggedTerm[] = tokenize(text);
  let start = 0;
  for (let i = 1; i <= terms.length; i += 1) {
    if (i === terms.length || terms[i]!.sentenceStart) {
      tagSentence(terms.slice(start, i), lexicon);
      start = i;
    }
  }
  return terms;
}
