import { formatBytes } from '../../monitoring/health/timed-check.js';
import { formatMs } from './bar.js';
import { cacheHitRate, topOperations, type HealthView } from './health-view.js';

/** The health report as plain lines, for output that is not a terminal (no colours, no layout). */
export function healthText(view: HealthView): string[] {
  const { report, metrics } = view;
  const lines = [`companion health: ${report.healthy ? (report.status === 'ok' ? 'healthy' : 'healthy with warnings') : 'UNHEALTHY'}`];
  const width = Math.max(...report.checks.map((c) => c.name.length));
  for (const c of report.checks) lines.push(`${c.status.toUpperCase().padEnd(4)} ${c.name.padEnd(width)} ${formatMs(c.durationMs).padStart(8)}  ${c.reason}`);
  for (const o of topOperations(metrics)) lines.push(`latency ${o.operation}: P50 ${formatMs(o.p50)}, P95 ${formatMs(o.p95)}, P99 ${formatMs(o.p99)} (${o.count} runs)`);
  const cache = cacheHitRate(metrics);
  lines.push(`memory: ${formatBytes(report.memory.rssBytes)} now${metrics.memory.samples ? `, recorded peak ${formatBytes(metrics.memory.rssMaxBytes)}` : ''}`);
  lines.push(`cache: ${cache.rate === null ? 'no lookups yet' : `${(cache.rate * 100).toFixed(1)}% hits (${cache.hits} of ${cache.hits + cache.misses})`}`);
  lines.push(`journal: ${report.journal.entries} entries, ${formatBytes(report.journal.entryBytes)} of entries, ${formatBytes(report.journal.dataBytes)} in all`);
  return lines;
}
