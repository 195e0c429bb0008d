import { gazetteer as gazetteerForTagger, ORDINARY_CLASSES, ruleLexicon } from './gazetteer.js';
import { FUNCTION_WORDS, KIN_CUES, KNOWN_FROM, KNOWN_FROM_GROUPS, MEETING_CUES, MEETINGS, OBJECT_VERBS, PERSON_CONDITIONS, PERSON_STATES, PERSON_VERBS, RELATIONS, SAID_RELATIONS, VIRTUE_NAMES } from './name-cues.js';
import { INSTITUTION_WORDS } from './name-rules.js';
import { englishWords } from './english-words.js';
import { givenNameInEr, nameOnlyWord, ordinaryStem, unknownWord } from './name-words.js';
import { FOLLOWING_PARTICLES, LEADING_PARTICLES } from './particle-surnames.js';
import type { Token } from './tokenize.js';
import type { PiiSpan, PiiType } from './types.js';

/**
 * Names and places the tagger passed over, found by the words around them or by their form, on tokens it left
 * outside every entity (tagger.ts's tagEntities adds them): cued and possessive names, surnames by their form, and
 * names that are also ordinary words where only a person fits. Names and places written in lower case are
 * lower-case-names.ts's, employers employer-names.ts's.
 */

/** A place ending in an abbreviated mountain, fort or point ("Mt" of "Mt. Hood"), whose name follows it. */
export const PLACE_ABBREVIATION = /\b(?:Mt|Ft|Pt)$/u;

/** A word written with a capital and then small letters ("Maya", "Kowalczyk"). */
const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;



/** Words one greets that the lexicon does not know and no name ("Dear Madam", "Hi folks", "with Life Time"). */
const ADDRESSED: ReadonlySet<string> = new Set(['madam', 'mam', 'maam', 'mister', 'folks', 'life', 'lord', 'god']);

/** Words right before a person's name in a diary ("my boyfriend Diego", "met Jordan", "texted Taylor"). */
const NAME_CUES: ReadonlySet<string> = new Set([...RELATIONS, ...MEETINGS, 'mum', 'mom', 'dad', 'baby', 'with', 'named']);

/**
 * Names the tagger passed over, on tokens it left outside every entity: a capitalised word the lexicon does not
 * know right before a verb ("Priyanka covered my 3pm"), and, right after a word that introduces a person, the
 * single words compromise tags only as people ("Diego", "Austin", "Jordan"; ordinary words in the tagger's table,
 * so "I met Diego yesterday" gave nothing), or a word the lexicon does not know right after a verb of meeting ("I met
 * Oluwaseun"); a name owning a relative or a household thing ("Priya's mom"), or an unknown word owning anything
 * ("Tariq's car"); and an unknown word joined by "and" to a person of `kept` (the tagger's spans as kept) or of these.
 */
export function cuedNames(tokens: readonly Token[], labels: readonly string[], kept: readonly PiiSpan[] = []): PiiSpan[] {
  const rules = ruleLexicon();
  const tagger = gazetteerForTagger();
  const out: PiiSpan[] = [];
  /** A person's span over token i. */
  const name = (i: number, source: string, confidence = 0.6): void => {
    out.push({ type: 'PERSON', start: tokens[i]!.start, end: tokens[i]!.end, text: tokens[i]!.text, confidence, source });
  };
  /** Unknown capitalised words left after the rules that look at them alone. */
  const unknownAt: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.text;
    // An ASCII first character other than A-Z is no capital: most words of a text are left without the regex.
    const first = word.charCodeAt(0);
    if (labels[i] !== 'O' || (first < 128 && (first < 65 || first > 90)) || !CAPITALISED.test(word)) continue;
    const lower = word.toLowerCase();
    const next = tokens[i + 1]?.text ?? '';
    // An unknown capitalised word doing what people do ("Priyanka covered my 3pm", "Marek said") or being what people
    // are ("Zanele is pregnant"), or known from somewhere ("Kwame from the climbing gym"): a word that neither the lexicon
    // nor the English word lists know, before a verb of the lexicon, is a name.
    // Not a word of a longer capitalised name ("ABC Business considered"), a word with the ending of an adverb,
    // abstract noun or adjective ("Honestly felt", "Socialism killed", "Useless staged"), a contraction written
    // without its apostrophe ("Ive said"), nor a row of a bill ("Amount charged $200.85").
    const afterCapital = i > 0 && tokens[i]!.gap === ' ' && /^\p{Lu}/u.test(tokens[i - 1]!.text);
    const known = rules.get(lower);
    // A word the lexicon does not know, with no ending of an ordinary word ("Apple's" and "Everyone's" are not), nor the
    // plural of a word it knows ("Reflections").
    const unknown = known === undefined ? unknownWord(lower, rules) : known === 'word' && nameOnlyWord(lower, rules);
    // Before a verb, a given name in -er too ("Skyler came out to us").
    if ((unknown || (known === undefined && givenNameInEr(lower, rules))) && !afterCapital && tokens[i + 1]?.gap === ' '
      && (doesOrIs(tokens, i) || (/^\p{Ll}{3,}ed$/u.test(next) && ordinaryStem(next, tagger)) || (next === 'from' && knownFrom(tokens, i + 2)))
      && !/^[\p{Sc}\d]/u.test(tokens[i + 2]?.text ?? '')) {
      name(i, 'rule:subject-name');
      continue;
    }
    // A word only a person fits, when the lexicon knows it as an ordinary word or not at all ("my sister Maya"); after
    // a capitalised word only when that one is ordinary ("Yesterday Leo and I").
    if ((known === undefined || ORDINARY_CLASSES.has(known) || known === 'first') && (!afterCapital || ORDINARY_CLASSES.has(rules.get(tokens[i - 1]!.text.toLowerCase()) ?? '')) && personContext(tokens, i, rules)) {
      name(i, 'rule:person-context');
      continue;
    }
    // A name that owns a person or a household thing ("Priya's mom drove us", "Kwame's birthday"): a given name or
    // surname; or an unknown word that owns anything ("Tariq's car broke down", "Kenji's flight").
    if (!afterCapital && word.length >= 3 && (((known === 'first' || known === 'last') && possessed(tokens, i)) || (unknown && possessive(tokens, i)))) {
      name(i, 'rule:possessive-name');
      continue;
    }
    // A virtue name ("Hope", "Faith") before a verb of what people do, or after a verb of meeting, "with" or a verb
    // whose object is a person ("Hope called", "Coffee with Hope", "Drove Faith to"; not "Hope springs", "I have Hope").
    if (VIRTUE_NAMES.has(lower) && (!afterCapital || ORDINARY_CLASSES.has(rules.get(tokens[i - 1]!.text.toLowerCase()) ?? '')) && tokens[i + 1]?.gap === ' ' && PERSON_VERBS.has(next)) {
      name(i, 'rule:virtue-name');
      continue;
    }
    if (VIRTUE_NAMES.has(lower) && i > 0 && tokens[i]!.gap === ' ' && (MEETING_CUES.has(tokens[i - 1]!.text.toLowerCase()) || OBJECT_VERBS.has(tokens[i - 1]!.text.toLowerCase()))) {
      name(i, 'rule:virtue-name');
      continue;
    }
    if (unknown && !afterCapital) unknownAt.push(i);
    if (i === 0 || tokens[i]!.gap === '\n') continue;
    // An unknown word right after a verb of meeting, a greeting or "with" ("I met Oluwaseun", "FaceTimed Ngozi", "Dear
    // Imogen"; the cue may open the sentence, capitalised).
    if (unknown && (MEETING_CUES.has(tokens[i - 1]!.text.toLowerCase()) || pickedUp(tokens, i)) && tokens[i]!.gap === ' ' && !ADDRESSED.has(lower)) {
      name(i, 'rule:cued-name');
      continue;
    }
    if (known !== 'first' || tagger.get(lower) === 'first' || !NAME_CUES.has(tokens[i - 1]!.text.toLowerCase())) continue;
    name(i, 'rule:cued-name', 0.7);
  }
  // An unknown word joined by "and" or "&" to a person, kept from the tagger (`kept`) or found above, before or after it
  // ("Soph and Bex stayed over", "Bex and Soph").
  if (unknownAt.length) {
    const found = new Set(out.map((span) => span.start));
    const people = kept.filter((span) => span.type === 'PERSON');
    const person = (j: number): boolean => {
      const token = tokens[j];
      return token !== undefined && (found.has(token.start) || people.some((span) => span.start <= token.start && token.end <= span.end));
    };
    const and = (j: number): boolean => (tokens[j]?.text === 'and' || tokens[j]?.text === '&') && tokens[j]!.gap === ' ';
    for (const i of unknownAt) {
      if (found.has(tokens[i]!.start) || !((and(i + 1) && tokens[i + 2]?.gap === ' ' && person(i + 2)) || (and(i - 1) && tokens[i]!.gap === ' ' && person(i - 2)))) continue;
      name(i, 'rule:joined-name');
    }
  }
  return out.flatMap((span) => wholeWord(tokens, span) ?? []);
}

/**
 * Whether the word after token i, after a space, is a verb of what people do ({@link PERSON_VERBS}: "said", "texted"),
 * "is"/"was" and what people are ("is pregnant"), or "has"/"had" and an illness ("has strep"): what makes token i a
 * person's name where the lexicon does not.
 */
export function doesOrIs(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (next?.gap !== ' ') return false;
  return PERSON_VERBS.has(next.text) || ((next.text === 'is' || next.text === 'was') && tokens[i + 2]?.gap === ' ' && PERSON_STATES.has(tokens[i + 2]!.text))
    || ((next.text === 'has' || next.text === 'had') && tokens[i + 2]?.gap === ' ' && PERSON_CONDITIONS.has(tokens[i + 2]!.text.toLowerCase()));
}

/**
 * Whether the tokens from `i` on, after "from", say where the writer knows a person from: "work", "next door", or
 * "the", "my" or "our" and a group or place of {@link KNOWN_FROM_GROUPS}, a word before it or not ("from the climbing
 * gym", "from my team").
 */
function knownFrom(tokens: readonly Token[], i: number): boolean {
  const word = (j: number): string => (tokens[j]?.gap === ' ' ? tokens[j]!.text.toLowerCase() : '');
  if (KNOWN_FROM.has(word(i))) return true;
  return ['the', 'my', 'our'].includes(word(i)) && (KNOWN_FROM_GROUPS.has(word(i + 1)) || KNOWN_FROM_GROUPS.has(word(i + 2)));
}

/** Prefixes of English words written with a hyphen ("Post-Brexit", "Anti-Trump"), no given name's first part. */
const WORD_PREFIXES: ReadonlySet<string> = new Set(['post', 'pre', 'anti', 'non', 'pro', 'ex', 'co', 'mid', 'self', 'semi', 'multi', 'neo', 'pseudo', 'super', 'ultra', 'un', 'de', 're']);

/**
 * `span` (one token's, of {@link cuedNames}) with the rest of a hyphenated word it starts ("Hye-jin" of "my sister Hye",
 * "Anne-Marie" of "Anne") and the capitalised parts before it when it ends one ("Jean-" of "Jean-Baptiste quit"): masking
 * never leaves part of a name. Null when it ends a word after an English prefix ("Brexit" of "Post-Brexit"): no name.
 */
function wholeWord(tokens: readonly Token[], span: PiiSpan): PiiSpan | null {
  let j = tokens.findIndex((t) => t.start === span.start);
  let first = j;
  const last = j;
  while (tokens[j + 1]?.text === '-' && tokens[j + 1]!.gap === '' && tokens[j + 2]?.gap === '' && /^\p{L}+$/u.test(tokens[j + 2]!.text)) j += 2;
  while (tokens[first]!.gap === '' && tokens[first - 1]?.text === '-' && tokens[first - 1]!.gap === '' && /^\p{Lu}\p{L}*$/u.test(tokens[first - 2]?.text ?? '')
    && !WORD_PREFIXES.has(tokens[first - 2]!.text.toLowerCase())) first -= 2;
  // After a prefix of a word ("Post-Brexit"), the part is no name.
  if (first === last && tokens[first]!.gap === '' && tokens[first - 1]?.text === '-' && WORD_PREFIXES.has(tokens[first - 2]?.text.toLowerCase() ?? '')) return null;
  if (j === last && first === last) return span;
  const text = tokens.slice(first, j + 1).map((t) => t.text).join('');
  return { ...span, start: tokens[first]!.start, end: tokens[j]!.end, text };
}

/** Lexicon classes a surname after an initial may have: none, or a name's ("A. Kowalczyk"; not "B. Paris", "A. Then"). */
const SURNAME_CLASSES: ReadonlySet<string> = new Set(['', 'first', 'last']);
/** Courtesy titles a surname follows ("Mr. Van der Berg"). */
const COURTESY_TITLES: ReadonlySet<string> = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof']);
/**
 * Titles of an office, a rank or a calling that a surname follows ("Inspector Graves", "Coach Dawson", "Sgt.
 * Kowalski", "Doctor Ferguson"), written as here; the name after one is no place, organisation, day, role or nationality
 * ("Captain America"), nor a function word ("Doctor Who").
 */
const OFFICE_TITLES: ReadonlySet<string> = new Set([
  'Inspector', 'Detective', 'Det', 'Officer', 'Sergeant', 'Sgt', 'Lieutenant', 'Lt', 'Captain', 'Capt', 'Coach', 'Pastor',
  'Father', 'Fr', 'Rabbi', 'Imam', 'Reverend', 'Rev', 'Judge', 'Nurse', 'Professor', 'Principal', 'Senator', 'Sen',
  'Governor', 'Gov', 'Mayor', 'Councillor', 'Councilman', 'Councilwoman', 'Agent', 'Chef', 'Deacon', 'Bishop', 'Sheriff',
  'Deputy', 'Constable', 'Doctor', 'Justice', 'Magistrate',
]);
/**
 * Office titles that are ordinary nouns too, which take a surname only when it is no English word, one the lexicon
 * knows as a surname, or a common surname that is also a word ("Justice Harrington", "Justice Brown"; not "the Justice
 * Department", "Justice League").
 */
const NOUN_TITLES: ReadonlySet<string> = new Set(['Justice']);
/** Common English and American surnames that are English words, which the lexicon files as words ("Brown", "King", "Wood"). */
const SURNAMES_THAT_ARE_WORDS: ReadonlySet<string> = new Set([
  'brown', 'green', 'white', 'black', 'young', 'king', 'hall', 'wood', 'hill', 'ward', 'bell', 'price', 'fox', 'hunt', 'stone',
  'rose', 'long', 'gray', 'grey', 'lamb', 'mills', 'burns', 'rice', 'bush', 'knight', 'page', 'lane', 'dean', 'banks', 'fields',
  'wells', 'west', 'rich', 'cross', 'frost', 'snow', 'sharp', 'noble', 'short', 'reed', 'porter', 'baker', 'hunter',
]);
/** Words that make a place an institution ("Hospital", "School", "Church"). */
const INSTITUTIONS: ReadonlySet<string> = new Set(INSTITUTION_WORDS);
/** Lexicon classes of a word that is no surname after an office's title. */
const NOT_SURNAME_AFTER_OFFICE: ReadonlySet<string> = new Set(['place', 'org', 'date', 'actor', 'nrp', 'honorific']);
/**
 * Words before "the" and a family's name the lexicon does not know ("with the Lindqvists", "visited the Okonkwos", "hosted
 * the Ramirezes"; not "for", which teams follow: "for the Rams").
 */
const FAMILY_CUES: ReadonlySet<string> = new Set(['with', 'visited', 'saw', 'met', 'invited', 'called', 'hosted', 'visiting']);
/** Endings of ordinary nouns in the plural after "with the" ("the Avengers", "the Organizations"); "-ist" may end a surname ("Lindqvist"). */
const NOT_FAMILY_ENDING = /(?:ness|ment|tion|sion|ing|ed|er|or|ure|ity|ance|ence)$/u;
/** A family called by its surname in the plural ("the Hendersons", "the Joneses"): the word and its singular. */
const FAMILY_PLURAL = /^(\p{Lu}\p{Ll}+?)(?:es|s)$/u;

/** Lower- or upper-case particles inside surnames after a title ("Van der Berg", "de la Cruz", "von Trapp", "bin Salman"). */
const SURNAME_PARTICLES: ReadonlySet<string> = new Set([...LEADING_PARTICLES, ...FOLLOWING_PARTICLES, 'bin']);

/**
 * Surnames the tagger passed over that their form gives away, on tokens it left outside every entity: an O' or D'
 * name ("O'Brien was late", opening a sentence), an initial and a surname ("Saw A. Kowalczyk"), and the name after a
 * courtesy title or the title of an office, particles included ("Mr. Van der Berg called", "Coach Dawson benched me"),
 * a family by its surname in the plural ("The Hendersons invited us"); and a place after an abbreviated Mt, Ft or Pt
 * ("drove to Ft. Myers").
 */
export function namesByForm(tokens: readonly Token[], labels: readonly string[]): PiiSpan[] {
  const lexicon = ruleLexicon();
  const out: PiiSpan[] = [];
  const free = (j: number): boolean => labels[j] === 'O';
  const capitalised = (j: number): boolean => CAPITALISED.test(tokens[j]?.text ?? '');
  const span = (from: number, to: number, source: string, type: PiiType = 'PERSON'): PiiSpan => {
    const text = tokens.slice(from, to + 1).map((t, k) => (k ? t.gap : '') + t.text).join('');
    return { type, start: tokens[from]!.start, end: tokens[to]!.end, text, confidence: 0.7, source };
  };
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.text;
    // Every form below starts with a capital, or is a lower-case title before its full stop: most words are neither.
    const c0 = word.charCodeAt(0);
    if (c0 < 128 && !(c0 >= 65 && c0 <= 90) && !(c0 >= 97 && c0 <= 122 && tokens[i + 1]?.text === '.')) continue;
    if ((word === 'O' || word === 'D') && free(i) && free(i + 1) && free(i + 2) && /^['’]$/u.test(tokens[i + 1]?.text ?? '')
      && tokens[i + 1]!.gap === '' && tokens[i + 2]?.gap === '' && capitalised(i + 2)) {
      out.push(span(i, i + 2, 'rule:apostrophe-surname'));
      i += 2;
      continue;
    }
    // A title as written, or in lower case with its full stop ("prof. Hargreaves"; not the verb "miss"), and not a
    // street's "Dr" ("12 Elm Dr. Then").
    const dotted = tokens[i + 1]?.text === '.' && tokens[i + 1]!.gap === '';
    // An abbreviated mountain, fort or point and its name ("drove to Ft. Myers", "Mt. Hood").
    if (dotted && PLACE_ABBREVIATION.test(word) && free(i) && free(i + 1) && free(i + 2) && tokens[i + 2]?.gap === ' ' && capitalised(i + 2)) {
      out.push(span(i, i + 2, 'rule:abbreviated-place', 'LOCATION'));
      i += 2;
      continue;
    }
    // An initial and a surname ("Saw A. Kowalczyk"; not "Plan A. Then", nor the last letter of "U.S. Army", nor a letter
    // glued to a number: "seat 23A. Passport").
    if (dotted && /^\p{Lu}$/u.test(word) && (i === 0 || tokens[i]!.gap !== '') && free(i) && free(i + 1) && free(i + 2) && tokens[i + 2]?.gap === ' ' && capitalised(i + 2)
      && SURNAME_CLASSES.has(lexicon.get(tokens[i + 2]!.text.toLowerCase()) ?? '') && !(tokens[i - 1]?.text === '.' && /^\p{Lu}$/u.test(tokens[i - 2]?.text ?? ''))) {
      out.push(span(i, i + 2, 'rule:initial-surname'));
      i += 2;
      continue;
    }
    // An institution named by a possessive ("Guy's Hospital", "Claridge's Hotel").
    if (free(i) && capitalised(i) && /^['’]$/u.test(tokens[i + 1]?.text ?? '') && tokens[i + 1]!.gap === ''
      && tokens[i + 2]?.text === 's' && tokens[i + 2]!.gap === '' && tokens[i + 3]?.gap === ' ' && INSTITUTIONS.has(tokens[i + 3]!.text)
      && free(i + 1) && free(i + 2) && free(i + 3)) {
      out.push(span(i, i + 3, 'rule:possessive-institution', 'ORGANIZATION'));
      i += 3;
      continue;
    }
    // A family by its surname in the plural: a surname of the lexicon ("The Hendersons invited us"; not "the Beatles"), or
    // a word it does not know after "with the" or a verb of meeting and "the" ("Dinner with the Lindqvists").
    const previous = tokens[i - 1]?.text;
    if ((previous === 'the' || previous === 'The' || previous === 'THE') && free(i) && tokens[i]!.gap === ' '
      && familyName(word, lexicon, FAMILY_CUES.has(tokens[i - 2]?.text.toLowerCase() ?? ''))) {
      out.push(span(i, i, 'rule:family-name'));
      continue;
    }
    const after = tokens[dotted ? i + 2 : i + 1]?.text.toLowerCase() ?? '';
    const office = OFFICE_TITLES.has(word) && capitalised(dotted ? i + 2 : i + 1)
      && !NOT_SURNAME_AFTER_OFFICE.has(lexicon.get(after) ?? '') && !FUNCTION_WORDS.has(after)
      && (!NOUN_TITLES.has(word) || !englishWords().has(after) || lexicon.get(after) === 'last' || SURNAMES_THAT_ARE_WORDS.has(after));
    const title = office || COURTESY_TITLES.has(word) || (dotted && word !== 'miss' && COURTESY_TITLES.has(word[0]!.toUpperCase() + word.slice(1)));
    if (!title || !(free(i) || labels[i]!.endsWith('-TITLE'))) continue;
    // The title's words: "Mr" then an optional full stop, then particles and capitalised words ending in a capitalised one.
    let j = dotted ? i + 2 : i + 1;
    if (tokens[j]?.gap !== ' ') continue;
    const from = j;
    let last = -1;
    // A particle the tagger read as a one-word person is dropped later as an ordinary word ("Van" of "Mr. Van der Berg").
    const open = (k: number): boolean => free(k) || labels[k]!.endsWith('-PERSON');
    for (; j < tokens.length && open(j) && (j === from || tokens[j]!.gap === ' '); j++) {
      if (capitalised(j) && !SURNAME_PARTICLES.has(tokens[j]!.text.toLowerCase())) last = j;
      else if (!SURNAME_PARTICLES.has(tokens[j]!.text.toLowerCase())) break;
    }
    if (last !== -1) out.push(span(from, last, 'rule:titled-surname'));
  }
  return out;
}

/**
 * Whether `word` is a surname in the plural: of the lexicon ("Hendersons", "Joneses"), or, when `cued`, a name the lexicon
 * files as a given name ("with the Nguyens") or one it does not know, singular or plural, without an ordinary word's ending
 * ("Lindqvists").
 */
function familyName(word: string, lexicon: ReadonlyMap<string, string>, cued: boolean): boolean {
  const lower = word.toLowerCase();
  if (!FAMILY_PLURAL.test(word) || lexicon.get(lower) !== undefined) return false;
  const singulars = singularsOf(lower);
  return singulars.some((w) => lexicon.get(w) === 'last')
    || (cued && (singulars.some((w) => lexicon.get(w) === 'first') || (singulars.every((w) => lexicon.get(w) === undefined) && !NOT_FAMILY_ENDING.test(singulars[0]!))));
}

/** The singulars a plural in lower case may have ("hendersons" → "henderson"; "joneses" → "jonese", "jones"). */
const singularsOf = (lower: string): string[] => (lower.endsWith('es') ? [lower.slice(0, -1), lower.slice(0, -2)] : [lower.slice(0, -1)]);

/** Whether a word in lower case is the plural of a surname of the lexicon and no word of it ("hendersons", "joneses"). */
export const surnamePlural = (lower: string, lexicon: ReadonlyMap<string, string>): boolean =>
  lexicon.get(lower) === undefined && singularsOf(lower).some((w) => lexicon.get(w) === 'last');


/** Lexicon classes of words that are no person after "w/" ("w/ Netflix", "w/ Mom", "w/ Friday"). */
const NOT_PERSON_CLASSES: ReadonlySet<string> = new Set(['place', 'org', 'date', 'actor']);
/** Words after which a capitalised word before "and I" is a thing or a place, not a person ("a Joke", "in Vegas", "Year's Day"). */
const NOT_BEFORE_NAME: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'my', 'your', 'our', 'his', 'her', 'their', 'its', 'this', 'that', 's', 'in', 'at', 'on', 'to', 'from',
  'into', 'of', 'for', 'by',
]);
/**
 * Whether the capitalised word at `i` stands where only a person fits, so that a name that is also an ordinary
 * word ("Maya", "Leo", "Jasmine", "Rose") is read as one: right after a relation ("my sister Maya", "my boss,
 * Karen") or before one in brackets or between commas ("Jonah (my brother-in-law)"), between commas after a role
 * ("the plumber, Zbigniew,"), or after the shorthand "w/"
 * ("Coffee w/ Priya"), after "me and" ("Me and Leo"), or before "and I" / "& me", alone or in a list ("Jasmine, Leo and I");
 * alone before "and I" at a sentence's start only when the lexicon does not know it as an ordinary word ("Work
 * and I don't get along"); or joined by "and" to a word in one of these places (`joined`: that word's own test, which
 * does not look further back).
 */
export function personContext(tokens: readonly Token[], i: number, lexicon: ReadonlyMap<string, string>, joined = false): boolean {
  const text = (j: number): string => tokens[j]?.text ?? '';
  const capitalised = (j: number): boolean => CAPITALISED.test(text(j)) && !FUNCTION_WORDS.has(text(j).toLowerCase());
  if (!capitalised(i)) return false;
  const kin = (j: number): boolean => KIN_CUES.has(text(j).toLowerCase());
  if (tokens[i]!.gap !== '\n' && (kin(i - 1) || (text(i - 1) === ',' && tokens[i - 1]!.gap === '' && kin(i - 2)))) return true;
  // After a role and a comma, before another comma ("Paid the plumber, Zbigniew, 300 zł"; not a day: "the plumber, Monday,").
  if (text(i - 1) === ',' && tokens[i - 1]!.gap === '' && tokens[i]!.gap === ' ' && SAID_RELATIONS.has(text(i - 2).toLowerCase()) && text(i + 1) === ','
    && lexicon.get(text(i).toLowerCase()) !== 'date') return true;
  // Before what the writer is to them, in brackets or between commas ("Jonah (my brother-in-law) lent me", "Petra, my
  // therapist, says").
  if ((text(i + 1) === '(' || text(i + 1) === ',') && /^(?:my|our)$/iu.test(text(i + 2)) && SAID_RELATIONS.has(text(i + 3).toLowerCase())) return true;
  // Joined by "and", "&" or "+" to a name in such a place ("w/ Chloé and Théo", "w/ Tomás + Inés", "my sister Maya and
  // Tom"; one step only).
  if (!joined && (text(i - 1) === 'and' || text(i - 1) === '&' || text(i - 1) === '+') && tokens[i]!.gap === ' ' && personContext(tokens, i - 2, lexicon, true)) return true;
  // The shorthand "w/" ("Coffee w/ Priya"), before a word the lexicon knows as no place, organisation, day or role.
  if (text(i - 1) === '/' && tokens[i - 1]!.gap === '' && /^[wW]$/u.test(text(i - 2)) && tokens[i]!.gap !== '\n') {
    return !NOT_PERSON_CLASSES.has(lexicon.get(text(i).toLowerCase()) ?? '');
  }
  if (tokens[i]!.gap !== '\n' && (text(i - 1) === 'and' || text(i - 1) === '&') && /^[Mm]e$/u.test(text(i - 2))) return true;
  let j = i + 1;
  while (text(j) === ',' && capitalised(j + 1)) j += 2;
  if (!((text(j) === 'and' || text(j) === '&') && (text(j + 1) === 'I' || text(j + 1) === 'me') && tokens[j + 1]!.gap === ' ')) return false;
  // Not a day or a thing after a preposition, an article or a possessive ("in Vegas and I", "New Year's Day and I",
  // "a Joke and I").
  const cls = lexicon.get(text(i).toLowerCase()) ?? '';
  if (cls === 'date' || cls === 'place' || NOT_BEFORE_NAME.has(text(i - 1).toLowerCase())) return false;
  const opensSentence = i === 0 || tokens[i]!.gap === '\n' || /^[.!?]$/u.test(text(i - 1));
  return j > i + 1 || !opensSentence || !ORDINARY_CLASSES.has(cls);
}

/** Nouns a person's name owns in a diary ("Priya's mom", "Kwame's birthday", "Jo's flat"). */
const POSSESSED_NOUNS: ReadonlySet<string> = new Set([
  'mom', 'mum', 'dad', 'mother', 'father', 'parents', 'sister', 'brother', 'wife', 'husband', 'girlfriend', 'boyfriend',
  'partner', 'kids', 'son', 'daughter', 'baby', 'family', 'friend', 'friends', 'grandma', 'grandpa', 'aunt', 'uncle',
  'cousin', 'birthday', 'wedding', 'funeral', 'graduation', 'party', 'house', 'place', 'apartment', 'flat', 'room',
  'dog', 'cat',
]);

/** Whether the word at `i` is followed by a possessive "'s" and a lower-case word ("Tariq's car"). */
function possessive(tokens: readonly Token[], i: number): boolean {
  const apostrophe = tokens[i + 1];
  const s = tokens[i + 2];
  const noun = tokens[i + 3];
  return apostrophe !== undefined && apostrophe.gap === '' && (apostrophe.text === "'" || apostrophe.text === '’')
    && s !== undefined && s.gap === '' && s.text === 's' && noun !== undefined && noun.gap === ' ' && /^\p{Ll}/u.test(noun.text);
}

/** Whether the word at `i` is followed by a possessive "'s" and one of {@link POSSESSED_NOUNS}. */
export const possessed = (tokens: readonly Token[], i: number): boolean => possessive(tokens, i) && POSSESSED_NOUNS.has(tokens[i + 3]!.text);

/** Verbs of taking a child somewhere right before a name ("Dropped Leo at school", "Collected Finn"), one word or two ("picked up"). */
export const TAKING_CUES: ReadonlySet<string> = new Set(['dropped', 'collected', 'drove', 'fetched']);

/** Whether token i follows a verb of taking a child somewhere ("dropped", "picked up", "dropped off"). */
export function pickedUp(tokens: readonly Token[], i: number): boolean {
  const word = (j: number): string => tokens[j]?.text.toLowerCase() ?? '';
  return TAKING_CUES.has(word(i - 1)) || ((word(i - 1) === 'up' || word(i - 1) === 'off') && /^(?:picked|pick|picking|dropped|drop|dropping)$/u.test(word(i - 2)));
}
