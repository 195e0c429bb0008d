import type { AIProvider } from '../../providers/types.js';
import type { CheckOutcome } from './timed-check.js';

/** How long the provider check waits for an answer. */
export const PROVIDER_CHECK_TIMEOUT_MS = 15_000;

/**
 * Provider reachable and model loaded: builds the configured provider and runs its `healthCheck()`
 * (which never throws), reporting the model and its load/round-trip time; the provider is disposed after.
 */
export async function providerCheck(open: () => Promise<AIProvider>, timeoutMs = PROVIDER_CHECK_TIMEOUT_MS): Promise<CheckOutcome> {
  const provider = await open();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
      timer.unref();
    });
    const report = await Promise.race([provider.healthCheck(), timeout]);
    if (report === null) return { status: 'fail', reason: `${provider.name}: no answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}` };
    const model = report.model.name || 'no model';
    if (!report.ok) return { status: 'fail', reason: `${report.provider} (${model}) unavailable: ${report.detail ?? 'health check failed'}` };
    const where = report.model.local ? 'local' : 'remote';
    const kind = report.model.generative ? 'model loaded' : 'no generative model';
    return { status: 'ok', reason: `${report.provider}: ${model} (${where}, ${kind}) answered in ${Math.round(report.latencyMs)} ms` };
  } finally {
    clearTimeout(timer);
    await provider.dispose().catch(() => undefined);
  }
}
