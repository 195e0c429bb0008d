import { setTimeout as sleep } from 'node:timers/promises';
import { GenerationAbortedError, ProviderTimeoutError, type ProviderErrorKind } from '../errors.js';
import type { AIProvider } from '../types.js';
import { classifyError, toProviderError } from './classify-error.js';
import { PolicyProvider, type CallPolicy } from './decorate.js';

/** Retry settings; defaults suit remote model servers. */
export interface RetryOptions {
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** Delay before the first retry, doubled each time (default 250 ms). */
  baseDelayMs?: number;
  /** Upper bound on one delay, including a server's Retry-After (default 8 s). */
  maxDelayMs?: number;
  /** Which kinds are retried (default transient, rate_limit, timeout). */
  retryOn?: ProviderErrorKind[];
  /** Random source in [0, 1) for jitter (injectable for tests). */
  random?: () => number;
  /** Called before each retry with the attempt number and chosen delay (for metrics; no payloads). */
  onRetry?: (info: { attempt: number; delayMs: number; kind: ProviderErrorKind }) => void;
}

/**
 * Delay before retry number `attempt` (1-based): full jitter over an exponentially growing window,
 * `random() * min(maxDelay, base * 2^(attempt-1))`, but never less than a server's Retry-After.
 */
export function backoffDelay(attempt: number, opts: Required<Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>>, retryAfterMs?: number): number {
  const window = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** (attempt - 1));
  const jittered = opts.random() * window;
  return Math.min(opts.maxDelayMs, Math.max(jittered, retryAfterMs ?? 0));
}

/**
 * A policy that retries classified-transient failures with exponential backoff and full jitter. Never
 * retries after the caller's abort or the caller's own deadline (`ProviderTimeoutError`).
 */
export function retryPolicy(provider: string, options: RetryOptions = {}): CallPolicy {
  const retries = options.retries ?? 3;
  const timing = { baseDelayMs: options.baseDelayMs ?? 250, maxDelayMs: options.maxDelayMs ?? 8000, random: options.random ?? Math.random };
  const retryOn = new Set(options.retryOn ?? ['transient', 'rate_limit', 'timeout']);
  return async <T>(op: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await op();
      } catch (err) {
        const kind = classifyError(err);
        const final = attempt > retries || !retryOn.has(kind) || err instanceof ProviderTimeoutError || err instanceof GenerationAbortedError || signal?.aborted;
        if (final) throw toProviderError(provider, err);
        const delayMs = backoffDelay(attempt, timing, toProviderError(provider, err).retryAfterMs);
        options.onRetry?.({ attempt, delayMs, kind });
        try {
          await sleep(delayMs, undefined, signal ? { signal } : {});
        } catch {
          throw new GenerationAbortedError(provider);
        }
      }
    }
  };
}

/** Wraps `provider` so its model calls are retried per `retryPolicy`. */
export function withRetry(provider: AIProvider, options: RetryOptions = {}): AIProvider {
  return new PolicyProvider(provider, retryPolicy(provider.name, options));
}
