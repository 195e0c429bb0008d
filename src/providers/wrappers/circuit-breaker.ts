import { CircuitOpenError, type ProviderErrorKind } from '../errors.js';
import type { AIProvider } from '../types.js';
import { classifyError } from './classify-error.js';
import { PolicyProvider } from './decorate.js';

/** The three breaker states. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** Circuit breaker settings. */
export interface CircuitBreakerOptions {
  /** Consecutive counted failures that open the circuit (default 5). */
  failureThreshold?: number;
  /** How long the circuit stays open before one trial call (default 30 s). */
  resetTimeoutMs?: number;
  /** Failure kinds that count (default transient, timeout, rate_limit: the server is struggling). */
  countedKinds?: ProviderErrorKind[];
  /** Clock in ms (injectable for tests). */
  now?: () => number;
  /** Called on every state change. */
  onStateChange?: (state: CircuitState) => void;
}

/**
 * Closed: calls pass; counted failures accumulate and open the circuit at the threshold. Open: calls fail
 * at once with `CircuitOpenError` until the reset timeout passes. Half-open: one trial call passes (others
 * fail fast); success closes the circuit, a counted failure re-opens it.
 */
export class CircuitBreaker {
  private current: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private trialRunning = false;
  private readonly threshold: number;
  private readonly resetMs: number;
  private readonly counted: Set<ProviderErrorKind>;
  private readonly now: () => number;

  constructor(private readonly provider: string, private readonly options: CircuitBreakerOptions = {}) {
    this.threshold = options.failureThreshold ?? 5;
    this.resetMs = options.resetTimeoutMs ?? 30_000;
    this.counted = new Set(options.countedKinds ?? ['transient', 'timeout', 'rate_limit']);
    this.now = options.now ?? Date.now;
  }

  /** The current state (moves from open to half-open lazily, when the timeout has passed). */
  get state(): CircuitState {
    if (this.current === 'open' && this.now() - this.openedAt >= this.resetMs) this.move('half-open');
    return this.current;
  }

  private move(state: CircuitState): void {
    if (state === this.current) return;
    this.current = state;
    if (state === 'open') this.openedAt = this.now();
    if (state === 'closed') this.failures = 0;
    this.options.onStateChange?.(state);
  }

  /** Runs `op` if the circuit allows it, recording its outcome. */
  async run<T>(op: () => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.trialRunning)) {
      throw new CircuitOpenError(this.provider, Math.max(0, this.resetMs - (this.now() - this.openedAt)));
    }
    const trial = state === 'half-open';
    if (trial) this.trialRunning = true;
    try {
      const value = await op();
      this.failures = 0;
      this.move('closed');
      return value;
    } catch (err) {
      if (this.counted.has(classifyError(err))) {
        this.failures++;
        if (trial || this.failures >= this.threshold) {
          this.move('open');
        }
      } else if (trial) {
        this.move('closed');
      }
      throw err;
    } finally {
      if (trial) this.trialRunning = false;
    }
  }
}

/** Wraps `provider` so every model call goes through `breaker`. */
export function withCircuitBreaker(provider: AIProvider, breaker: CircuitBreaker): AIProvider {
  return new PolicyProvider(provider, (op) => breaker.run(op));
}
