/**
 * Rewrites that stop VADER from scoring words used without feeling. The lexicon rates "like" as liking and
 * "well" as wellness, but in everyday writing "it feels like rain" and "Well, we'll see" carry no feeling.
 * Each rewrite replaces one word by one neutral word, so VADER's negation and booster windows keep their
 * positions.
 */

/** Words after which "like" means liking ("I like", "really like", "would like", "don't like"). */
const LIKING_CONTEXT = new Set([
  'i', 'we', 'you', 'they', 'he', 'she', 'who', 'people', 'really', 'truly', 'actually', 'also', 'still', 'just',
  'do', 'does', 'did', 'would', "i'd", "we'd", "you'd", 'to', 'not', "don't", 'dont', "didn't", "doesn't",
  'definitely', 'kinda', 'totally', 'genuinely', 'always', 'never', 'might', 'will', "'d",
]);

/** Replace "like" used as a comparison or filler ("feels like", "like a", "is like") by a neutral word. */
function neutraliseComparisonLike(sentence: string): string {
  const tokens = sentence.split(/(\s+)/);
  let previous = '';
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] ?? '';
    if (/^\s*$/.test(token)) continue;
    const bare = token.toLowerCase().replace(/[^a-z']/g, '');
    if (bare === 'like' && !LIKING_CONTEXT.has(previous)) tokens[i] = token.replace(/like/i, 'akin');
    previous = bare;
  }
  return tokens.join('');
}

/** Replace a sentence-opening "Well," (a pause, not wellness) by a neutral word. */
function neutraliseOpeningWell(sentence: string): string {
  return sentence.replace(/^(\W*)well\b(?=\s*[,.…-])/i, '$1so');
}

/** Apply the discourse rewrites to one sentence. */
export function neutraliseDiscourseWords(sentence: string): string {
  return neutraliseOpeningWell(neutraliseComparisonLike(sentence));
}

/** Factor applied to the score of a sentence that is a question: asking about a feeling is not having it. */
export const QUESTION_DAMPING = 0.5;

/** Whether a sentence is a question (ends with a question mark, ignoring closing quotes and emoji). */
export function isQuestion(sentence: string): boolean {
  return /\?[\s"'”’)\]]*$/u.test(sentence);
}
