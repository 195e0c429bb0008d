import { CompanionError, ExitCode, type ExitCodeValue } from '../core/errors.js';

/** How a provider failure should be handled: retry (transient, rate_limit, timeout) or not. */
export type ProviderErrorKind = 'transient' | 'permanent' | 'auth' | 'rate_limit' | 'timeout';

/** Extra facts attached to a ProviderError. */
export interface ProviderErrorInit {
  kind: ProviderErrorKind;
  provider?: string;
  hint?: string;
  cause?: unknown;
  /** Server-suggested wait before retrying (from Retry-After), in milliseconds. */
  retryAfterMs?: number;
  /** HTTP status of the failed request, when there was one. */
  status?: number;
  exitCode?: ExitCodeValue;
}

/** Base class of every error a provider throws. `kind` drives retry, circuit breaker and fallback. */
export class ProviderError extends CompanionError {
  readonly kind: ProviderErrorKind;
  readonly provider: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly status: number | undefined;

  constructor(message: string, init: ProviderErrorInit) {
    super(message, init.exitCode ?? ExitCode.unexpected, init.hint);
    this.kind = init.kind;
    this.provider = init.provider;
    this.retryAfterMs = init.retryAfterMs;
    this.status = init.status;
    if (init.cause !== undefined) (this as { cause?: unknown }).cause = init.cause;
  }
}

/** A prompt is longer than the model's context window, by the model's own tokenizer. */
export class ContextOverflowError extends ProviderError {
  constructor(provider: string) {
    super('The prompt does not fit the model\'s context.', { kind: 'permanent', provider, hint: 'Use a larger n_ctx, or shorter input.' });
  }
}

/** The provider has no generative model (builtin, transformers); callers take their template path. */
export class NotGenerativeError extends ProviderError {
  constructor(provider: string) {
    super(`The ${provider} provider does not generate text.`, {
      kind: 'permanent', provider, hint: 'Configure a llama, ollama or openai provider for generated text.',
    });
  }
}

/** The provider cannot compute embeddings. */
export class EmbeddingsNotSupportedError extends ProviderError {
  constructor(provider: string) {
    super(`The ${provider} provider does not compute embeddings.`, { kind: 'permanent', provider });
  }
}

/** Model output was not valid JSON or failed schema validation. `issues` lists what failed (no model text). */
export class StructuredOutputError extends ProviderError {
  readonly issues: string[];
  constructor(provider: string, issues: string[]) {
    super(`The ${provider} model did not return valid structured output.`, { kind: 'permanent', provider });
    this.issues = issues;
  }
}

/** A local model file or folder is missing or unreadable; the hint says where to put one. */
export class ModelNotFoundError extends ProviderError {
  constructor(provider: string, what: string, hint: string) {
    super(what, { kind: 'permanent', provider, hint, exitCode: ExitCode.notFound });
  }
}

/** The call was cancelled through its AbortSignal. */
export class GenerationAbortedError extends ProviderError {
  constructor(provider: string) {
    super('The request was cancelled.', { kind: 'permanent', provider });
  }
}

/** The call exceeded its wall-clock limit. */
export class ProviderTimeoutError extends ProviderError {
  constructor(provider: string, timeoutMs: number) {
    super(`The ${provider} provider did not answer within ${timeoutMs} ms.`, { kind: 'timeout', provider });
  }
}

/** The circuit breaker is open: the provider failed repeatedly and is not being called for a while. */
export class CircuitOpenError extends ProviderError {
  constructor(provider: string, retryAfterMs: number) {
    super(`The ${provider} provider is unavailable after repeated failures.`, {
      kind: 'transient', provider, retryAfterMs, hint: 'It will be tried again shortly.',
    });
  }
}

/** The provider was used after `dispose()`. */
export class ProviderDisposedError extends ProviderError {
  constructor(provider: string) {
    super(`The ${provider} provider has been disposed.`, { kind: 'permanent', provider });
  }
}
