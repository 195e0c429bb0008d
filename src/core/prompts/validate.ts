import { countWords } from '../entry.js';

/** Outcome of checking a model-written prompt: the cleaned prompt, or why it was refused. */
export type PromptCheck = { ok: true; prompt: string } | { ok: false; reason: string };

/** Most words a model-written prompt may have (exclusive). */
export const MAX_PROMPT_WORDS = 25;

/**
 * Check a prompt written by a model: after trimming whitespace and wrapping quotes it must be one question
 * (a single question mark, at the end, and no other sentence), under 25 words, with no control characters.
 */
export function validateModelPrompt(text: string): PromptCheck {
  const prompt = text.trim().replace(/^["'“”‘’]+|["'“”‘’]+$/g, '').trim();
  if (prompt.length === 0) return { ok: false, reason: 'empty' };
  if (/\p{Cc}/u.test(prompt)) return { ok: false, reason: 'control characters' };
  if (!prompt.endsWith('?')) return { ok: false, reason: 'not a question' };
  if ((prompt.match(/\?/g) ?? []).length !== 1) return { ok: false, reason: 'more than one question' };
  if (/[.!;](\s|$)/.test(prompt.slice(0, -1))) return { ok: false, reason: 'more than one sentence' };
  const words = countWords(prompt);
  if (words >= MAX_PROMPT_WORDS) return { ok: false, reason: `too long (${words} words)` };
  return { ok: true, prompt };
}
