import type { HealthReport } from '../../monitoring/health/types.js';
import type { MetricsSnapshot } from '../../monitoring/metrics.js';

/** What the health screens show: the checks and facts of one run, and the recorded metrics. */
export interface HealthView {
  report: HealthReport;
  metrics: MetricsSnapshot;
}

/** Operations shown in the latency panel: the most used first, at most `limit`. */
export function topOperations(metrics: MetricsSnapshot, limit = 8): MetricsSnapshot['operations'] {
  return [...metrics.operations].sort((a, b) => b.count - a.count || a.operation.localeCompare(b.operation)).slice(0, limit);
}

/** The overall cache hit rate of all caches, or null before any lookup. */
export function cacheHitRate(metrics: MetricsSnapshot): { hits: number; misses: number; rate: number | null } {
  const hits = metrics.caches.reduce((n, c) => n + c.hits, 0);
  const misses = metrics.caches.reduce((n, c) => n + c.misses, 0);
  return { hits, misses, rate: hits + misses > 0 ? hits / (hits + misses) : null };
}
