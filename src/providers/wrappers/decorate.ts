import type { z } from 'zod';
import { generateEach } from '../batch.js';
import type { AIProvider, BatchOutcome, BatchPrompt, GenerateOptions, HealthReport } from '../types.js';

/** Runs one attempt-able operation under some policy (retry, circuit breaker). */
export type CallPolicy = <T>(op: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

/**
 * Runs `policy` around opening a stream and receiving its first chunk; once a chunk has been yielded the
 * stream is passed through as is (a retry then would repeat text the caller has already shown).
 */
export async function* streamUnderPolicy(open: () => AsyncIterable<string>, policy: CallPolicy, signal?: AbortSignal): AsyncIterable<string> {
  const first = await policy(async () => {
    const it = open()[Symbol.asyncIterator]();
    const head = await it.next();
    return { it, head };
  }, signal);
  const { it } = first;
  try {
    if (first.head.done) return;
    yield first.head.value;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  } finally {
    await it.return?.();
  }
}

/**
 * An AIProvider that runs every model call (generate, stream start, structured, embed) of `inner` through
 * `policy`. `initialize`, `healthCheck` and `dispose` pass straight through.
 */
export class PolicyProvider implements AIProvider {
  constructor(protected readonly inner: AIProvider, private readonly policy: CallPolicy) {}

  /** Name of the wrapped provider. */
  get name(): AIProvider['name'] {
    return this.inner.name;
  }

  /** Passes through. */
  initialize(): Promise<void> {
    return this.inner.initialize();
  }

  /** `inner.generate` under the policy. */
  generate(prompt: string, options?: GenerateOptions): Promise<string> {
    return this.policy(() => this.inner.generate(prompt, options), options?.signal);
  }

  /** `inner`'s batch (or one call after another when it has none) under the policy, as one call. */
  generateBatch(prompts: ReadonlyArray<string | BatchPrompt>, options?: GenerateOptions): Promise<BatchOutcome[]> {
    return this.policy(() => generateEach(this.inner, prompts, options), options?.signal);
  }

  /** `inner.stream` with the policy around its first chunk. */
  stream(prompt: string, options?: GenerateOptions): AsyncIterable<string> {
    return streamUnderPolicy(() => this.inner.stream(prompt, options), this.policy, options?.signal);
  }

  /** `inner.generateStructured` under the policy. */
  generateStructured<S extends z.ZodType>(prompt: string, schema: S, options?: GenerateOptions): Promise<z.infer<S>> {
    return this.policy(() => this.inner.generateStructured(prompt, schema, options), options?.signal);
  }

  /** `inner.embed` under the policy. */
  embed(texts: string[]): Promise<number[][]> {
    return this.policy(() => this.inner.embed(texts));
  }

  /** Passes through. */
  healthCheck(): Promise<HealthReport> {
    return this.inner.healthCheck();
  }

  /** Passes through. */
  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}
