import { benchReport } from '../../inference/bench-report.js';
import { Metrics } from '../../monitoring/metrics.js';
import { formatBytes } from '../../monitoring/health/timed-check.js';
import type { CommandContext } from '../context.js';

/** Options of `companion bench`. */
export interface BenchOptions {
  json?: boolean;
}

const f = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(1) : ms.toFixed(3));

/**
 * `companion bench`: one performance report: recorded latency P50/P95/P99 per operation, analyzer
 * throughput, peak memory, semantic cache hit rate, and the detectors timed over a built-in sample.
 * Needs no passphrase and no model; reads only the local metrics.
 */
export async function benchCommand(ctx: CommandContext, opts: BenchOptions): Promise<void> {
  const metrics = new Metrics({ dir: ctx.paths.metrics, now: () => ctx.deps.now(), retentionDays: ctx.config.monitoring.metrics_retention_days });
  const report = benchReport(metrics.snapshot());
  if (opts.json) {
    ctx.printJson(report);
    return;
  }
  const s = ctx.style;
  ctx.print(s.bold('Latency (recorded, ms)'));
  if (report.latency.length === 0) ctx.print('  nothing recorded yet');
  for (const op of report.latency) ctx.print(`  ${op.operation.padEnd(22)} p50 ${f(op.p50).padStart(7)}  p95 ${f(op.p95).padStart(7)}  p99 ${f(op.p99).padStart(7)}  (${op.count} runs)`);
  const t = report.throughput;
  ctx.print(s.bold('Throughput'));
  ctx.print(`  analyzer               ${t.textsPerSecond.toFixed(0)} entries/s (mean ${f(t.meanMs)} ms, p95 ${f(t.p95Ms)} ms)`);
  ctx.print(s.bold('Memory'));
  ctx.print(`  peak RSS now ${formatBytes(report.memory.peakRssBytes)}, highest recorded ${report.memory.recordedRssMaxBytes ? formatBytes(report.memory.recordedRssMaxBytes) : 'none'}`);
  ctx.print(s.bold('Semantic cache'));
  const c = report.cache;
  ctx.print(`  ${c.hitRate === null ? 'no lookups recorded' : `hit rate ${(c.hitRate * 100).toFixed(1)}% (${c.hits} hits, ${c.misses} misses)`}`);
  ctx.print(s.bold(`Detectors (built-in sample of ${t.texts} texts)`));
  for (const d of report.detectors) ctx.print(`  ${d.name.padEnd(22)} ${d.textsPerSecond.toFixed(0)} texts/s (mean ${f(d.meanMs)} ms, p95 ${f(d.p95Ms)} ms), flagged ${d.flagged}`);
}
