import type { HealthReport, ModelFacts, ProviderName } from './types.js';

/**
 * Health of a provider that has nothing to reach (builtin, mock): healthy until disposed, and no round
 * trip to time, so its latency is 0.
 */
export function inProcessHealth(provider: ProviderName, disposed: boolean, model: ModelFacts): HealthReport {
  return { ok: !disposed, provider, latencyMs: 0, model, ...(disposed ? { detail: 'disposed' } : {}) };
}
