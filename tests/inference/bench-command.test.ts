import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCli, tempJournal, type TempJournal } from '../helpers/cli.js';
import { Metrics } from '../../src/monitoring/metrics.js';
import path from 'node:path';

let t: TempJournal;
beforeEach(() => { t = tempJournal(); });
afterEach(() => t.cleanup());

const NOW = new Date('2026-11-21T12:00:00Z');

it('bench --json reports recorded percentiles, cache hit rate and detector figures without a passphrase', async () => {
  const metrics = new Metrics({ dir: path.join(t.dataDir, 'metrics'), now: () => NOW });
  for (let i = 1; i <= 100; i++) metrics.recordLatency('summary', i);
  metrics.recordCacheHit('semantic');
  metrics.recordCacheHit('semantic');
  metrics.recordCacheHit('semantic');
  metrics.recordCacheMiss('semantic');
  metrics.recordMemory();
  metrics.flush();
  const r = await runCli(['bench', '--json'], { ...t.env, COMPANION_PASSPHRASE_FILE: undefined }, { now: NOW });
  expect(r.code, r.stderr).toBe(0);
  const report = JSON.parse(r.stdout);
  expect(Object.keys(report).sort()).toEqual(['cache', 'detectors', 'latency', 'memory', 'throughput']);
  const summary = report.latency.find((o: { operation: string }) => o.operation === 'summary');
  expect(summary.count).toBe(100);
  expect(summary.p50).toBeGreaterThan(45);
  expect(summary.p50).toBeLessThan(55);
  expect(summary.p99).toBeGreaterThan(summary.p95);
  expect(report.cache).toEqual({ hits: 3, misses: 1, hitRate: 0.75 });
  expect(report.memory.peakRssBytes).toBeGreaterThan(0);
  expect(report.memory.recordedRssMaxBytes).toBeGreaterThan(0);
  expect(report.throughput).toMatchObject({ name: 'analyzer', texts: 12 });
  expect(report.throughput.textsPerSecond).toBeGreaterThan(0);
  const names = report.detectors.map((d: { name: string }) => d.name);
  expect(names).toEqual(['pii', 'injection', 'poisoning']);
  const byName = Object.fromEntries(report.detectors.map((d: { name: string; flagged: number }) => [d.name, d]));
  expect(byName.pii.flagged).toBeGreaterThanOrEqual(2);
  expect(byName.injection.flagged).toBeGreaterThanOrEqual(2);
});

it('bench prints a readable report and says when nothing is recorded', async () => {
  const r = await runCli(['bench'], t.env, { now: NOW });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain('nothing recorded yet');
  expect(r.stdout).toContain('no lookups recorded');
  expect(r.stdout).toMatch(/injection\s+\d+ texts\/s/);
});
