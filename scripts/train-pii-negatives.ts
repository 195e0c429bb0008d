/** Which GoEmotions comments may serve as all-O training negatives for the PII tagger (used by train-pii-tagger.ts). */
import { gazetteer } from '../src/security/pii/gazetteer.js';
import { tokenize } from '../src/security/pii/tokenize.js';

/** Gazetteer classes of ordinary words (job and role nouns such as "Teacher" among them). */
const ORDINARY: ReadonlySet<string> = new Set(['word', 'date', 'actor']);
/** Gazetteer classes of names, places and organisations. */
const NAMED: ReadonlySet<string> = new Set(['first', 'last', 'place', 'org', 'nrp', 'honorific']);
const SENTENCE_END: ReadonlySet<string> = new Set(['.', '!', '?', ':', ';', '…']);

/**
 * True when a comment is safe to label all-O: it has no masked name ("[NAME]", whose context is a name's
 * context), no capitalised word inside a sentence that is not an ordinary dictionary word (an unmasked
 * name or place such as "New Orleans"), no all-capital abbreviation ("NJ", "US") and no sentence opener
 * the gazetteer knows as a name or place. What such comments still teach is that a capitalised sentence
 * opener or an exclamation ("Geez", "Honestly") is not a name.
 */
export function cleanNegative(text: string): boolean {
  if (text.includes('[NAME]')) return false;
  const lexicon = gazetteer();
  const tokens = tokenize(text);
  let sentenceStart = true;
  for (const tok of tokens) {
    const word = tok.text;
    if (tok.gap === '\n') sentenceStart = true;
    if (/^\p{Lu}/u.test(word) && word !== 'I') {
      const cls = lexicon.get(word.toLowerCase()) ?? '';
      if (NAMED.has(cls)) return false;
      if (word.length > 1 && word === word.toUpperCase()) return false;
      if (!sentenceStart && !ORDINARY.has(cls)) return false;
    }
    if (/[\p{L}\p{N}]/u.test(word)) sentenceStart = false;
    else if (SENTENCE_END.has(word)) sentenceStart = true;
  }
  return true;
}
