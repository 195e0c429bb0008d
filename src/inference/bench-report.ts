import { analyzeEntry, buildThemeCorpus } from '../core/analysis/index.js';
import type { MetricsSnapshot, OperationLatency } from '../monitoring/metrics.js';
import { detectInjection } from '../security/injection/index.js';
import { detectPII } from '../security/pii/index.js';
import { buildStyleBaseline, detectPoisoning } from '../security/poisoning/index.js';
import { BENCH_ENTRIES } from './bench-sample.js';

/** Timing of one workload over the built-in sample. */
export interface WorkloadFigures {
  name: string;
  /** Texts processed per round. */
  texts: number;
  rounds: number;
  /** Mean and 95th-percentile time per text, in milliseconds. */
  meanMs: number;
  p95Ms: number;
  textsPerSecond: number;
  /** Texts the detector flagged in one round (absent for the analyzer). */
  flagged?: number;
}

/** The `companion bench` report. */
export interface BenchReport {
  /** Recorded latency percentiles per operation (monitoring histograms, the whole retention window). */
  latency: OperationLatency[];
  /** Analyzer throughput over the built-in sample. */
  throughput: WorkloadFigures;
  memory: { peakRssBytes: number; recordedRssMaxBytes: number; heapUsedBytes: number };
  cache: { hits: number; misses: number; hitRate: number | null };
  detectors: WorkloadFigures[];
}

function time(name: string, rounds: number, texts: readonly string[], run: (text: string) => boolean | void): WorkloadFigures {
  const samples: number[] = [];
  let flagged = 0;
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      const start = performance.now();
      const hit = run(t);
      samples.push(performance.now() - start);
      if (r === 0 && hit === true) flagged++;
    }
  }
  samples.sort((a, b) => a - b);
  const total = samples.reduce((s, x) => s + x, 0);
  const p95 = samples[Math.min(samples.length - 1, Math.ceil(0.95 * samples.length) - 1)] ?? 0;
  return { name, texts: texts.length, rounds, meanMs: total / samples.length, p95Ms: p95, textsPerSecond: total > 0 ? (samples.length * 1000) / total : 0, ...(name === 'analyzer' ? {} : { flagged }) };
}

/**
 * Build the bench report: the recorded metrics (latency percentiles, memory, semantic cache counters)
 * plus the analyzer and the PII, injection and poisoning detectors timed over the built-in sample
 * (`rounds` passes, the first a warm-up). Uses no journal and no model.
 */
export function benchReport(metrics: MetricsSnapshot, rounds = 5): BenchReport {
  const texts = BENCH_ENTRIES;
  const corpus = buildThemeCorpus(texts);
  const baseline = buildStyleBaseline(texts.slice(0, 8));
  const warm = (fn: (t: string) => unknown) => texts.forEach(fn);
  warm((t) => analyzeEntry(t, corpus));
  warm((t) => detectPII(t));
  warm((t) => detectInjection(t));
  warm((t) => detectPoisoning(t, baseline));
  const throughput = time('analyzer', rounds, texts, (t) => void analyzeEntry(t, corpus));
  const detectors = [
    time('pii', rounds, texts, (t) => detectPII(t).length > 0),
    time('injection', rounds, texts, (t) => detectInjection(t).risk !== 'NONE'),
    time('poisoning', rounds, texts, (t) => detectPoisoning(t, baseline).anomalous),
  ];
  const semantic = metrics.caches.find((c) => c.cache === 'semantic') ?? { hits: 0, misses: 0, hitRate: null };
  const usage = process.memoryUsage();
  return {
    latency: metrics.operations,
    throughput,
    memory: { peakRssBytes: Math.max(process.resourceUsage().maxRSS * 1024, usage.rss), recordedRssMaxBytes: metrics.memory.rssMaxBytes, heapUsedBytes: usage.heapUsed },
    cache: { hits: semantic.hits, misses: semantic.misses, hitRate: semantic.hitRate },
    detectors,
  };
}
