import { tagText } from './theme-tagger.js';
import { GENERIC_NOUNS, NON_ACTIVITY_GERUNDS, PLACE_WORDS, RELATION_WORDS } from './theme-words.js';

/** What a theme is: a person, a place, something done, or a subject. */
export type { ThemeKind } from './theme-format.js';
import type { ThemeKind } from './theme-format.js';

/** A possible theme found in one text: normalised key, display label, kind and how often it occurs. */
export interface ThemeCandidate {
  key: string;
  label: string;
  kind: ThemeKind;
  count: number;
}

/** A tagged word as theme extraction reads it (compromise's term shape, so either tagger can feed it). */
export interface Term {
  text: string;
  normal: string;
  post: string;
  /** Part-of-speech tags; may be shared with other terms, so replaced rather than changed. */
  tags: ReadonlySet<string>;
}

/** Words after which a plain verb form is a noun ("the divorce"); "that" and "her" are left out as too ambiguous. */
const NOUN_DETERMINERS = new Set(['the', 'a', 'an', 'my', 'your', 'his', 'our', 'their']);

/**
 * Fixes to the lexicon-and-rules tags that theme extraction relies on (compromise leaves them to its slower
 * match-correction pass): a plain verb form right after a determiner is a noun ("the divorce", "my runs"); a
 * capitalised noun inside a sentence is a proper noun; a noun ending in 's is possessive.
 */
function refineTags(terms: Term[]): void {
  let sentenceStart = true;
  let afterDeterminer = false;
  for (const term of terms) {
    const plainVerb = term.tags.has('Infinitive') || term.tags.has('PresentTense');
    if (afterDeterminer && plainVerb && !term.tags.has('Auxiliary') && !term.tags.has('Copula') && !term.tags.has('Modal')) {
      term.tags = new Set(['Noun', /s$/.test(term.normal) ? 'Plural' : 'Singular']);
    }
    afterDeterminer = NOUN_DETERMINERS.has(term.normal) && !/[.,;:!?]/.test(term.post);
    if (term.tags.has('Noun')) {
      const proper = !sentenceStart && !term.tags.has('ProperNoun') && /^\p{Lu}/u.test(term.text) && !term.tags.has('Pronoun');
      const possessive = !term.tags.has('Possessive') && /['’]s$/u.test(term.text);
      if (proper || possessive) {
        const tags = new Set(term.tags);
        if (proper) tags.add('ProperNoun');
        if (possessive) tags.add('Possessive');
        term.tags = tags;
      }
    }
    sentenceStart = /[.!?…\n]/u.test(term.post);
  }
}

/** Possessive determiners that start a noun phrase but are not part of its theme. */
const DETERMINERS = new Set(['my', 'your', 'his', 'her', 'our', 'their', 'its', 'the', 'a', 'an', 'this', 'that']);

/** Singular form of a plural common noun, by spelling rules ("parties" → "party", "walks" → "walk"). */
function singular(word: string): string {
  if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (/s$/.test(word) && word.length > 3) return word.slice(0, -1);
  return word;
}

function cleanWord(term: Term): string {
  return term.normal.replace(/[^\p{L}\p{N}' -]/gu, '').replace(/['’]s$/, '').trim();
}

function displayWord(term: Term): string {
  return term.text.replace(/[^\p{L}\p{N}' -]/gu, '').replace(/['’]s$/, '').trim();
}

/** Words after which an unknown capitalised name is a person ("with Priya", "texted Oluwaseun"). */
const BEFORE_PERSON = new Set([
  'with', 'met', 'saw', 'called', 'texted', 'told', 'visited', 'asked', 'hugged', 'messaged', 'emailed', 'phoned',
  'thanked', 'miss', 'missed', 'love', 'loved', 'and', 'for', 'to',
]);

function kindOfPhrase(words: Term[], before: string): ThemeKind | null {
  const has = (tag: string) => words.some((w) => w.tags.has(tag));
  if (has('Pronoun') || has('Date') || has('Value') || has('Month') || has('WeekDay')) return null;
  if (has('Person') || has('FirstName') || has('LastName')) return 'person';
  if (has('Place') || has('City') || has('Country') || has('Region')) return 'place';
  const unknownName = words.every((w) => w.tags.has('ProperNoun') && !w.tags.has('Organization') && /^\p{Lu}/u.test(w.text));
  if (unknownName && BEFORE_PERSON.has(before)) return 'person';
  return 'topic';
}

/**
 * Find theme candidates in a text: named people and relations ("Sarah", "mum"), places (named, or kinds such as
 * "the gym"), activities (gerunds such as "running"), and topics (noun phrases such as "job offer"). Generic
 * nouns ("today", "thing") are left out. Words are tagged by the compromise-derived lexicon in theme-tagger.ts.
 */
export function themeCandidates(text: string): ThemeCandidate[] {
  return candidatesFromTerms(tagText(text));
}

/** Theme candidates from already tagged terms (the tags are refined in place first). */
export function candidatesFromTerms(terms: Term[]): ThemeCandidate[] {
  refineTags(terms);
  const found = new Map<string, ThemeCandidate>();
  const add = (kind: ThemeKind, label: string) => {
    const key = label.toLowerCase();
    if (key.length < 3 || GENERIC_NOUNS.has(key)) return;
    const id = `${kind}:${key}`;
    const existing = found.get(id);
    if (existing) existing.count += 1;
    else found.set(id, { key, label, kind, count: 1 });
  };

  let phrase: Term[] = [];
  let before = '';
  let previous = '';
  const flush = () => {
    if (phrase.length === 0) return;
    const taken = phrase;
    phrase = [];
    const kind = kindOfPhrase(taken, before);
    const words = taken.map(cleanWord).filter((w) => w.length > 0);
    if (kind === null || words.length === 0) return;
    if (kind === 'topic') {
      const lastTerm = taken[taken.length - 1];
      const lastWord = words[words.length - 1] ?? '';
      const last = lastTerm?.tags.has('Plural') ? singular(lastWord) : lastWord;
      const joined = [...words.slice(0, -1), last].join(' ');
      const proper = taken.some((t) => t.tags.has('ProperNoun'));
      const label = proper ? taken.map(displayWord).join(' ') : joined;
      if (RELATION_WORDS.has(last) && words.length === 1) add('person', last);
      else if (PLACE_WORDS.has(joined) || PLACE_WORDS.has(last)) add('place', label);
      else add('topic', label);
    } else {
      add(kind, taken.map(displayWord).filter((w) => w.length > 0).join(' '));
    }
  };

  for (const term of terms) {
    const tags = term.tags;
    if (phrase.length === 0) before = previous;
    previous = term.normal;
    if (tags.has('Gerund')) {
      flush();
      const word = cleanWord(term);
      if (!NON_ACTIVITY_GERUNDS.has(word)) add('activity', word);
      continue;
    }
    const isNoun = tags.has('Noun') && !tags.has('Pronoun') && !DETERMINERS.has(term.normal);
    if (isNoun) {
      phrase.push(term);
      if (/[.,;:!?()]/.test(term.post) || tags.has('Possessive') || phrase.length >= 3) flush();
    } else {
      flush();
    }
  }
  flush();
  return [...found.values()];
}
