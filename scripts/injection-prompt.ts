/**
 * The embedding layer's sentence-level prompt-likeness model (src/security/injection/prompt-contrast.ts):
 * trained on one training part, and the off-topic request contrast of held-out texts.
 */
import type { CorpusItem } from '../benchmarks/security/injection-corpus.js';
import { normalizeForDetection } from '../src/security/injection/normalize.js';
import { documentSentences, promptContrast, sentencesOf, type PromptLikeness } from '../src/security/injection/prompt-contrast.js';
import { embedCorpus } from './injection-embed-cache.js';
import { trainLogistic } from './injection-train-core.js';

/** Sources whose texts are prompts addressed to an assistant, whatever their label. */
const PROMPT_SOURCES = ['deepset', 'notinject', 'jailbreaks'];

/**
 * Trains the prompt-likeness model on `items`: whole prompts (deepset of both labels, NotInject, jailbreaks)
 * against data (GoEmotions comments and the sentences of clean e-mails), each of the three groups with the
 * same total weight. No attack planted in an e-mail is used, so the model never sees an indirect injection.
 */
export async function trainPromptLikeness(items: readonly CorpusItem[], seed: number, l2: number): Promise<PromptLikeness> {
  const prompts = items.filter((it) => PROMPT_SOURCES.includes(it.source)).map((it) => it.text);
  const comments = items.filter((it) => it.source === 'goemotions').map((it) => it.text);
  const emailSentences = [...new Set(items.filter((it) => it.source === 'bipia-clean-email').flatMap((it) => sentencesOf(normalizeForDetection(it.text).text)))];
  const groups = [prompts, comments, emailSentences];
  const vecs = await embedCorpus(groups.flat(), false);
  const ys = groups.flatMap((g, k) => g.map(() => (k === 0 ? 1 : 0)));
  const sw = groups.flatMap((g) => g.map(() => 1000 / Math.max(1, g.length)));
  const dense = (v: Float32Array): { indices: Int32Array; values: Float32Array } => ({ indices: Int32Array.from(v, (_, i) => i), values: v });
  const m = trainLogistic(vecs.map(dense), ys, sw, { dim: vecs[0]?.length ?? 512, epochs: 12, lr: 0.01, l2, seed });
  return { weights: m.weights, bias: m.bias };
}

/** Each text's off-topic request contrast under `model` (0 for prompt-sized texts), as detectInjectionDeep computes it. */
export async function promptContrasts(texts: readonly string[], model: PromptLikeness): Promise<number[]> {
  const sentences = texts.map((t) => documentSentences(normalizeForDetection(t).text));
  const flat = sentences.flat();
  const vecs = flat.length ? await embedCorpus(flat, false) : [];
  let at = 0;
  return sentences.map((s) => {
    const v = vecs.slice(at, at + s.length);
    at += s.length;
    return promptContrast(v, model).contrast;
  });
}
