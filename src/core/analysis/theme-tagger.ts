import { themeLexicon, withParents, type SwitchClues, type TagPattern, type ThemeLexicon } from './theme-lexicon.js';
import { tokenize, type Token } from './theme-tokenizer.js';

/**
 * A token with its part-of-speech tags (compromise's tag names: Noun, Plural, Gerund, ProperNoun, Person, …).
 * Tag sets are shared between terms with the same word: replace a term's set, never change it.
 */
export type TaggedTerm = Token;

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

const ACRONYM_PLACES = new Set(['la', 'ny', 'us', 'dc', 'gb', 'uk']);

/** Whether a word is written as an acronym ("NHS", "U.S.", "CEOs"), compromise's rule. */
function looksAcronym(text: string, normal: string, lexicon: ThemeLexicon): boolean {
  let str = text;
  if (!/^[A-Z-]+$/u.test(str)) {
    if (str.length > 3 && /^[A-Z]+s$/u.test(str)) str = str.slice(0, -1);
    else return false;
  } else if (ACRONYM_PLACES.has(normal)) return true;
  if (str.length > 5 || str === 'I' || str === 'A' || lexicon.words.has(normal)) return false;
  return /([A-Z]\.)+[A-Z]?,?$/u.test(str) || /([a-z]\.)+[a-z]\.?$/u.test(str) || /^[A-Z]('s|,)?$/u.test(str) || /[A-Z]{2,}('s|,)?$/u.test(str);
}

/** Acronym tags replace what a word had ("US" → Acronym, Place; a lone capital letter → Acronym). */
function acronymTags(tags: ReadonlySet<string>, text: string, normal: string, lexicon: ThemeLexicon): ReadonlySet<string> {
  if (tags.has('RomanNumeral') || tags.has('Acronym')) return tags;
  if (looksAcronym(text, normal, lexicon)) {
    const more = ['Acronym', 'Noun'];
    if (ACRONYM_PLACES.has(normal)) more.push('Place');
    if (/^[A-Z]+s$/u.test(text)) more.push('Plural');
    return plus(EMPTY, more, lexicon);
  }
  if (text !== 'I' && text !== 'A' && /^[A-Z]('s|,)?$/u.test(text)) return plus(EMPTY, ['Acronym', 'Noun'], lexicon);
  if (tags.has('Organization') && text.length <= 3) return plus(tags, 'Acronym', lexicon);
  return tags;
}

/**
 * Tags a word has on its own: from the lexicon (or a phrase), its spelling, and acronym shape. Capitalisation
 * inside a sentence is left to the theme rules (compromise's title-case rule never fired on the old path: its
 * terms had no sentence position under nlp.tokenize).
 */
function wordTags(term: TaggedTerm, known: ReadonlySet<string>, lexicon: ThemeLexicon): ReadonlySet<string> {
  const shaped = shapeTags(known, term.text, term.lookup, lexicon);
  return fillTags(acronymTags(shaped, term.text, term.normal, lexicon), term.lookup, lexicon);
}

/** wordTags and ambiguity of a single word, kept on its shape (every occurrence of the same written word agrees). */
function alone(term: TaggedTerm, lexicon: ThemeLexicon): { readonly tags: ReadonlySet<string>; readonly switchKind: string | undefined } {
  return (term.shape.alone ??= { tags: wordTags(term, lexicon.words.get(term.lookup) ?? EMPTY, lexicon), switchKind: lexicon.switches.get(term.lookup) });
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

const isCapital = (term: TaggedTerm) => (term.tags.has('ProperNoun') && /^[A-Z][a-z]/u.test(term.text) ? 'Noun' : undefined);

/** compromise's extra rules per kind of ambiguous word, on the word's place in its clause. */
function adhocTag(terms: TaggedTerm[], i: number, kind: string): string | undefined {
  const term = terms[i]!;
  const alone = i === 0 && terms.length === 1;
  switch (kind) {
    case 'Adj|Gerund': case 'Actor|Verb': case 'Adj|Past': case 'Adj|Present': case 'Noun|Gerund': case 'Person|Noun':
      return isCapital(term);
    case 'Adj|Noun':
      return isCapital(term) ?? (i + 1 === terms.length && terms[i - 1]?.tags.has('Determiner') ? 'Noun' : undefined);
    case 'Noun|Verb':
      return (i > 0 ? isCapital(term) : undefined) ?? (alone ? 'Infinitive' : undefined);
    case 'Plural|Verb':
      return isCapital(term) ?? (alone ? 'PresentTense' : undefined) ?? (i === 0 && terms.length > 3 ? 'Plural' : undefined);
    case 'Person|Verb':
      return i !== 0 ? isCapital(term) : undefined;
    case 'Person|Adj':
      return (i === 0 && terms.length > 1) || isCapital(term) ? 'Person' : undefined;
    default:
      return undefined;
  }
}

/** Resolve an ambiguous word ("walk": noun or verb) from the words and tags around it in its clause. */
function resolveSwitch(terms: TaggedTerm[], i: number, kind: string, lexicon: ThemeLexicon): void {
  const term = terms[i]!;
  if (term.tags.has('Acronym') || term.tags.has('PhrasalVerb')) return;
  const clues: SwitchClues | undefined = lexicon.clues[kind];
  const before = terms[i - 1]?.normal !== 'also' ? terms[i - 1] : terms[Math.max(0, i - 2)];
  const after = terms[i + 1];
  const clue = clues && ((after && clues.afterWords[after.normal]) || (before && clues.beforeWords[before.normal])
    || clueByTag(before, clues.beforeTags, lexicon) || clueByTag(after, clues.afterTags, lexicon));
  const tag = adhocTag(terms, i, kind) ?? clue;
  if (!tag) return;
  const keep = term.tags.has('ProperNoun') ? ['ProperNoun'] : [];
  term.tags = fillTags(withParents([tag, ...keep], lexicon.parents), term.lookup, lexicon);
}

const MAYBE_DATE = new Set(['may', 'april', 'august', 'jan']);

/** Whether a clause may end before term i (after a comma, colon or semicolon): compromise's quickSplit, on lexicon tags. */
function clauseBreak(terms: TaggedTerm[], known: (i: number) => ReadonlySet<string>, i: number): boolean {
  const term = terms[i];
  const previous = terms[i - 1]!;
  if (!term || previous.post === ' ' || !/[,:;]/u.test(previous.post)) return false;
  const tags = known(i);
  const last = known(i - 1);
  if (term.normal === 'like' || MAYBE_DATE.has(term.normal) || tags.has('Place') || tags.has('Date')) return false;
  if (last.has('Date') || MAYBE_DATE.has(previous.normal) || last.has('Adjective') || tags.has('Adjective')) return false;
  return !([1, 2, 4].includes(term.normal.length) && /^[0-9]+$/u.test(term.normal));
}

/** Neighbour guesses, noun fallback and ambiguous words within one clause. */
function tagClause(terms: TaggedTerm[], switches: (string | undefined)[], lexicon: ThemeLexicon): void {
  for (let i = 0; i < terms.length; i += 1) {
    const term = terms[i]!;
    if (term.tags.size > 0) continue;
    term.tags = fillTags(plus(EMPTY, neighbourTag(terms, i, lexicon) ?? 'Noun', lexicon), term.lookup, lexicon);
  }
  for (let i = 0; i < terms.length; i += 1) {
    const kind = switches[i];
    if (kind) resolveSwitch(terms, i, kind, lexicon);
    const tags = terms[i]!.tags;
    if (tags.has('Verb') && !VERB_TYPES.some((t) => tags.has(t))) terms[i]!.tags = plus(tags, 'Infinitive', lexicon);
  }
}

/** A verb with none of these is a bare infinitive (compromise's verbType). */
const VERB_TYPES = ['PastTense', 'PresentTense', 'Auxiliary', 'Modal', 'Particle'];

/**
 * Tag one sentence's terms: phrases and words from the lexicon with their spelling guesses, then per clause
 * neighbour guesses and a noun fallback for unknown words, and ambiguous words resolved by their neighbours.
 */
function tagSentence(terms: TaggedTerm[], lexicon: ThemeLexicon): void {
  const phrases = phraseTags(terms, lexicon);
  const switches: (string | undefined)[] = [];
  for (let i = 0; i < terms.length; i += 1) {
    const term = terms[i]!;
    const phrase = phrases?.get(i);
    if (phrase) {
      term.tags = wordTags(term, phrase, lexicon);
      switches.push(undefined);
    } else {
      const word = alone(term, lexicon);
      term.tags = word.tags;
      switches.push(word.switchKind);
    }
  }
  const known = (i: number) => phrases?.get(i) ?? lexicon.words.get(terms[i]!.lookup) ?? EMPTY;
  let start = 0;
  for (let i = 1; i <= terms.length; i += 1) {
    if (i < terms.length && !clauseBreak(terms, known, i)) continue;
    tagClause(terms.slice(start, i), switches.slice(start, i), lexicon);
    start = i;
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
