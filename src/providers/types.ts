import type { z } from 'zod';

/** The provider names a user can configure. */
export type ProviderName = 'llama' | 'ollama' | 'openai' | 'builtin' | 'transformers' | 'mock';

/** Options shared by `generate`, `stream` and `generateStructured`. All are optional. */
export interface GenerateOptions {
  /** Upper bound on generated tokens (default chosen by the provider, typically 256). */
  maxTokens?: number;
  /** Sampling temperature; 0 means greedy and, for local models, deterministic output. */
  temperature?: number;
  /** Generation ends before any of these strings; the stop string itself is not returned. */
  stop?: string[];
  /** Aborts the call; the provider rejects with `GenerationAbortedError`. */
  signal?: AbortSignal;
  /** Wall-clock limit for the whole call; exceeding it rejects with a `timeout`-kind `ProviderError`. */
  timeoutMs?: number;
  /** System prompt (instructions) placed before the user prompt in the provider's native way. */
  system?: string;
}

/** One prompt of a batch, with its own system prompt when the prompts of a batch differ in instructions. */
export interface BatchPrompt {
  prompt: string;
  /** Overrides `GenerateOptions.system` for this prompt. */
  system?: string;
}

/**
 * The outcome of one prompt of `generateBatch`: its text, or the `ProviderError` that prompt alone failed
 * with (the shape of `Promise.allSettled`).
 */
export type BatchOutcome = PromiseSettledResult<string>;

/** Facts about the model behind a provider, for `healthCheck()` and `companion models info`. */
export interface ModelFacts {
  /** Model name or file name. */
  name: string;
  /** Whether `generate`/`stream` produce text (false for builtin and transformers). */
  generative: boolean;
  /** Whether all inference stays on this machine. */
  local: boolean;
  /** Length of vectors `embed()` returns, when known. */
  embeddingDimensions?: number;
  /** Context window in tokens, when known. */
  contextLength?: number;
  /** Model architecture (e.g. `llama`), when known. */
  architecture?: string;
}

/** What `healthCheck()` reports: never throws for an unhealthy provider, reports `ok: false` instead. */
export interface HealthReport {
  ok: boolean;
  provider: ProviderName;
  /** Round-trip time of the check in milliseconds. */
  latencyMs: number;
  model: ModelFacts;
  /** One plain sentence explaining a failure (never contains journal text). */
  detail?: string;
}

/**
 * The one interface every AI feature calls. Contracts every implementation keeps:
 * - Errors are always `ProviderError` subclasses (see ./errors.ts) carrying a `kind` the wrappers act on.
 * - Text returned or yielded never contains terminal control sequences (ANSI CSI/OSC, C0/C1 controls other
 *   than `\n` and `\t`).
 * - No method writes prompts, outputs or journal text to logs.
 * - No method downloads a model or contacts a host other than the configured one.
 */
export interface AIProvider {
  /** The configured provider name. */
  readonly name: ProviderName;

  /**
   * Prepares the provider (loads the model, checks the server). Idempotent; other methods call it lazily.
   * Throws `ModelNotFoundError` when a local model is missing or unreadable, `ProviderError` otherwise.
   */
  initialize(): Promise<void>;

  /**
   * Returns the complete generated text for `prompt` (possibly empty). Throws `NotGenerativeError` for
   * providers without a generative model, `GenerationAbortedError` on abort, a `timeout`-kind
   * `ProviderError` when `timeoutMs` passes. Never returns partial text after an error.
   */
  generate(prompt: string, options?: GenerateOptions): Promise<string>;

  /**
   * Yields generated text in chunks as it is produced; the concatenation equals what `generate` would
   * return for the same greedy call. Errors are thrown from the iterator (including `NotGenerativeError`
   * on the first `next()`). Breaking out of the loop cancels generation.
   */
  stream(prompt: string, options?: GenerateOptions): AsyncIterable<string>;

  /**
   * Returns an object validated by `schema`. Local and remote models are constrained with the schema's
   * JSON Schema where the backend supports it. Throws `StructuredOutputError` when the output is not
   * valid JSON or fails validation; never returns an unvalidated object.
   */
  generateStructured<S extends z.ZodType>(prompt: string, schema: S, options?: GenerateOptions): Promise<z.infer<S>>;

  /**
   * Returns one vector per input text, all of the same length, finite numbers, in input order.
   * Throws `EmbeddingsNotSupportedError` when the provider has no embedding model.
   */
  embed(texts: string[]): Promise<number[][]>;

  /**
   * Optional. Generates for several prompts at once (several sequences of one local context, or concurrent
   * remote requests up to the provider's batch size) and returns one outcome per prompt, in prompt order; a
   * prompt that fails alone is a rejected outcome, the others still succeed. Rejects as a whole (like
   * `generate`) on abort, timeout, or when the backend itself fails. Callers use `generateEach()`
   * (./batch.ts), which falls back to one `generate` at a time for providers without it.
   */
  generateBatch?(prompts: ReadonlyArray<string | BatchPrompt>, options?: GenerateOptions): Promise<BatchOutcome[]>;

  /** Measures a cheap round trip and reports model facts. Never throws; failure is `ok: false`. */
  healthCheck(): Promise<HealthReport>;

  /** Releases the model, child process or connections. Idempotent; later calls throw `ProviderError`. */
  dispose(): Promise<void>;
}
