import { themeLexicon, withParents, type SwitchClues, type TagPattern, type ThemeLexicon } from './theme-lexicon.js';
import { tokenize, type Token } from './theme-tokenizer.js';

/** A token with its part-of-speech tags (compromise's tag names: Noun, Plural, Gerund, ProperNoun, Person, …). */
export interface TaggedTerm extends Token {
  tags: Set<string>;
}

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

function addTags(term: TaggedTerm, tags: string | readonly string[], lexicon: ThemeLexicon): void {
  for (const tag of typeof tags === 'string' ? [tags] : tags) {
    term.tags.add(tag);
    for (const parent of lexicon.parents.get(tag) ?? []) term.tags.add(parent);
  }
}

/** Parent tags, and singular/plural for a noun without either (compromise's fillTags). */
function fillTags(term: TaggedTerm, lexicon: ThemeLexicon): void {
  addTags(term, [...term.tags], lexicon);
  const tags = term.tags;
  if (tags.size === 1 && tags.has('Verb')) {
    const w = term.lookup;
    const tense = lexicon.verbTenseGuess.get(w.slice(-3)) ?? lexicon.verbTenseGuess.get(w.slice(-2)) ?? (w.endsWith('s') ? 'PresentTense' : undefined);
    if (tense) addTags(term, tense, lexicon);
  }
  if (!tags.has('Noun') || tags.has('Plural') || tags.has('Singular') || UNCOUNTABLE.some((t) => tags.has(t))) return;
  tags.add(looksPlural(term.lookup) ? 'Plural' : 'Singular');
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

/** Look up known phrases and words; mark ambiguous words with their switch kind. */
function lookUp(terms: TaggedTerm[], lexicon: ThemeLexicon, switchOf: Map<TaggedTerm, string>): void {
  for (let i = 0; i < terms.length; i += 1) {
    const longest = lexicon.phraseStarts.get(terms[i]!.lookup) ?? 0;
    for (let n = Math.min(longest, terms.length - i); n >= 2; n -= 1) {
      const span = terms.slice(i, i + n);
      if (span.slice(0, -1).some((t) => /[.,;:!?()]/u.test(t.post))) continue;
      const tags = lexicon.phrases.get(span.map((t) => t.lookup).join(' '));
      if (!tags) continue;
      for (const t of span) for (const tag of tags) t.tags.add(tag);
      if (tags.has('PhrasalVerb') && span[1]) span[1].tags = withParents(['Particle', 'PhrasalVerb'], lexicon.parents);
      i += n - 1;
      break;
    }
  }
  for (const term of terms) {
    if (term.tags.size > 0) continue;
    const known = lexicon.words.get(term.lookup);
    if (known) for (const tag of known) term.tags.add(tag);
    const kind = lexicon.switches.get(term.lookup);
    if (kind) switchOf.set(term, kind);
  }
}

/** Guesses that need only the word itself: capitalisation, ending, number and date shapes. */
function guessAlone(term: TaggedTerm, lexicon: ThemeLexicon): void {
  if (!term.sentenceStart && TITLE_CASE.test(term.text) && !/[0-9]/u.test(term.text) && !NOT_PROPER.some((t) => term.tags.has(t))
    && !/["']$/u.test(term.pre) && term.normal !== 'the') {
    fillTags(term, lexicon);
    if (!term.tags.has('Noun')) term.tags.clear();
    addTags(term, 'ProperNoun', lexicon);
  }
  const empty = term.tags.size === 0;
  const key = `${term.text}\u0001${term.lookup}\u0001${empty ? 1 : 0}`;
  let shape = shapeMemo.get(key);
  if (shape === undefined) {
    shape = shapeTags(term.text, term.lookup, empty, lexicon);
    if (shapeMemo.size >= SHAPE_MEMO_LIMIT) shapeMemo.clear();
    shapeMemo.set(key, shape);
  }
  if (shape === null) return;
  if (shape.replace) term.tags.clear();
  addTags(term, shape.tags, lexicon);
}

/** What a word's spelling alone says: tags from number, date and web patterns (which replace any others), else
 * from its ending when nothing else is known. */
interface ShapeGuess {
  tags: string | readonly string[];
  replace: boolean;
}

const SHAPE_MEMO_LIMIT = 20_000;
const shapeMemo = new Map<string, ShapeGuess | null>();

function shapeTags(text: string, lookup: string, empty: boolean, lexicon: ThemeLexicon): ShapeGuess | null {
  const suffix = empty ? bySuffix(lookup, lexicon.suffixes) : null;
  const found = firstMatch(text, lexicon.regexText) ?? firstMatch(lookup, lexicon.regexNormal)
    ?? (/[0-9]/u.test(lookup) ? firstMatch(lookup, lexicon.regexNumbers) : undefined);
  if (found) return { tags: found[1], replace: true };
  if (suffix !== null) return { tags: suffix, replace: false };
  const ending = empty ? lexicon.endsWith.get(lookup.slice(-1))?.find(([re]) => re.test(lookup)) : undefined;
  return ending ? { tags: ending[1], replace: true } : null;
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

/** The most specific tag of a term that a clue table mentions (compromise orders by number of parents). */
function clueByTag(term: TaggedTerm | undefined, table: Readonly<Record<string, string>>, lexicon: ThemeLexicon): string | undefined {
  if (!term) return undefined;
  const depth = (tag: string) => lexicon.parents.get(tag)?.length ?? 0;
  const tags = [...term.tags].sort((a, b) => depth(b) - depth(a));
  const tag = tags.find((t) => table[t] !== undefined);
  return tag === undefined ? undefined : table[tag];
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
  if (term.tags.has('ProperNoun') && /^[A-Z][a-z]/u.test(term.text) && kind !== 'Person|Noun' && !kind.startsWith('Person')) tag = 'Noun';
  if (kind === 'Adj|Noun' && !after && before?.tags.has('Determiner')) tag = 'Noun';
  if (!tag) return;
  const keep = term.tags.has('ProperNoun') ? ['ProperNoun'] : [];
  term.tags = withParents([tag, ...keep], lexicon.parents);
  fillTags(term, lexicon);
}

/**
 * Tag one sentence's terms: lexicon and phrases, then capitalisation, endings and number shapes, then neighbour
 * guesses and a noun fallback for unknown words, then ambiguous words resolved by their neighbours.
 */
function tagSentence(terms: TaggedTerm[], lexicon: ThemeLexicon): void {
  const switchOf = new Map<TaggedTerm, string>();
  lookUp(terms, lexicon, switchOf);
  for (const term of terms) guessAlone(term, lexicon);
  for (let i = 0; i < terms.length; i += 1) {
    const term = terms[i]!;
    fillTags(term, lexicon);
    if (term.tags.size > 0) continue;
    const tag = neighbourTag(terms, i, lexicon) ?? 'Noun';
    addTags(term, tag, lexicon);
    fillTags(term, lexicon);
  }
  for (let i = 0; i < terms.length; i += 1) {
    const kind = switchOf.get(terms[i]!);
    if (kind) resolveSwitch(terms, i, kind, lexicon);
  }
}

/**
 * Split a text into words and tag each with compromise-compatible part-of-speech tags from the precomputed
 * lexicon and guess rules, without loading compromise.
 */
export function tagText(text: string): TaggedTerm[] {
  const lexicon = themeLexicon();
  const terms: TaggedTerm[] = tokenize(text).map((t) => ({ ...t, tags: new Set<string>() }));
  let start = 0;
  for (let i = 1; i <= terms.length; i += 1) {
    if (i === terms.length || terms[i]!.sentenceStart) {
      tagSentence(terms.slice(start, i), lexicon);
      start = i;
    }
  }
  return terms;
}
