import { randomBytes } from 'node:crypto';
import { Batcher } from '../../inference/batcher.js';
import { generateEach } from '../../providers/batch.js';
import type { AIProvider, BatchOutcome, BatchPrompt } from '../../providers/types.js';
import { sanitizeForContext } from '../../security/injection/index.js';

/** One entry to analyse: its id and the text the model may see (already redacted where policy says so). */
export interface ThemeItem {
  id: string;
  text: string;
}

/** An entry's themes and where they came from: the model, or the builtin analyzer when the model's answer was unusable. */
export interface EntryThemes {
  id: string;
  themes: string[];
  source: 'model' | 'builtin';
}

/** How model themes are asked for. */
export interface ModelThemesOptions {
  /** Entries generated together (`performance.max_batch_size`, default 8). */
  maxBatchSize?: number;
  /** Token limit of each answer (default 32). */
  maxTokens?: number;
  /** Wall-clock limit per batch call. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /**
   * Data-boundary nonce of the run (default: random per call). Calls that continue one run over more entries
   * pass the same one, so a local model keeps the instructions evaluated on every sequence between calls.
   */
  nonce?: string;
}

const MAX_THEMES = 3;
const THEME = /^[a-z][a-z'-]*(?: [a-z][a-z'-]*){0,2}$/;

/**
 * The prompt asking for up to three themes of one entry on one line. `nonce` fixes the data boundary for a
 * whole run, so the system part is the same for every entry (a local model keeps it evaluated once per
 * sequence) while staying unpredictable to the entry's author.
 */
export function themesPrompt(text: string, nonce: string): BatchPrompt {
  const wrapped = sanitizeForContext(text, { label: 'entry', nonce });
  return {
    system: `You name the themes of one private journal entry. ${wrapped.systemNote} `
      + 'Answer with one line: "Themes: " followed by one to three themes separated by commas, each one to three lowercase words '
      + 'that the entry is about (for example "Themes: work, sleep, family"). Nothing else.',
    prompt: `${wrapped.content}\n\nThemes:`,
  };
}

/** The themes of a model's answer in the strict one-line format, or null when it does not follow it. */
export function parseThemes(answer: string): string[] | null {
  const line = answer.trim().split('\n')[0]?.trim() ?? '';
  const body = line.replace(/^themes:\s*/i, '').replace(/\.$/, '');
  if (!body) return null;
  const themes = [...new Set(body.split(',').map((t) => t.trim().toLowerCase()))];
  if (themes.length === 0 || themes.length > MAX_THEMES) return null;
  return themes.every((t) => t.length <= 40 && THEME.test(t)) ? themes : null;
}

/**
 * Asks a generative provider for up to three themes per entry, sending the entries through a Batcher
 * `maxBatchSize` at a time (one `generateBatch` per batch). Every answer is validated; an entry whose answer
 * is unusable, or all of them when the provider fails, gets `fallback(text)` (the builtin analyzer's themes)
 * instead. Results in input order. Never logs entry text.
 */
export async function modelThemes(provider: AIProvider, items: readonly ThemeItem[], fallback: (text: string) => string[], options: ModelThemesOptions = {}): Promise<EntryThemes[]> {
  const nonce = options.nonce ?? randomBytes(6).toString('hex');
  const call = { maxTokens: options.maxTokens ?? 32, temperature: 0, stop: ['\n'], ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}), ...(options.signal ? { signal: options.signal } : {}) };
  const batcher = new Batcher<BatchPrompt, BatchOutcome>({
    maxBatchSize: options.maxBatchSize ?? 8,
    maxWaitMs: 0,
    run: (prompts) => generateEach(provider, prompts, call),
  });
  const outcomes = await Promise.allSettled(items.map((item) => batcher.submit(themesPrompt(item.text, nonce))));
  if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
  return items.map((item, i) => {
    const settled = outcomes[i]!;
    const answer = settled.status === 'fulfilled' && settled.value.status === 'fulfilled' ? settled.value.value : null;
    const themes = answer === null ? null : parseThemes(answer);
    return themes ? { id: item.id, themes, source: 'model' } : { id: item.id, themes: fallback(item.text).slice(0, MAX_THEMES), source: 'builtin' };
  });
}
