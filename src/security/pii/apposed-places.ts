import { FIRM_WORD } from './employer-names.js';
import { englishWords } from './english-words.js';
import { CALENDAR, ORDINARY_CLASSES, ruleLexicon } from './gazetteer.js';
import { FUNCTION_WORDS, SAID_RELATIONS } from './name-cues.js';
import type { Token } from './tokenize.js';
import type { PiiSpan, PiiType } from './types.js';

/**
 * Places and businesses named between commas right after the word for what they are ("Mum's care home, Oakwood Lodge,
 * called", "My gym, PureGym Walthamstow, is closing", "our local, the Fox and Hounds,"), which the tagger passes over: a
 * diary names them the way it names a person after a role ("the plumber, Zbigniew,", passed-over-names.ts).
 */

/** The words for a place or a business a name follows between commas, and the type of that name. */
const APPOSED_KINDS: ReadonlyMap<string, PiiType> = new Map<string, PiiType>([
  ...['home', 'estate', 'village', 'town', 'neighbourhood', 'neighborhood', 'area', 'building', 'street', 'road', 'local'].map((w): [string, PiiType] => [w, 'LOCATION']),
  ...[
    'hospital', 'hospice', 'school', 'nursery', 'surgery', 'practice', 'clinic', 'gym', 'church', 'mosque', 'temple', 'synagogue',
    'gurdwara', 'hotel', 'pub', 'restaurant', 'café', 'cafe', 'bar', 'salon', 'shop', 'company', 'firm', 'employer', 'charity',
    'bank', 'agency', 'college', 'uni', 'university', 'club', 'team', 'band', 'startup', 'landlord', 'insurer', 'provider',
  ].map((w): [string, PiiType] => [w, 'ORGANIZATION']),
]);

/** Words that make the noun someone's or a particular one, up to two words before it ("Mum's care home", "my old gym"). */
const DETERMINERS: ReadonlySet<string> = new Set(['the', 'my', 'our', 'your', 'his', 'her', 'their', 's']);

/** Words inside a name between commas besides capitalised ones ("the Fox and Hounds", "Marks & Spencer", "Bank of Ireland"). */
const INNER_WORDS: ReadonlySet<string> = new Set(['and', '&', 'of', 'the', 'on']);

/**
 * Names between commas after a word of {@link APPOSED_KINDS} that "the", a possessive or "my" (up to two words before
 * it) makes a particular one: one to five words, capitalised but for "and", "&", "of", "the" inside, none of them read by
 * the tagger, then a comma, a full stop or the end of the text ("Mum's care home, Oakwood Lodge, called"). Not a name the
 * lexicon knows as an ordinary word, a day or a relative ("At the school, Monday was chaos", "the home, Mum said,"), nor a
 * function word ("the gym, I think,"); one word alone is no English word ("The pub, Honestly, was dead").
 */
export function placesInApposition(tokens: readonly Token[], labels: readonly string[]): PiiSpan[] {
  const lexicon = ruleLexicon();
  const out: PiiSpan[] = [];
  for (let i = 1; i + 2 < tokens.length; i++) {
    if (tokens[i + 1]!.text !== ',' || tokens[i + 1]!.gap !== '') continue;
    const type = APPOSED_KINDS.get(tokens[i]!.text);
    if (!type) continue;
    const owned = [i - 1, i - 2].some((j) => j >= 0 && DETERMINERS.has(tokens[j]!.text.toLowerCase()));
    if (!owned) continue;
    // A name may open with "the" ("our local, the Fox and Hounds,"), which is no part of it.
    const first = /^the$/iu.test(tokens[i + 2]!.text) && tokens[i + 2]!.gap === ' ' ? i + 3 : i + 2;
    if (first >= tokens.length || tokens[first]!.gap !== ' ' || labels[first] !== 'O' || !FIRM_WORD.test(tokens[first]!.text)) continue;
    const last = nameEnd(tokens, labels, first);
    const after = tokens[last + 1];
    if (after !== undefined && !(after.gap === '' && /^[,.;:!?)]$/u.test(after.text))) continue;
    if (!plausibleName(tokens, first, last, lexicon)) continue;
    out.push(nameSpan(tokens, first, last, type, 'rule:apposed-place'));
    i = last;
  }
  return out;
}

/**
 * The last token of a name of one to six words from `first` (which the caller checked is a capitalised word the tagger
 * did not read) on its line: capitalised words the tagger did not read either, "and", "&", "of", "the", "on" inside, a
 * possessive's apostrophe and "s" ("St Anne's").
 */
function nameEnd(tokens: readonly Token[], labels: readonly string[], first: number): number {
  let last = first;
  for (let j = first + 1; j < tokens.length && j - first < 6 && tokens[j]!.gap !== '\n' && labels[j] === 'O'; j++) {
    const word = tokens[j]!.text;
    if (FIRM_WORD.test(word) && tokens[j]!.gap === ' ') last = j;
    else if (tokens[j]!.gap === '' && (/^['’]$/u.test(word) || (word === 's' && /^['’]$/u.test(tokens[j - 1]!.text)))) last = word === 's' ? j : last;
    else if (!INNER_WORDS.has(word.toLowerCase())) break;
  }
  return last;
}

/**
 * Whether tokens first..last may be a name: not a function word or a day, and one word alone is no ordinary word of the
 * lexicon, no relative and no English word ("the home, Mum said,", "a town called Hope").
 */
function plausibleName(tokens: readonly Token[], first: number, last: number, lexicon: ReadonlyMap<string, string>): boolean {
  const lower = tokens[first]!.text.toLowerCase();
  if (first === last && (ORDINARY_CLASSES.has(lexicon.get(lower) ?? '') || SAID_RELATIONS.has(lower) || englishWords().has(lower))) return false;
  return !FUNCTION_WORDS.has(lower) && !CALENDAR.has(lower);
}

function nameSpan(tokens: readonly Token[], first: number, last: number, type: PiiType, source: string): PiiSpan {
  const text = tokens.slice(first, last + 1).map((t, k) => (k ? t.gap : '') + t.text).join('');
  return { type, start: tokens[first]!.start, end: tokens[last]!.end, text, confidence: 0.6, source };
}

/** {@link DETERMINERS} and the indefinite article ("a village called", "an estate called"). */
const CALLED_DETERMINERS: ReadonlySet<string> = new Set([...DETERMINERS, 'a', 'an', 'this', 'that']);

/** Words for a place a name follows after "called" besides {@link APPOSED_KINDS}' ("a hamlet called Nether Wallop"). */
const CALLED_PLACES: ReadonlySet<string> = new Set(['city', 'hamlet', 'suburb', 'island', 'farm', 'valley', 'district', 'county']);

/**
 * Places and businesses named after "called" or "named" right after the word for what they are, "is" or "was" between or
 * not ("I grew up in a village called Little Snoring", "a cafe called Bean There", "a startup named Flowly"), which the
 * tagger passes over: the name as {@link placesInApposition} reads one, with an article or a possessive up to two words
 * before the noun ("a", "the", "my"); the type by the noun.
 */
export function placesCalled(tokens: readonly Token[], labels: readonly string[]): PiiSpan[] {
  const lexicon = ruleLexicon();
  const out: PiiSpan[] = [];
  for (let i = 2; i + 1 < tokens.length; i++) {
    const cue = tokens[i]!.text;
    if ((cue !== 'called' && cue !== 'named') || tokens[i]!.gap !== ' ') continue;
    const noun = /^(?:is|was)$/u.test(tokens[i - 1]!.text) ? i - 2 : i - 1;
    const kind = tokens[noun]!.text.toLowerCase();
    const type = APPOSED_KINDS.get(kind) ?? (CALLED_PLACES.has(kind) ? 'LOCATION' : undefined);
    if (!type || ![noun - 1, noun - 2].some((j) => j >= 0 && CALLED_DETERMINERS.has(tokens[j]!.text.toLowerCase()))) continue;
    const first = /^the$/iu.test(tokens[i + 1]!.text) && i + 2 < tokens.length && tokens[i + 2]!.gap === ' ' ? i + 2 : i + 1;
    if (tokens[first]!.gap !== ' ' || labels[first] !== 'O' || !FIRM_WORD.test(tokens[first]!.text)) continue;
    const last = nameEnd(tokens, labels, first);
    if (!plausibleName(tokens, first, last, lexicon)) continue;
    out.push(nameSpan(tokens, first, last, type, 'rule:place-called'));
    i = last;
  }
  return out;
}
