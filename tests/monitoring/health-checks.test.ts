import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import { dataPaths } from '../../src/core/paths.js';
import { runHealthChecks, type HealthSources } from '../../src/monitoring/health/run-health.js';
import { sampleIndexes } from '../../src/monitoring/health/journal-checks.js';
import { createProvider } from '../../src/providers/create-provider.js';
import { readVaultHeader } from '../../src/security/vault-header.js';
import { unlockWithPassphrase } from '../../src/security/vault.js';
import { initJournal, runCli, tempJournal, TEST_PASSPHRASE, type TempJournal } from '../helpers/cli.js';

let t: TempJournal;
beforeEach(async () => {
  t = tempJournal();
  await initJournal(t);
  expect((await runCli(['write', 'one small entry'], t.env)).code).toBe(0);
});
afterEach(() => t.cleanup());

const GiB = 2 ** 30;

function sources(extra: Partial<HealthSources> = {}): HealthSources {
  const paths = dataPaths(t.dataDir);
  return {
    paths,
    now: () => new Date(),
    config: () => loadConfig(paths.config, {}),
    unlock: () => unlockWithPassphrase(readVaultHeader(paths.vault), TEST_PASSPHRASE),
    provider: () => createProvider({}, {}, { modelsDir: paths.models }),
    ...extra,
  };
}

const statusOf = async (name: string, extra: Partial<HealthSources>) => (await runHealthChecks(sources(extra))).checks.find((c) => c.name === name)!;

describe('disk check (statfs injected)', () => {
  it('goes from ok to warn to fail as the disk fills', async () => {
    const disk = (freeBytes: number, totalBytes = 100 * GiB) => ({ statfs: () => ({ bsize: 4096, blocks: totalBytes / 4096, bavail: freeBytes / 4096 }) });
    expect((await statusOf('disk', disk(40 * GiB))).status).toBe('ok');
    const low = await statusOf('disk', disk(3 * GiB));
    expect(low.status).toBe('warn');
    expect(low.reason).toMatch(/^disk space low: 3\.0 GiB free of 100 GiB/);
    const full = await runHealthChecks(sources(disk(20 * 2 ** 20)));
    const check = full.checks.find((c) => c.name === 'disk')!;
    expect(check.status).toBe('fail');
    expect(check.reason).toMatch(/^disk nearly full: 20 MiB free/);
    expect(full.healthy).toBe(false);
    expect(full.disk).toEqual({ freeBytes: 20 * 2 ** 20, totalBytes: 100 * GiB });
  });

  it('a small disk with plenty of relative space but under 64 MiB free still fails', async () => {
    const c = await statusOf('disk', { statfs: () => ({ bsize: 1024, blocks: 100 * 1024, bavail: 50 * 1024 }) });
    expect(c.status).toBe('fail');
  });

  it('a statfs error fails the check with its message instead of throwing', async () => {
    const c = await statusOf('disk', { statfs: () => { throw new Error('statfs not supported here'); } });
    expect(c).toMatchObject({ status: 'fail', reason: 'statfs not supported here' });
  });
});

describe('memory check (figures injected)', () => {
  const base = { rssBytes: 200e6, heapUsedBytes: 50e6, heapLimitBytes: 4 * GiB, systemFreeBytes: 8 * GiB, systemTotalBytes: 16 * GiB };
  it('ok, then warn when the machine runs out, fail when the heap is nearly exhausted', async () => {
    expect((await statusOf('memory', { memory: () => base })).status).toBe('ok');
    expect((await statusOf('memory', { memory: () => ({ ...base, systemFreeBytes: 0.2 * GiB }) })).status).toBe('warn');
    expect((await statusOf('memory', { memory: () => ({ ...base, heapUsedBytes: 3.8 * GiB }) })).status).toBe('fail');
  });
});

describe('provider check', () => {
  it('a provider that never answers fails after the timeout', async () => {
    const hanging = { name: 'ollama', healthCheck: () => new Promise(() => undefined), dispose: async () => undefined };
    const c = await statusOf('provider', { provider: async () => hanging as never, providerTimeoutMs: 50 });
    expect(c).toMatchObject({ status: 'fail', reason: 'ollama: no answer within 50 ms' });
  });

  it('a provider that cannot be built fails with the reason', async () => {
    const c = await statusOf('provider', { provider: async () => { throw new Error('COMPANION_PROVIDER must be one of …'); } });
    expect(c.status).toBe('fail');
  });
});

describe('decrypt sample', () => {
  it('spreads the sample over the whole journal, both ends included', () => {
    expect(sampleIndexes(3, 16)).toEqual([0, 1, 2]);
    expect(sampleIndexes(10_000, 16)).toHaveLength(16);
    expect(sampleIndexes(10_000, 16)[0]).toBe(0);
    expect(sampleIndexes(10_000, 16)[15]).toBe(9999);
    expect(sampleIndexes(5, 0)).toEqual([]);
  });

  it('a missing entries directory is not an error', async () => {
    fs.rmSync(path.join(t.dataDir, 'entries'), { recursive: true });
    const report = await runHealthChecks(sources());
    expect(report.checks.find((c) => c.name === 'entries')).toMatchObject({ status: 'ok', reason: 'no entries yet' });
    expect(report.checks.find((c) => c.name === 'audit')!.status).toBe('fail'); // the log still names the entry
  });
});
