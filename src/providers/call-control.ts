import { GenerationAbortedError, ProviderError, ProviderTimeoutError } from './errors.js';
import type { GenerateOptions } from './types.js';
import { toProviderError } from './wrappers/classify-error.js';

/** A per-call abort signal that fires on the caller's signal or on `timeoutMs`, with typed reasons. */
export interface CallControl {
  /** Pass this to the backend; it aborts with a `ProviderError` reason. */
  signal: AbortSignal;
  /** Translates a backend failure: the typed abort reason when the call was aborted, else `err`. */
  failure(err: unknown): unknown;
  /** Stops the timer and detaches from the caller's signal. Call in `finally`. */
  done(): void;
}

/**
 * Creates the abort signal for one call from `options.signal` and `options.timeoutMs`. Throws
 * `GenerationAbortedError` at once when the caller's signal is already aborted.
 */
export function callControl(provider: string, options: GenerateOptions = {}): CallControl {
  if (options.signal?.aborted) throw new GenerationAbortedError(provider);
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(new GenerationAbortedError(provider));
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = options.timeoutMs !== undefined && options.timeoutMs > 0
    ? setTimeout(() => controller.abort(new ProviderTimeoutError(provider, options.timeoutMs ?? 0)), options.timeoutMs)
    : undefined;
  timer?.unref();
  return {
    signal: controller.signal,
    failure(err: unknown): unknown {
      if (controller.signal.aborted && controller.signal.reason instanceof ProviderError) return controller.signal.reason;
      return err;
    },
    done(): void {
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * Rejects with the signal's reason as soon as it aborts, otherwise settles like `work`. Used for backends
 * whose calls cannot themselves be cancelled.
 */
export function raceAbort<T>(signal: AbortSignal, work: Promise<T>): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => { signal.removeEventListener('abort', onAbort); resolve(v); },
      (e) => { signal.removeEventListener('abort', onAbort); reject(e); },
    );
  });
}

/**
 * Run one request under a CallControl: the caller's signal and time limit apply, every failure comes out
 * as a ProviderError, and the control is released whatever happens.
 */
export async function controlledCall<T>(provider: string, options: GenerateOptions, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const control = callControl(provider, options);
  try {
    return await run(control.signal);
  } catch (err) {
    throw toProviderError(provider, control.failure(err));
  } finally {
    control.done();
  }
}
