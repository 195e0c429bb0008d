import type { MetricsSnapshot } from './metrics.js';
import type { CheckStatus, HealthReport } from './health/types.js';

type Labels = Record<string, string>;

/** Escape a label value as the text exposition format requires (backslash, quote, newline). */
function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** A sample value in exposition syntax (NaN, +Inf, -Inf spelled as Prometheus does). */
function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

class Exposition {
  private readonly lines: string[] = [];

  family(name: string, type: 'gauge' | 'counter' | 'summary', help: string, samples: Array<{ suffix?: string; labels?: Labels; value: number }>): void {
    if (samples.length === 0) return;
    this.lines.push(`# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`);
    this.lines.push(`# TYPE ${name} ${type}`);
    for (const s of samples) {
      const labels = Object.entries(s.labels ?? {});
      const labelText = labels.length ? `{${labels.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}` : '';
      this.lines.push(`${name}${s.suffix ?? ''}${labelText} ${formatValue(s.value)}`);
    }
  }

  text(): string {
    return this.lines.join('\n') + '\n';
  }
}

const STATUSES: CheckStatus[] = ['ok', 'warn', 'fail'];

/**
 * The health report and metrics in the Prometheus text exposition format (version 0.0.4), for a
 * node_exporter textfile collector. Latencies are in seconds, sizes in bytes; no timestamps.
 */
export function formatPrometheus(report: HealthReport, metrics: MetricsSnapshot): string {
  const out = new Exposition();
  out.family('companion_up', 'gauge', 'Whether every health check passed or only warned (1) or any failed (0).', [{ value: report.healthy ? 1 : 0 }]);
  out.family('companion_check_status', 'gauge', 'Health check state: 1 for the status the check has now, 0 for the others.',
    report.checks.flatMap((c) => STATUSES.map((status) => ({ labels: { check: c.name, status }, value: c.status === status ? 1 : 0 }))));
  out.family('companion_check_duration_seconds', 'gauge', 'How long each health check took.',
    report.checks.map((c) => ({ labels: { check: c.name }, value: c.durationMs / 1000 })));
  out.family('companion_entries', 'gauge', 'Entries in the journal.', [{ value: report.journal.entries }]);
  out.family('companion_entry_bytes', 'gauge', 'Bytes of the encrypted entry files.', [{ value: report.journal.entryBytes }]);
  out.family('companion_data_bytes', 'gauge', 'Bytes of the whole data directory.', [{ value: report.journal.dataBytes }]);
  if (report.journal.auditRecords !== null) out.family('companion_audit_records', 'gauge', 'Records in the audit log.', [{ value: report.journal.auditRecords }]);
  if (report.journal.auditOk !== null) out.family('companion_audit_ok', 'gauge', 'Whether the audit log verified (1) or not (0).', [{ value: report.journal.auditOk ? 1 : 0 }]);
  if (report.disk) {
    out.family('companion_disk_free_bytes', 'gauge', 'Free bytes on the filesystem of the data directory.', [{ value: report.disk.freeBytes }]);
    out.family('companion_disk_size_bytes', 'gauge', 'Size of the filesystem of the data directory.', [{ value: report.disk.totalBytes }]);
  }
  out.family('companion_memory_rss_bytes', 'gauge', 'Resident memory of the health command.', [{ value: report.memory.rssBytes }]);
  out.family('companion_memory_heap_used_bytes', 'gauge', 'JS heap in use by the health command.', [{ value: report.memory.heapUsedBytes }]);
  out.family('companion_recorded_rss_max_bytes', 'gauge', 'Largest resident memory recorded by any command in the metrics window.', metrics.memory.samples ? [{ value: metrics.memory.rssMaxBytes }] : []);
  out.family('companion_operation_latency_seconds', 'summary', 'Latency of operations over the metrics window (quantiles from a log-bucketed histogram, 1% relative error).',
    metrics.operations.flatMap((o) => [
      ...([['0.5', o.p50], ['0.95', o.p95], ['0.99', o.p99]] as const).map(([q, v]) => ({ labels: { operation: o.operation, quantile: q }, value: v / 1000 })),
      { suffix: '_sum', labels: { operation: o.operation }, value: o.sumMs / 1000 },
      { suffix: '_count', labels: { operation: o.operation }, value: o.count },
    ]));
  out.family('companion_cache_hits_total', 'counter', 'Cache hits over the metrics window.', metrics.caches.map((c) => ({ labels: { cache: c.cache }, value: c.hits })));
  out.family('companion_cache_misses_total', 'counter', 'Cache misses over the metrics window.', metrics.caches.map((c) => ({ labels: { cache: c.cache }, value: c.misses })));
  return out.text();
}
