import type { AIProvider, GenerateOptions } from '../providers/types.js';
import type { AnswerCacheLike, AnswerRequest, AnswerSource } from './answer-cache.js';

/** What the answers of a wrapped provider are built from, and the scopes they are cached under. */
export interface CachedCalls {
  /** The user-facing query (e.g. `summary 2025-01-06 to 2025-01-12`, or a draft's last lines). */
  query: string;
  /** Every entry the calls may draw on: deleting any of them purges the cached answers. */
  sources: readonly AnswerSource[];
  /** Scope of `generate` answers (e.g. `summary-map`). */
  generateScope: string;
  /** Scope of `stream` answers (e.g. `summary-reduce`). */
  streamScope: string;
  /** Told whether each call was a hit, a miss or skipped (for a note in the output and metrics). */
  onLookup?: (status: 'hit' | 'miss' | 'skipped', scope: string) => void;
}

/** One prompt of a batch: the prompt, or the prompt with its own instructions. */
type BatchInput = string | { prompt: string; system?: string };
type BatchCall = (prompts: ReadonlyArray<BatchInput>, options?: GenerateOptions) => Promise<Array<PromiseSettledResult<string>>>;

/** The provider's own `generateBatch` (optional in the provider interface), bound to it, or undefined. */
function batchOf(provider: AIProvider): BatchCall | undefined {
  const fn = (provider as unknown as { generateBatch?: BatchCall }).generateBatch;
  return typeof fn === 'function' ? fn.bind(provider) : undefined;
}

/** The per-call random boundary around journal text (`<<entries-0123456789ab>>`, see sanitizeForContext). */
const BOUNDARY = /\b([a-z]+)-[0-9a-f]{12}\b/g;

/**
 * The exact call, folded into the fingerprint: only the same prompt, instructions and settings can hit.
 * The random boundaries around journal text are set to one value first, or no prompt would ever repeat.
 */
function callContext(prompt: string, options: GenerateOptions = {}): string {
  const fixed = (text: string) => text.replace(BOUNDARY, '$1-boundary');
  return JSON.stringify([fixed(options.system ?? ''), fixed(prompt), options.maxTokens ?? null, options.temperature ?? null, options.stop ?? []]);
}

/**
 * A provider whose `generate` and `stream` answers are cached: a call with the same prompt, instructions
 * and settings over the same entries (same revisions) with the same model gets the cached answer at once
 * (a stream yields it as one chunk); a batch (`generateBatch`, when the provider has it) asks the model only
 * for the prompts not cached. A stream is stored only when it ran to its end. Every other method (embed,
 * generateStructured, health) goes straight to the provider. Caching trouble never fails
 * a call: it is simply not cached.
 */
export function cachingProvider(provider: AIProvider, cache: AnswerCacheLike, calls: CachedCalls): AIProvider {
  const request = (scope: string, prompt: string, options?: GenerateOptions): AnswerRequest =>
    ({ scope, query: calls.query, sources: calls.sources, context: callContext(prompt, options) });
  const generate = async (prompt: string, options?: GenerateOptions): Promise<string> => {
    const found = await cache.lookup(request(calls.generateScope, prompt, options));
    calls.onLookup?.(found.status, calls.generateScope);
    if (found.answer !== null) return found.answer;
    const out = await provider.generate(prompt, options);
    found.store(out);
    return out;
  };
  async function* stream(prompt: string, options?: GenerateOptions): AsyncIterable<string> {
    const found = await cache.lookup(request(calls.streamScope, prompt, options));
    calls.onLookup?.(found.status, calls.streamScope);
    if (found.answer !== null) {
      yield found.answer;
      return;
    }
    let out = '';
    for await (const chunk of provider.stream(prompt, options)) {
      out += chunk;
      yield chunk;
    }
    found.store(out);
  }
  const batch = batchOf(provider);
  const generateBatch = batch && (async (prompts: ReadonlyArray<BatchInput>, options?: GenerateOptions): Promise<Array<PromiseSettledResult<string>>> => {
    const found = await Promise.all(prompts.map((p) => {
      const one = typeof p === 'string' ? { prompt: p } : p;
      return cache.lookup(request(calls.generateScope, one.prompt, { ...options, ...(one.system !== undefined ? { system: one.system } : {}) }));
    }));
    found.forEach((f) => calls.onLookup?.(f.status, calls.generateScope));
    const missing = prompts.filter((_, i) => found[i]!.answer === null);
    const fresh = missing.length > 0 ? await batch(missing, options) : [];
    let next = 0;
    return found.map((f) => {
      if (f.answer !== null) return { status: 'fulfilled', value: f.answer };
      const outcome = fresh[next++] ?? { status: 'rejected', reason: new Error('the batch returned too few outcomes') };
      if (outcome.status === 'fulfilled') f.store(outcome.value);
      return outcome;
    });
  });
  return new Proxy(provider, {
    get(target, prop, receiver) {
      if (prop === 'generate') return generate;
      if (prop === 'stream') return stream;
      if (prop === 'generateBatch') return generateBatch;
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
