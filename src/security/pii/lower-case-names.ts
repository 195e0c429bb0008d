import { knownPhrases, ruleLexicon } from './gazetteer.js';
import { CHAT_ABBREVIATIONS } from './abbreviations.js';
import { englishWords } from './english-words.js';
import { ELDERS, MEETINGS, OTHER_RELATIONS, RELATIONS, SAID_RELATIONS } from './name-cues.js';
import { unknownWord } from './name-words.js';
import { SpanIndex } from './span-index.js';
import { townFirstWords, townNames } from './towns.js';
import { doesOrIs, pickedUp, possessed, surnamePlural, TAKING_CUES } from './passed-over-names.js';
import type { Token } from './tokenize.js';
import type { PiiSpan } from './types.js';

/**
 * Names and places written all in lower case that the tagger (reading capitals) passed over, on tokens it left outside
 * every entity (tagger.ts's tagEntities adds them).
 */

/**
 * Cues after which a lower-case word the lexicon does not know at all is a name too ("my cousin oskar", "texted
 * priya", "grandad ade"): relations, relatives and verbs of meeting, not "with" ("with bae").
 */
const STRONG_CUES: ReadonlySet<string> = new Set([...RELATIONS, ...OTHER_RELATIONS, ...MEETINGS, ...ELDERS, 'named', 'bestie', 'bff', 'told to', 'ran into']);
/**
 * Words in lower case that the lexicon does not know and that are no one's name: chat words ("my bf lol", "texted
 * alot") and the Dutch article after "met" ("met een whiskydieet").
 */
const NO_NAME_WORDS: ReadonlySet<string> = new Set([
  ...[...CHAT_ABBREVIATIONS].map((word) => word.toLowerCase()), 'lmk', 'ily', 'ikr', 'tho', 'rn', 'ok', 'okay', 'pls', 'plz', 'thx',
  'ty', 'bc', 'cuz', 'ppl', 'u', 'ur', 'ya', 'yall', 'haha', 'lol', 'alot', 'een',
]);
/** Verbs of speaking or of a bond before "to" and a person ("engaged to ravi", "talked to siobhan"); "to" alone may lead to a place. */
const TOLD_TO: ReadonlySet<string> = new Set([
  'engaged', 'married', 'talked', 'talking', 'spoke', 'speaking', 'replied', 'wrote', 'waved', 'apologised', 'apologized', 'lied',
  'listened', 'introduced', 'proposed', 'confessed', 'explained', 'complained', 'vented', 'chatted',
]);
/** Verbs of meeting by chance before "into" and a person ("ran into jordan", "bumped into siobhan"). */
const RAN_INTO: ReadonlySet<string> = new Set(['ran', 'run', 'running', 'bumped', 'bump', 'bumping']);
/** Words right before a person's name written in lower case ("texted kevin", "my bf marco", "uncle ray", "with sarah"). */
const LOWER_NAME_CUES: ReadonlySet<string> = new Set([...STRONG_CUES, 'with', 'me and']);
/**
 * Given names of the lexicon that are also things or qualities, which "with" often comes before ("with grace",
 * "with amber eyes", "with clay"): not read as a person after "with" alone.
 */
const WORDS_AFTER_WITH: ReadonlySet<string> = new Set([
  'grace', 'mark', 'jack', 'chase', 'clay', 'amber', 'angel', 'buddy', 'harmony', 'heather', 'laurel', 'rosemary',
  'willow', 'lance', 'grant', 'genesis', 'valentine', 'garland', 'blossom', 'emerald', 'sterling', 'crystal', 'pat',
]);
/**
 * Verbs of feeling before a person ("i miss jake", "i love ali"), which take a given name only when it is no English word
 * ("i miss grace", "love mark" stay), and, when the writer says "i miss" or "i really miss", a word neither the lexicon nor
 * the English lists know ("i miss priya"; not "i love bts" nor "hate kpop").
 */
const FONDNESS_CUES: ReadonlySet<string> = new Set(['miss', 'missed', 'love', 'loved', 'hate', 'hated', 'adore', 'trust']);
/** Words of paying or owing before a person ("paid sarah back", "owe jake £10"), which take a given name that is no English word. */
const MONEY_CUES: ReadonlySet<string> = new Set(['paid', 'pay', 'repaid', 'owe', 'owes', 'owed', 'lent', 'lend', 'refunded', 'reimbursed']);
/** Fondness cues after which a word no lexicon knows is a name too, said by the writer ("i miss priya"). */
const MISSING: ReadonlySet<string> = new Set(['miss', 'missed']);
/** What comes right before such a cue when the writer says it ("i miss", "i really miss", "still missed"). */
const MISSER: ReadonlySet<string> = new Set(['i', 'really', 'still', 'so', 'just', 'already', 'honestly']);
/** Words that join a lower-case name to the next one ("with sarah and mike", "jen, ginny"). */
const NAME_JOINERS: ReadonlySet<string> = new Set(['and', '&', '+', ',']);
/** The lexicon's one-word places that are abbreviations or other languages' words ("para", "blvd", "cres"). */
const NOT_LOWER_CASE_PLACES: ReadonlySet<string> = new Set(['alta', 'ariz', 'blvd', 'colo', 'conn', 'cres', 'dist', 'kans', 'minn', 'nebr', 'okla', 'para', 'penn', 'sask', 'tenn', 'wisc']);
/** Whether a lower-case word the lexicon knows as a place is one as written: four letters or more ("den", "las" are not), or "nyc", "usa", "uk". */
const lowerCasePlace = (word: string): boolean => (word.length >= 4 && !NOT_LOWER_CASE_PLACES.has(word)) || word === 'nyc' || word === 'usa' || word === 'uk';
/** Words right before a place written in lower case ("flight to tokyo", "the hospital in phoenix"). */
const LOWER_PLACE_CUES: ReadonlySet<string> = new Set(['in', 'to', 'from', 'near', 'visiting', 'visited']);
/** Every cue of the four kinds above, tested first: most words of a text follow none (one lookup instead of four). */
const ANY_CUE: ReadonlySet<string> = new Set([...LOWER_NAME_CUES, ...LOWER_PLACE_CUES, ...FONDNESS_CUES, ...MONEY_CUES]);

/**
 * Names and places in text written all in lower case, which the tagger (reading capitals) passes over: a given
 * name of the lexicon right after a word that introduces a person ("my bf marco", "texted kevin", "with sarah", "me
 * and tyler", "grandad joe"; not "with grace"), or a word it does not know at all after a relation, a relative or a
 * verb of meeting ("my cousin oskar", "texted priya"; not a chat word: "my bf lol"), or either in brackets after a relation
 * or a role ("therapist (helen) says"), with the given names joined to it ("with sarah and mike"), a family by its surname
 * in the plural after "with the" ("with the hendersons"), and a place
 * of the lexicon or a town of towns.ts, one word or a known name of two or three ("new york", "kiel", "santa maria"),
 * right after "in", "to", "from", "near" or "visiting".
 */
export function lowerCaseNames(tokens: readonly Token[], labels: readonly string[]): PiiSpan[] {
  const rules = ruleLexicon();
  const phrases = knownPhrases();
  const out: PiiSpan[] = [];
  const lower = (j: number): boolean => labels[j] === 'O' && tokens[j]!.gap === ' ' && /^\p{Ll}+$/u.test(tokens[j]!.text);
  const givenName = (j: number): boolean => lower(j) && tokens[j]!.text.length >= 3 && rules.get(tokens[j]!.text) === 'first';
  /**
   * A lower-case word that may be a name the lexicon lacks (passed-over-names.ts's unknownWord), none of NO_NAME_WORDS, nor a
   * laugh ("hahaha"), nor a plural in -ies ("talking to aspies").
   */
  const unknownText = (word: string): boolean => unknownWord(word, rules) && !NO_NAME_WORDS.has(word) && !/^(?:ha|he|lo)+l?$/u.test(word) && !word.endsWith('ies');
  const unknownName = (j: number): boolean => lower(j) && unknownText(tokens[j]!.text);
  for (let i = 1; i < tokens.length; i++) {
    // The cue first: most words follow none (every cue is ASCII, so only an ASCII capital needs lower-casing).
    const before = tokens[i - 1]!.text;
    const initial = before.charCodeAt(0);
    // The shorthand "w/" reads as "with" ("drinks w/ tomás"), "me and" as a cue too ("me and tyler broke up"), "to"
    // after a verb of speaking or a bond ("engaged to ravi") and "into" after one of meeting by chance ("ran into jordan").
    const cue = before === '/' && tokens[i - 1]!.gap === '' && /^[wW]$/u.test(tokens[i - 2]?.text ?? '') ? 'with'
      : before === 'and' && /^[Mm]e$/u.test(tokens[i - 2]?.text ?? '') ? 'me and'
      : before === 'to' && TOLD_TO.has(tokens[i - 2]?.text.toLowerCase() ?? '') ? 'told to'
      : before === 'into' && RAN_INTO.has(tokens[i - 2]?.text.toLowerCase() ?? '') ? 'ran into'
      : initial >= 65 && initial <= 90 ? before.toLowerCase() : before;
    // A family by its surname of the lexicon in the plural after "with the" ("dinner with the hendersons").
    if (before === 'the' && tokens[i - 2]?.text.toLowerCase() === 'with' && lower(i) && /^\p{Ll}{3,}s$/u.test(tokens[i]!.text)
      && surnamePlural(tokens[i]!.text, rules)) {
      out.push({ type: 'PERSON', start: tokens[i]!.start, end: tokens[i]!.end, text: tokens[i]!.text, confidence: 0.6, source: 'rule:lower-case-name' });
      continue;
    }
    const word = tokens[i]!.text;
    // A name in brackets after what the person is to the writer ("therapist (helen) says", "my cousin (oskar)").
    if (before === '(' && SAID_RELATIONS.has(tokens[i - 2]?.text.toLowerCase() ?? '') && tokens[i + 1]?.text === ')' && labels[i] === 'O'
      && /^\p{Ll}+$/u.test(word) && (rules.get(word) === 'first' || unknownText(word))) {
      out.push({ type: 'PERSON', start: tokens[i]!.start, end: tokens[i]!.end, text: word, confidence: 0.6, source: 'rule:lower-case-name' });
      continue;
    }
    if (!ANY_CUE.has(cue) || !lower(i)) continue;
    // After a cue of fondness or money, a given name that is no English word; after "i miss", a word no list knows.
    const fond = ((FONDNESS_CUES.has(cue) || MONEY_CUES.has(cue)) && givenName(i) && !englishWords().has(word))
      || (MISSING.has(cue) && MISSER.has(tokens[i - 2]?.text.toLowerCase() ?? '') && unknownName(i) && !LOWER_NAME_CUES.has(word));
    // Two words no lexicon knows joined by "and" after "with" are two people ("drinks with priya and dev").
    const pair = cue === 'with' && unknownName(i) && tokens[i + 1]?.text === 'and' && labels[i + 1] === 'O' && (givenName(i + 2) || unknownName(i + 2));
    if ((fond || pair || (LOWER_NAME_CUES.has(cue) && (givenName(i) || (STRONG_CUES.has(cue) && unknownName(i))))) && !(cue === 'with' && WORDS_AFTER_WITH.has(word))) {
      out.push({ type: 'PERSON', start: tokens[i]!.start, end: tokens[i]!.end, text: word, confidence: 0.6, source: 'rule:lower-case-name' });
      // Given names joined to it: "with sarah and mike", "my cousins jen, ginny and bea".
      for (let j = i + 1; j + 1 < tokens.length && NAME_JOINERS.has(tokens[j]!.text); ) {
        const next = tokens[j]!.text === ',' && tokens[j + 1]!.text === 'and' ? j + 2 : j + 1;
        // A word the lexicon does not know joins only last, after "and" ("drinks with priya and dev").
        if (labels[next] !== 'O' || !(givenName(next) || (tokens[next - 1]!.text === 'and' && unknownName(next)))) break;
        out.push({ type: 'PERSON', start: tokens[next]!.start, end: tokens[next]!.end, text: tokens[next]!.text, confidence: 0.6, source: 'rule:lower-case-name' });
        i = next;
        j = next + 1;
      }
      continue;
    }
    if (!LOWER_PLACE_CUES.has(cue)) continue;
    // The longest known place or town of up to three lower-case words (a longer one only from a word that starts one).
    let last = (rules.get(word) === 'place' || townNames().has(word)) && lowerCasePlace(word) ? i : -1;
    if (placeStarts(phrases).has(word) || townFirstWords().has(word)) {
      for (let j = i + 1, value = word; j < Math.min(i + 3, tokens.length) && lower(j); j++) {
        value += ` ${tokens[j]!.text}`;
        if (phrases.get(value) === 'place' || townNames().has(value)) last = j;
      }
    }
    if (last === -1) continue;
    out.push({ type: 'LOCATION', start: tokens[i]!.start, end: tokens[last]!.end, text: tokens.slice(i, last + 1).map((t) => t.text).join(' '), confidence: 0.6, source: 'rule:lower-case-place' });
    i = last;
  }
  const more = [...subjectsAndTitled(tokens, labels, rules, unknownText), ...ownersAndTaken(tokens, labels, rules, unknownText)];
  return [...out, ...more, ...joinedToPeople(tokens, labels, [...out, ...more], unknownText)];
}

/** Words a clause in lower-case chat may open with before its subject ("omg priya got engaged", "and then ravi said"). */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(['omg', 'lol', 'ugh', 'wow', 'yay', 'aww', 'so', 'and', 'then', 'but', 'ok', 'okay', 'anyway', 'apparently']);

/** Whether token i opens its text, a line, a sentence or a clause after one of {@link CLAUSE_OPENERS}. */
function opensClause(tokens: readonly Token[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && CLAUSE_OPENERS.has(tokens[j]!.text.toLowerCase()) && tokens[j + 1]!.gap !== '\n') j--;
  return j < 0 || tokens[j + 1]!.gap === '\n' || /^[.!?…]+$/u.test(tokens[j]!.text);
}

/** Titles written in lower case before a surname ("mr o'neill", "mrs mcgregor"); not "miss", also a verb. */
const LOWER_TITLES: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'mx', 'dr', 'prof']);

/**
 * More names in lower case, on tokens the tagger left outside every entity: a given name of the lexicon that is no English
 * word, or a word neither the lexicon nor the English lists know that opens a sentence or a clause, before a verb of what
 * people do or "is"/"was" and what people are ("ugh jake texted me", "kayla is pregnant", "omg priya got engaged"; not
 * "mark said", "will is"), and the surname after a title in lower case, with its full stop or without, its "o'" or
 * "d'" with it ("emailed mr o'neill", "mrs mcgregor", "dr. nguyen": a word the lexicon knows as a given name or
 * surname, or one neither the lexicon nor the English word lists know).
 */
function subjectsAndTitled(tokens: readonly Token[], labels: readonly string[], rules: ReadonlyMap<string, string>, unknownText: (word: string) => boolean): PiiSpan[] {
  const out: PiiSpan[] = [];
  const english = englishWords();
  const plain = (j: number): boolean => labels[j] === 'O' && /^\p{Ll}+$/u.test(tokens[j]?.text ?? '') && tokens[j]!.gap !== '';
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.text;
    // A title or a word before a verb, and in lower case: most words are neither (the first character tells most of them).
    const first = word.charCodeAt(0);
    if (first < 97 || first > 122 || labels[i] !== 'O') continue;
    const subject = doesOrIs(tokens, i);
    if ((!subject && (word.length > 4 || !LOWER_TITLES.has(word))) || (!plain(i) && !(i === 0 && /^\p{Ll}+$/u.test(word)))) continue;
    if (subject && word.length >= 3 && ((rules.get(word) === 'first' && !english.has(word)) || (unknownText(word) && opensClause(tokens, i)))) {
      out.push({ type: 'PERSON', start: tokens[i]!.start, end: tokens[i]!.end, text: word, confidence: 0.6, source: 'rule:lower-case-name' });
      continue;
    }
    if (!LOWER_TITLES.has(word)) continue;
    // The title's full stop, if any ("dr. nguyen").
    const from = tokens[i + 1]?.text === '.' && tokens[i + 1]!.gap === '' && labels[i + 1] === 'O' ? i + 2 : i + 1;
    if (!plain(from)) continue;
    // "o'neill", "d'souza": the particle, the apostrophe and the name, written together.
    const particle = /^[od]$/u.test(tokens[from]!.text) && /^['’]$/u.test(tokens[from + 1]?.text ?? '') && tokens[from + 1]!.gap === '' && tokens[from + 2]?.gap === '';
    const at = particle ? from + 2 : from;
    const surname = tokens[at]?.text ?? '';
    const kind = rules.get(surname);
    // A surname the lexicon files as a place too ("dr. langley").
    if (labels[at] !== 'O' || surname.length < 2 || !/^\p{Ll}+$/u.test(surname) || !(kind === 'first' || kind === 'last' || (kind === 'place' && !englishWords().has(surname)) || unknownText(surname) || particle)) continue;
    out.push({ type: 'PERSON', start: tokens[from]!.start, end: tokens[at]!.end, text: tokens.slice(from, at + 1).map((t) => t.text).join(''), confidence: 0.6, source: 'rule:lower-case-name' });
    i = at;
  }
  return out;
}

/** Words for a relative or a loved one, which own things in a diary without being names ("bestie's wedding", "nan's birthday"). */
const OWNERS_NOT_NAMED: ReadonlySet<string> = new Set([
  ...STRONG_CUES, ...SAID_RELATIONS, 'bae', 'fam', 'wifey', 'hubby', 'mumma', 'mummy', 'mommy', 'daddy', 'hun', 'babe', 'bub', 'bubs', 'kiddo',
]);

/** The last words of the verbs of taking a child (passed-over-names.ts's pickedUp): "up" and "off" of "picked up", "dropped off". */
const TAKEN_BEFORE: ReadonlySet<string> = new Set([...TAKING_CUES, 'up', 'off']);

/** Where a child is taken to or fetched from, after "from", "at" or "to" ("picked up oscar from nursery"). */
const CHILD_PLACES: ReadonlySet<string> = new Set(['school', 'nursery', 'daycare', 'preschool', 'creche', 'crèche', 'practice', 'training', 'football', 'swimming', 'club', 'scouts', 'brownies', 'cubs', 'the']);

/**
 * Lower-case names the capitalised rules of passed-over-names.ts read with capitals, on tokens the tagger left outside
 * every entity: a given name or surname of the lexicon that is no English word, or a word neither the lexicon nor the
 * English lists know, owning a relative or a household thing ("kev's wedding", "priya's mum"); and a child taken or
 * fetched ("picked up noah", "dropped off oscar at nursery": a given name that is no English word, or any given name or
 * unknown word before "from", "at" or "to" and a place of {@link CHILD_PLACES}).
 */
function ownersAndTaken(tokens: readonly Token[], labels: readonly string[], rules: ReadonlyMap<string, string>, unknownText: (word: string) => boolean): PiiSpan[] {
  const out: PiiSpan[] = [];
  const english = englishWords();
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.text;
    const first = word.charCodeAt(0);
    if (first < 97 || first > 122 || labels[i] !== 'O' || (i > 0 && tokens[i]!.gap === '') || word.length < 3) continue;
    // The neighbours first, cheap: an apostrophe right after the word, or "up", "off" or a verb of taking right before it
    // (lower-cased only when it opens with a capital: "Dropped off").
    const after = tokens[i + 1];
    const apostrophe = after !== undefined && after.gap === '' && (after.text === "'" || after.text === '’');
    const before = i > 0 ? tokens[i - 1]!.text : '';
    if ((!apostrophe && !TAKEN_BEFORE.has(before) && !(before.charCodeAt(0) < 97 && TAKEN_BEFORE.has(before.toLowerCase()))) || !/^\p{Ll}+$/u.test(word)) continue;
    const kind = rules.get(word);
    const named = (kind === 'first' || kind === 'last') && !english.has(word);
    const owner = apostrophe && possessed(tokens, i) && !OWNERS_NOT_NAMED.has(word) && (named || unknownText(word));
    const taken = pickedUp(tokens, i) && (named || ((kind === 'first' || unknownText(word)) && /^(?:from|at|to)$/u.test(tokens[i + 1]?.text ?? '') && CHILD_PLACES.has(tokens[i + 2]?.text ?? '')));
    if (owner || taken) out.push({ type: 'PERSON', start: tokens[i]!.start, end: tokens[i]!.end, text: word, confidence: 0.6, source: 'rule:lower-case-name' });
  }
  return out;
}

/**
 * A lower-case word of three letters or more that neither the lexicon nor the English word lists know, joined by "and"
 * or "&" to a person the tagger read or one of `found`, or heading a list of them ("lunch with the girls - priya, mei
 * and jo": mei and jo are the tagger's), or to "his", "her" or "their" and a relation of theirs ("ravi and his cousin imran").
 */
function joinedToPeople(tokens: readonly Token[], labels: readonly string[], found: readonly PiiSpan[], unknownText: (word: string) => boolean): PiiSpan[] {
  const out: PiiSpan[] = [];
  // The people of `found`, indexed on first need (a long text may hold thousands: a scan per question was quadratic).
  let people: SpanIndex<PiiSpan> | undefined;
  const person = (j: number): boolean => {
    if (labels[j]?.endsWith('PERSON') === true) return true;
    const token = tokens[j];
    if (!token) return false;
    people ??= new SpanIndex(found.filter((s) => s.type === 'PERSON'));
    return people.overlapping(token.start, token.end).some((s) => s.start <= token.start && token.end <= s.end);
  };
  const and = (j: number): boolean => (tokens[j]?.text === 'and' || tokens[j]?.text === '&') && tokens[j]!.gap === ' ' && tokens[j + 1]?.gap === ' ';
  const comma = (j: number): boolean => tokens[j]?.text === ',' && tokens[j]!.gap === '' && tokens[j + 1]?.gap === ' ';
  // After the word: "and" and a person, or a comma and a person that goes on to "and" or a comma and another ("priya, mei and jo"),
  // or "and his", "her" or "their" and a relation before a person ("with ravi and his cousin imran").
  const theirs = (j: number): boolean => /^(?:his|her|their)$/u.test(tokens[j]?.text ?? '') && SAID_RELATIONS.has(tokens[j + 1]?.text ?? '') && person(j + 2);
  const before = (i: number): boolean => (and(i + 1) && (person(i + 2) || theirs(i + 2))) || (comma(i + 1) && person(i + 2) && (and(i + 3) || comma(i + 3)) && person(i + 4));
  // Before it: a person and "and", or a list of people ending in "and" ("mei, jo and priya").
  const after = (i: number): boolean => i >= 2 && and(i - 1) && person(i - 2);
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.text;
    // The joiner first: most words have none beside them.
    if (labels[i] !== 'O' || !(and(i + 1) || comma(i + 1) || (i >= 2 && and(i - 1))) || !/^\p{Ll}{3,}$/u.test(word) || !unknownText(word) || person(i)) continue;
    if (before(i) || after(i)) {
      out.push({ type: 'PERSON', start: tokens[i]!.start, end: tokens[i]!.end, text: word, confidence: 0.6, source: 'rule:lower-case-name' });
    }
  }
  return out;
}

const placeStartSets = new WeakMap<ReadonlyMap<string, string>, ReadonlySet<string>>();
/** The first words of the known places of several words ("new" of "new york"), built once. */
function placeStarts(phrases: ReadonlyMap<string, string>): ReadonlySet<string> {
  let starts = placeStartSets.get(phrases);
  if (!starts) {
    starts = new Set([...phrases].flatMap(([phrase, kind]) => (kind === 'place' ? [phrase.slice(0, phrase.indexOf(' '))] : [])));
    placeStartSets.set(phrases, starts);
  }
  return starts;
}
