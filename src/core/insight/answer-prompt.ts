import { sanitizeForContext } from '../../security/injection/index.js';
import type { ModelItem } from './model-context.js';
import type { CallPrompt } from './reflection-prompts.js';

/** What the model must reply when the entries do not answer the question. */
export const NO_ANSWER = 'The journal does not say.';

/** The prompt for answering a question from retrieved entries only, citing their dates. */
export function answerPrompt(question: string, items: readonly ModelItem[]): CallPrompt {
  const entries = sanitizeForContext(items.map((i) => `[${i.date}]\n${i.text}`).join('\n\n'), { label: 'entries' });
  const asked = sanitizeForContext(question, { label: 'question' });
  return {
    system: 'You answer questions about a person\'s private journal using only the entries given. Never use outside '
      + `knowledge, never guess, no advice, no diagnosis. ${entries.systemNote} ${asked.systemNote}`,
    prompt: `Entries, each starting with its date:\n${entries.content}\n\nQuestion:\n${asked.content}\n\n`
      + 'Answer in at most 4 sentences, speaking to the writer as "you". After each statement cite the date of the entry it comes '
      + `from in square brackets, like [2024-05-08]. If the entries do not answer the question, reply exactly: ${NO_ANSWER}`,
  };
}
