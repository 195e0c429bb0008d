import type { z } from 'zod';
import { GenerationAbortedError, NotGenerativeError, ProviderError, StructuredOutputError } from '../errors.js';
import { generateEach } from '../batch.js';
import type { AIProvider, BatchOutcome, BatchPrompt, GenerateOptions, HealthReport } from '../types.js';
import { streamUnderPolicy } from './decorate.js';

/** What the fallback announcement carries: which provider failed and one plain sentence why. */
export interface FallbackNotice {
  from: AIProvider['name'];
  to: AIProvider['name'];
  reason: string;
}

/** Fallback settings. */
export interface FallbackOptions {
  /** Called once, the first time a call falls back (e.g. to print "AI unavailable, using built-in mode"). */
  onFallback?: (notice: FallbackNotice) => void;
  /** Whether `embed` falls back too (default false: vectors from different models must not be mixed). */
  embeddings?: boolean;
}

/** Whether a failure means "the provider is down" rather than "this request was bad or cancelled". */
function isDown(err: unknown): boolean {
  return err instanceof ProviderError && !(err instanceof StructuredOutputError || err instanceof GenerationAbortedError || err instanceof NotGenerativeError);
}

/**
 * Uses `primary`, and when it is down (unreachable, timing out, circuit open, model missing) answers from
 * `fallback` (normally builtin, whose generate throws `NotGenerativeError` so features take their template
 * path). The announcement is made once per instance. Bad requests and cancellations are not masked.
 */
export class FallbackProvider implements AIProvider {
  private announced = false;

  constructor(private readonly primary: AIProvider, private readonly fallback: AIProvider, private readonly options: FallbackOptions = {}) {}

  /** Name of the primary provider. */
  get name(): AIProvider['name'] {
    return this.primary.name;
  }

  /** Whether the announcement has been made (some call fell back). */
  get fellBack(): boolean {
    return this.announced;
  }

  private announce(err: unknown): void {
    if (this.announced) return;
    this.announced = true;
    this.options.onFallback?.({ from: this.primary.name, to: this.fallback.name, reason: (err as Error).message });
  }

  private async attempt<T>(primary: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    try {
      return await primary();
    } catch (err) {
      if (!isDown(err)) throw err;
      this.announce(err);
      return fallback();
    }
  }

  /** Initializes the primary; a down primary is announced, not thrown (the fallback is always ready). */
  async initialize(): Promise<void> {
    await this.attempt(() => this.primary.initialize(), () => this.fallback.initialize());
  }

  /** Primary's batch (see generateEach), or the fallback's when the primary is down. */
  generateBatch(prompts: ReadonlyArray<string | BatchPrompt>, options?: GenerateOptions): Promise<BatchOutcome[]> {
    return this.attempt(() => generateEach(this.primary, prompts, options), () => generateEach(this.fallback, prompts, options));
  }

  /** Primary's text, or the fallback's answer (NotGenerativeError from builtin) when the primary is down. */
  generate(prompt: string, options?: GenerateOptions): Promise<string> {
    return this.attempt(() => this.primary.generate(prompt, options), () => this.fallback.generate(prompt, options));
  }

  /** Primary's stream; falls back only if the primary fails before its first chunk. */
  stream(prompt: string, options?: GenerateOptions): AsyncIterable<string> {
    let usedFallback = false;
    const policy = async <T>(op: () => Promise<T>): Promise<T> => {
      try {
        return await op();
      } catch (err) {
        if (!isDown(err) || usedFallback) throw err;
        this.announce(err);
        usedFallback = true;
        return op();
      }
    };
    return streamUnderPolicy(() => (usedFallback ? this.fallback : this.primary).stream(prompt, options), policy, options?.signal);
  }

  /** Primary's structured output, or the fallback's answer when the primary is down. */
  generateStructured<S extends z.ZodType>(prompt: string, schema: S, options?: GenerateOptions): Promise<z.infer<S>> {
    return this.attempt(() => this.primary.generateStructured(prompt, schema, options), () => this.fallback.generateStructured(prompt, schema, options));
  }

  /** Primary's vectors; falls back only when `embeddings: true` was configured. */
  embed(texts: string[]): Promise<number[][]> {
    if (!this.options.embeddings) return this.primary.embed(texts);
    return this.attempt(() => this.primary.embed(texts), () => this.fallback.embed(texts));
  }

  /** The primary's health (the fallback is always available). */
  healthCheck(): Promise<HealthReport> {
    return this.primary.healthCheck();
  }

  /** Disposes both. */
  async dispose(): Promise<void> {
    await Promise.all([this.primary.dispose(), this.fallback.dispose()]);
  }
}
