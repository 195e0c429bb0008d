import { CHAT_ABBREVIATIONS } from './abbreviations.js';
import { englishWords } from './english-words.js';

/**
 * What makes a word a possible name where the lexicon does not say it is one (passed-over-names.ts and
 * lower-case-names.ts read names by it): unknown to the lexicon and the English word lists, or known to the lexicon
 * only as a word that no English list has; and past tenses of ordinary words, which are no names.
 */

/** Contractions written without their apostrophe, which the lexicon does not know. */
const CONTRACTIONS: ReadonlySet<string> = new Set([
  'ive', 'ill', 'id', 'im', 'youre', 'youve', 'theyre', 'theyve', 'weve', 'dont', 'didnt', 'doesnt', 'cant', 'couldnt',
  'wont', 'wouldnt', 'shouldnt', 'isnt', 'wasnt', 'arent', 'werent', 'hasnt', 'havent', 'hadnt', 'thats', 'theres', 'whats',
  'hes', 'shes', 'lets', 'yall',
]);

/**
 * Endings of English adverbs, abstract nouns and adjectives, which the lexicon often lacks ("socialism", "useless",
 * "positivity", "cryptocurrency"). Of the nouns in -ty and -cy only those of an abstract noun's form: given names end in
 * the others ("Kirsty", "Hetty", "Monty", "Percy").
 */
const NOT_NAME_ENDING = /(?:ly|ism|ist|ity|ety|lty|fty|ness|ment|tion|sion|ance|ence|ancy|ency|acy|ure|ful|less|ous|ive|ing|ed|er|ry|al|ics|ship|hood|dom)$/u;

/**
 * Whether a word ending in "s" is the plural of a word with an ordinary word's ending or of one the lexicon knows
 * ("Reflections", "Apples"): not when the "s" follows a consonant and "y" ("Cerys", "Glenys", "Dilys"), whose plural
 * English writes with "ies".
 */
function ordinaryPlural(lower: string, rules: ReadonlyMap<string, string>): boolean {
  if (!lower.endsWith('s') || /[^aeiou]ys$/u.test(lower)) return false;
  const stem = lower.slice(0, -1);
  return rules.get(stem) !== undefined || NOT_NAME_ENDING.test(stem);
}

/**
 * Whether a lower-cased word may be a name the lexicon lacks: the lexicon does not know it, it has three letters or
 * more, no ending of an ordinary word ("Honestly", "Socialism"), is no contraction written without its apostrophe
 * ("Ive"), no plural of a word the lexicon knows or of one with such an ending ("Reflections"), and no ordinary
 * English word (english-words.ts: "therapy", "parcel", which the lexicon lacks).
 */
export function unknownWord(lower: string, rules: ReadonlyMap<string, string>): boolean {
  return !rules.has(lower) && lower.length >= 3 && !NOT_NAME_ENDING.test(lower) && !CONTRACTIONS.has(lower)
    && !ordinaryPlural(lower, rules)
    && !englishWords().has(lower);
}

/**
 * Whether a lower-cased word in -er that {@link unknownWord} rules out by its ending may still be a given name: four to
 * seven letters, unknown to the lexicon and the English word lists, and its stem without "er", or with "e" for it, no word
 * of either ("skyler", "ryder", "xander"; not "stormtrooper", too long, nor "asher", "ash" being a word, nor "baker"). Read as a name only before a verb of
 * what people do (passed-over-names.ts: "Skyler came out to us").
 */
export function givenNameInEr(lower: string, rules: ReadonlyMap<string, string>): boolean {
  if (!lower.endsWith('er') || lower.length < 4 || lower.length > 7 || rules.has(lower)) return false;
  const english = englishWords();
  const stem = lower.slice(0, -2);
  return !english.has(lower) && !english.has(stem) && !rules.has(stem) && !english.has(`${stem}e`) && !rules.has(`${stem}e`);
}

/** Words of the lexicon that are no name: chat words and interjections ("lol", "argh", "shhh"; and CHAT_ABBREVIATIONS). */
const NOT_NAME_WORDS = /^(?:lols|etc|esp|cos|coz|cuz|min|msg|pls|plz|prob|approx|misc|def|haha|hahaha|ahh|ohh|eep|eww|gah|grr|argh|sheesh|shhh|mmm|pff|ooo|cmon|holla|hooyah|booya|cowabunga|damnit|hella|doin|nite|nites|oughta|shant|eng|inf|exp|pref|situ|sapien|offline)$/u;

/**
 * Whether a lower-cased word is one the lexicon knows only as a word of its own while the English word lists do not
 * have it: mostly names that are also a sign, a people or a brand ("leo", "finn", "maya", "rex"), read as a name only
 * where {@link unknownWord} would be ("Leo was sick today", "Dropped Finn at nursery").
 */
export function nameOnlyWord(lower: string, rules: ReadonlyMap<string, string>): boolean {
  // The English lists first: most capitalised words the lexicon knows as words are English ("The", "This").
  const english = englishWords();
  return rules.get(lower) === 'word' && !english.has(lower) && lower.length >= 3 && !english.has(lower.replace(/s$/u, ''))
    && !NOT_NAME_ENDING.test(lower) && !NOT_NAME_WORDS.test(lower) && !CHAT_ABBREVIATIONS.has(lower.toUpperCase());
}

/**
 * Whether a word ending in "ed" is the past tense of an ordinary word of the lexicon: "walked" (walk),
 * "texted" (text), "hugged" (hug), "loved" (love); not a name such as "Alfred" or "Mohamed".
 */
export function ordinaryStem(lower: string, lexicon: ReadonlyMap<string, string>): boolean {
  const stem = lower.slice(0, -2);
  const doubled = /(\p{L})\1$/u.test(stem) ? stem.slice(0, -1) : undefined;
  return [stem, `${stem}e`, doubled].some((s) => s !== undefined && lexicon.get(s) === 'word') && lexicon.get(lower) !== 'first' && lexicon.get(lower) !== 'last';
}
