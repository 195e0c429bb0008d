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

/** The exact call, folded into the fingerprint: only the same prompt, instructions and settings can hit. */
function callContext(prompt: string, options: GenerateOptions = {}): string {
  return JSON.stringify([options.system ?? '', prompt, options.maxTokens ?? null, options.temperature ?? null, options.stop ?? []]);
}

/**
 * A provider whose `generate` and `stream` answers are cached: a call with the same prompt, instructions
 * and settings over the same entries (same revisions) with the same model gets the cached answer at once
 * (a stream yields it as one chunk). A stream is stored only when it ran to its end. Every other method
 * (embed, generateStructured, batching, health) goes straight to the provider. Caching trouble never fails
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
  return new Proxy(provider, {
    get(target, prop, receiver) {
      if (prop === 'generate') return generate;
      if (prop === 'stream') return stream;
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
