import path from 'node:path';
import { LogHistogram } from './histogram.js';
import { asCount, asRecord, checkMetricName, dayKey, dayKeyBefore, readDocument, writeDocument } from './local-store.js';

/** Memory figures of one process, in bytes (what `process.memoryUsage()` returns). */
export interface MemorySample {
  rss: number;
  heapUsed: number;
}

/** Options of the Metrics service; the entrypoint builds it once from config and paths. */
export interface MetricsOptions {
  /** The metrics directory (`ctx.paths.metrics`). */
  dir: string;
  /** The clock (days are local calendar days of this clock). */
  now: () => Date;
  /** Days of metrics kept (`monitoring.metrics_retention_days`, default 30). */
  retentionDays?: number;
  /** False when `monitoring.collect_metrics` is off: nothing is recorded or written. */
  enabled?: boolean;
  /** Memory reader (default `process.memoryUsage`). */
  memory?: () => MemorySample;
}

/** Latency of one operation over a window, in milliseconds. */
export interface OperationLatency {
  operation: string;
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  sumMs: number;
}

/** Cache counters of one cache over a window. */
export interface CacheStats {
  cache: string;
  hits: number;
  misses: number;
  /** hits / (hits + misses); null before any lookup. */
  hitRate: number | null;
}

/** Aggregated metrics of a window of days. */
export interface MetricsSnapshot {
  /** First and last day covered (`YYYY-MM-DD`), null when there are no metrics. */
  from: string | null;
  to: string | null;
  operations: OperationLatency[];
  memory: { samples: number; rssMaxBytes: number; heapUsedMaxBytes: number; rssLastBytes: number };
  caches: CacheStats[];
}

interface DayMetrics {
  latency: Map<string, LogHistogram>;
  memory: { samples: number; rssMax: number; heapUsedMax: number; rssLast: number };
  cache: Map<string, { hits: number; misses: number }>;
}

const FORMAT = 'companion-metrics';

/** File the metrics of a metrics directory live in. */
export function metricsFile(dir: string): string {
  return path.join(dir, 'metrics.json');
}

function emptyDay(): DayMetrics {
  return { latency: new Map(), memory: { samples: 0, rssMax: 0, heapUsedMax: 0, rssLast: 0 }, cache: new Map() };
}

function mergeDay(into: DayMetrics, from: DayMetrics): void {
  for (const [op, h] of from.latency) {
    const target = into.latency.get(op);
    if (target) target.merge(h);
    else into.latency.set(op, LogHistogram.fromJSON(h.toJSON()));
  }
  if (from.memory.samples) {
    into.memory.samples += from.memory.samples;
    into.memory.rssMax = Math.max(into.memory.rssMax, from.memory.rssMax);
    into.memory.heapUsedMax = Math.max(into.memory.heapUsedMax, from.memory.heapUsedMax);
    into.memory.rssLast = from.memory.rssLast;
  }
  for (const [name, c] of from.cache) {
    const t = into.cache.get(name) ?? { hits: 0, misses: 0 };
    t.hits += c.hits;
    t.misses += c.misses;
    into.cache.set(name, t);
  }
}

function parseDays(doc: Record<string, unknown> | null): Map<string, DayMetrics> {
  const days = new Map<string, DayMetrics>();
  for (const [key, raw] of Object.entries(asRecord(doc?.days))) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(key)) continue;
    const r = asRecord(raw);
    const day = emptyDay();
    for (const [op, h] of Object.entries(asRecord(r.latency))) {
      try {
        checkMetricName(op, 'operation');
        day.latency.set(op, LogHistogram.fromJSON(h));
      } catch { /* a damaged or foreign entry is dropped */ }
    }
    const m = asRecord(r.memory);
    day.memory = { samples: asCount(m.samples), rssMax: asCount(m.rssMax), heapUsedMax: asCount(m.heapUsedMax), rssLast: asCount(m.rssLast) };
    for (const [name, c] of Object.entries(asRecord(r.cache))) {
      if (!/^[a-z][a-z0-9_.:-]{0,63}$/.test(name)) continue;
      day.cache.set(name, { hits: asCount(asRecord(c).hits), misses: asCount(asRecord(c).misses) });
    }
    days.set(key, day);
  }
  return days;
}

function serialiseDays(days: Map<string, DayMetrics>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of [...days.keys()].sort()) {
    const d = days.get(key)!;
    out[key] = {
      latency: Object.fromEntries([...d.latency].map(([op, h]) => [op, h.toJSON()])),
      memory: d.memory,
      cache: Object.fromEntries(d.cache),
    };
  }
  return out;
}

/**
 * Local-only performance metrics: per-operation latency histograms, memory samples and cache
 * hits/misses, kept per day in `metrics/metrics.json` for `retentionDays` days. Only operation names
 * (validated identifiers) and numbers are stored; never journal text. Recording is in memory; `flush()`
 * merges it into the file with an atomic write (a concurrent flush from another process may be lost,
 * never corrupted).
 */
export class Metrics {
  private pending = new Map<string, DayMetrics>();
  readonly enabled: boolean;
  private readonly retentionDays: number;

  constructor(private readonly options: MetricsOptions) {
    this.enabled = options.enabled ?? true;
    this.retentionDays = options.retentionDays ?? 30;
  }

  private today(): DayMetrics {
    const key = dayKey(this.options.now());
    let day = this.pending.get(key);
    if (!day) this.pending.set(key, (day = emptyDay()));
    return day;
  }

  /** Record how long one operation took. `operation` must be an identifier (TypeError otherwise). */
  recordLatency(operation: string, ms: number): void {
    checkMetricName(operation, 'operation');
    if (!this.enabled || !Number.isFinite(ms) || ms < 0) return;
    const day = this.today();
    let h = day.latency.get(operation);
    if (!h) day.latency.set(operation, (h = new LogHistogram()));
    h.record(ms);
  }

  /** Time `fn` and record its latency under `operation` (also when it throws). */
  async time<T>(operation: string, fn: () => T | Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      this.recordLatency(operation, performance.now() - start);
    }
  }

  /** Sample this process's memory now. */
  recordMemory(): MemorySample {
    const sample = (this.options.memory ?? process.memoryUsage)();
    if (this.enabled) {
      const m = this.today().memory;
      m.samples += 1;
      m.rssMax = Math.max(m.rssMax, sample.rss);
      m.heapUsedMax = Math.max(m.heapUsedMax, sample.heapUsed);
      m.rssLast = sample.rss;
    }
    return { rss: sample.rss, heapUsed: sample.heapUsed };
  }

  /** Count a cache hit (`cache` names the cache, e.g. `semantic`). */
  recordCacheHit(cache = 'semantic'): void {
    this.countCache(cache, 'hits');
  }

  /** Count a cache miss. */
  recordCacheMiss(cache = 'semantic'): void {
    this.countCache(cache, 'misses');
  }

  private countCache(cache: string, field: 'hits' | 'misses'): void {
    checkMetricName(cache, 'cache');
    if (!this.enabled) return;
    const day = this.today();
    const c = day.cache.get(cache) ?? { hits: 0, misses: 0 };
    c[field] += 1;
    day.cache.set(cache, c);
  }

  /** Merge what was recorded into the metrics file and drop days past retention. No-op when disabled. */
  flush(): void {
    if (!this.enabled) return;
    const file = metricsFile(this.options.dir);
    const days = parseDays(readDocument(file, FORMAT));
    const hadPending = this.pending.size > 0;
    for (const [key, day] of this.pending) {
      const target = days.get(key) ?? emptyDay();
      mergeDay(target, day);
      days.set(key, target);
    }
    this.pending = new Map();
    const oldest = dayKeyBefore(this.options.now(), this.retentionDays - 1);
    let pruned = false;
    for (const key of [...days.keys()]) {
      if (key < oldest) {
        days.delete(key);
        pruned = true;
      }
    }
    if (hadPending || pruned) writeDocument(file, { format: FORMAT, version: 1, days: serialiseDays(days) });
  }

  /** Aggregate the last `days` days (default: the whole retention), including what is not flushed yet. */
  snapshot(days = this.retentionDays): MetricsSnapshot {
    const all = parseDays(readDocument(metricsFile(this.options.dir), FORMAT));
    for (const [key, day] of this.pending) {
      const target = all.get(key) ?? emptyDay();
      mergeDay(target, day);
      all.set(key, target);
    }
    const oldest = dayKeyBefore(this.options.now(), days - 1);
    const keys = [...all.keys()].filter((k) => k >= oldest).sort();
    const total = emptyDay();
    for (const key of keys) mergeDay(total, all.get(key)!);
    return {
      from: keys[0] ?? null,
      to: keys[keys.length - 1] ?? null,
      operations: [...total.latency].sort(([a], [b]) => a.localeCompare(b)).map(([operation, h]) => ({
        operation,
        count: h.count,
        p50: h.quantile(0.5),
        p95: h.quantile(0.95),
        p99: h.quantile(0.99),
        max: h.max,
        mean: h.sum / h.count,
        sumMs: h.sum,
      })),
      memory: { samples: total.memory.samples, rssMaxBytes: total.memory.rssMax, heapUsedMaxBytes: total.memory.heapUsedMax, rssLastBytes: total.memory.rssLast },
      caches: [...total.cache].sort(([a], [b]) => a.localeCompare(b)).map(([cache, c]) => ({
        cache,
        hits: c.hits,
        misses: c.misses,
        hitRate: c.hits + c.misses > 0 ? c.hits / (c.hits + c.misses) : null,
      })),
    };
  }
}
