import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Metrics, metricsFile } from '../../src/monitoring/metrics.js';
import { recordCommandRun } from '../../src/monitoring/command-usage.js';
import { telemetryFile } from '../../src/monitoring/telemetry.js';

let dir: string;
let now: Date;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'companion-metrics-'));
  now = new Date(2026, 2, 10, 12);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const make = (extra: Partial<ConstructorParameters<typeof Metrics>[0]> = {}) =>
  new Metrics({ dir, now: () => now, memory: () => ({ rss: 100e6, heapUsed: 40e6 }), ...extra });

describe('Metrics', () => {
  it('records latency per operation and reads percentiles back after a flush, across instances', () => {
    const m = make();
    for (let i = 1; i <= 100; i += 1) m.recordLatency('command.list', i);
    m.recordLatency('command.search', 7);
    m.flush();
    const snap = make().snapshot();
    const list = snap.operations.find((o) => o.operation === 'command.list')!;
    expect(list.count).toBe(100);
    expect(list.p50).toBeGreaterThan(49.4);
    expect(list.p50).toBeLessThan(50.6);
    expect(list.p99).toBeGreaterThan(98);
    expect(list.max).toBe(100);
    expect(list.mean).toBeCloseTo(50.5, 5);
    expect(snap.operations.map((o) => o.operation)).toEqual(['command.list', 'command.search']);
    expect(snap.from).toBe('2026-03-10');
  });

  it('a second flush merges with what is on disk instead of replacing it', () => {
    const a = make();
    a.recordLatency('op', 10);
    a.flush();
    const b = make();
    b.recordLatency('op', 20);
    b.recordCacheHit();
    b.recordCacheMiss();
    b.recordCacheHit();
    b.flush();
    const snap = make().snapshot();
    expect(snap.operations[0]!.count).toBe(2);
    expect(snap.caches).toEqual([{ cache: 'semantic', hits: 2, misses: 1, hitRate: 2 / 3 }]);
  });

  it('time() records the duration of a function, also when it throws', async () => {
    const m = make();
    await m.time('work', async () => new Promise((r) => setTimeout(r, 20)));
    await expect(m.time('work', () => { throw new Error('boom'); })).rejects.toThrow('boom');
    const op = m.snapshot().operations[0]!;
    expect(op.count).toBe(2);
    expect(op.max).toBeGreaterThanOrEqual(15);
  });

  it('memory samples keep the maximum and the last value', () => {
    let rss = 50e6;
    const m = make({ memory: () => ({ rss, heapUsed: rss / 2 }) });
    m.recordMemory();
    rss = 200e6;
    m.recordMemory();
    rss = 80e6;
    m.recordMemory();
    expect(m.snapshot().memory).toEqual({ samples: 3, rssMaxBytes: 200e6, heapUsedMaxBytes: 100e6, rssLastBytes: 80e6 });
  });

  it('drops days older than the retention on flush', () => {
    const m = make({ retentionDays: 7 });
    m.recordLatency('op', 1);
    m.flush();
    now = new Date(2026, 2, 16, 12); // 6 days later: still inside 7 days
    const m2 = make({ retentionDays: 7 });
    m2.recordLatency('op', 2);
    m2.flush();
    expect(Object.keys(JSON.parse(fs.readFileSync(metricsFile(dir), 'utf8')).days)).toEqual(['2026-03-10', '2026-03-16']);
    now = new Date(2026, 2, 17, 12); // 7 days later: the 10th falls out
    const m3 = make({ retentionDays: 7 });
    m3.flush();
    expect(Object.keys(JSON.parse(fs.readFileSync(metricsFile(dir), 'utf8')).days)).toEqual(['2026-03-16']);
    expect(m3.snapshot().operations[0]!.count).toBe(1);
  });

  it('refuses anything but identifiers as operation names, so journal text can never be stored', () => {
    const m = make();
    for (const bad of ['Dinner with Sam was lovely', 'command list', 'x'.repeat(65), '', 'Café', 'op\nname']) {
      expect(() => m.recordLatency(bad, 1), bad).toThrow(TypeError);
    }
    expect(() => m.recordCacheHit('Semantic Cache')).toThrow(TypeError);
    m.recordLatency('command.audit.verify', 3);
    m.flush();
    const text = fs.readFileSync(metricsFile(dir), 'utf8');
    expect(text).toMatch(/"command\.audit\.verify"/);
    // Only identifiers, digits and JSON punctuation: no free text anywhere in the file.
    const strings = [...text.matchAll(/"([^"]*)"/g)].map((x) => x[1]!);
    for (const s of strings) expect(s).toMatch(/^[a-zA-Z0-9_.:-]+$/);
  });

  it('writes nothing when collection is disabled', () => {
    const m = make({ enabled: false });
    m.recordLatency('op', 1);
    m.recordMemory();
    m.recordCacheMiss();
    m.flush();
    expect(fs.existsSync(metricsFile(dir))).toBe(false);
    expect(m.snapshot().operations).toEqual([]);
  });

  it('a damaged metrics file is replaced, not fatal; the file is private', () => {
    fs.writeFileSync(metricsFile(dir), '{not json');
    const m = make();
    m.recordLatency('op', 5);
    m.flush();
    expect(make().snapshot().operations[0]!.count).toBe(1);
    expect(fs.statSync(metricsFile(dir)).mode & 0o777).toBe(0o600);
  });
});

describe('recordCommandRun (the CLI hook)', () => {
  it('records the command latency, a memory sample and one feature use', () => {
    expect(recordCommandRun({ dir, now: () => now, enabled: true, retentionDays: 30 }, 'list', 42)).toBe(true);
    expect(recordCommandRun({ dir, now: () => now, enabled: true, retentionDays: 30 }, 'list', 44)).toBe(true);
    const snap = make().snapshot();
    expect(snap.operations[0]).toMatchObject({ operation: 'command.list', count: 2 });
    expect(snap.memory.samples).toBe(2);
    expect(JSON.parse(fs.readFileSync(telemetryFile(dir), 'utf8')).days['2026-03-10'].features).toEqual({ list: 2 });
  });

  it('never throws (an unwritable directory or a bad name returns false)', () => {
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, '');
    expect(recordCommandRun({ dir: path.join(file, 'metrics'), now: () => now, enabled: true, retentionDays: 30 }, 'list', 1)).toBe(false);
    expect(recordCommandRun({ dir, now: () => now, enabled: true, retentionDays: 30 }, 'Not A Name', 1)).toBe(false);
    expect(recordCommandRun({ dir, now: () => now, enabled: false, retentionDays: 30 }, 'list', 1)).toBe(true);
    expect(fs.existsSync(metricsFile(dir))).toBe(false);
  });
});
