import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Metrics } from '../../src/monitoring/metrics.js';
import { kdfCount } from '../../src/security/kdf.js';
import { initJournal, runCli, tempJournal, walkFiles, type TempJournal } from '../helpers/cli.js';
import { parseExposition, valueOf } from './prom-parse.js';

let t: TempJournal;
beforeEach(async () => {
  t = tempJournal();
  await initJournal(t);
  for (const text of ['a quiet evening with tea', 'long walk by the river @outside', 'dinner with Sam']) {
    const r = await runCli(['write', text], t.env);
    expect(r.code, r.stderr).toBe(0);
  }
});
afterEach(() => t.cleanup());

interface Check { name: string; status: string; reason: string; durationMs: number }
const health = async (args: string[] = [], env: Record<string, string> = {}) => {
  const r = await runCli(['health', '--json', ...args], { ...t.env, ...env });
  const out = r.stdout ? JSON.parse(r.stdout) as { healthy: boolean; status: string; checks: Check[]; journal: Record<string, unknown> } : null;
  const check = (name: string) => out!.checks.find((c) => c.name === name)!;
  return { ...r, out, check };
};

/** A 127.0.0.1 port that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('companion health', () => {
  it('a fresh journal is healthy: every check ok, exit 0, each with a reason and a duration', async () => {
    const r = await health();
    expect(r.code, r.stderr).toBe(0);
    expect(r.out!.healthy).toBe(true);
    expect(r.out!.checks.map((c) => c.name)).toEqual(['config', 'vault', 'entries', 'audit', 'provider', 'disk', 'memory', 'writer-lock', 'drafts', 'quarantine']);
    for (const c of r.out!.checks) {
      expect(c.status, `${c.name}: ${c.reason}`).toBe('ok');
      expect(c.reason).not.toMatch(/\n/);
      expect(c.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(r.check('entries').reason).toBe('3 of 3 entries decrypted and validated');
    expect(r.out!.journal).toMatchObject({ entries: 3, auditOk: true, auditMacsChecked: true });
    // No journal text in the report.
    expect(r.stdout).not.toMatch(/quiet evening|river|Sam/);
  });

  it('a tampered audit log fails the audit check and exits 1', async () => {
    const lines = fs.readFileSync(path.join(t.dataDir, 'audit.log'), 'utf8').split('\n');
    lines[1] = lines[1]!.replace('"severity":"LOW"', '"severity":"HIGH"');
    fs.writeFileSync(path.join(t.dataDir, 'audit.log'), lines.join('\n'));
    const r = await health();
    expect(r.code).toBe(1);
    expect(r.out!.healthy).toBe(false);
    expect(r.check('audit').status).toBe('fail');
    expect(r.check('audit').reason).toMatch(/edited|forged/);
    expect(r.check('vault').status).toBe('ok');
  });

  it('an altered entry file fails the decrypt sample and the audit check', async () => {
    const file = walkFiles(path.join(t.dataDir, 'entries')).find((f) => f.endsWith('.cje'))!;
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 5]! ^= 0x40;
    fs.writeFileSync(file, bytes);
    const r = await health();
    expect(r.code).toBe(1);
    expect(r.check('entries').status).toBe('fail');
    expect(r.check('entries').reason).toMatch(/failed its integrity check/);
    expect(r.check('audit').status).toBe('fail');
  });

  it('provider down (ollama at a closed 127.0.0.1 port) fails the provider check', async () => {
    const port = await closedPort();
    const r = await health([], { COMPANION_PROVIDER: 'ollama', COMPANION_MODEL: 'llama3.2', COMPANION_OLLAMA_HOST: `http://127.0.0.1:${port}` });
    expect(r.code).toBe(1);
    expect(r.check('provider').status).toBe('fail');
    expect(r.check('provider').reason).toMatch(/^ollama .*unavailable/);
    expect(r.check('vault').status).toBe('ok');
  });

  it('invalid config.json fails the config check and names the field', async () => {
    fs.writeFileSync(path.join(t.dataDir, 'config.json'), JSON.stringify({ monitoring: { metrics_retention_days: 0 } }));
    const r = await health();
    expect(r.code).toBe(1);
    expect(r.check('config').status).toBe('fail');
    expect(r.check('config').reason).toMatch(/monitoring\.metrics_retention_days/);
  });

  it('a stale writer lock and pending drafts are warnings: still exit 0', async () => {
    fs.writeFileSync(path.join(t.dataDir, '.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), acquired: new Date().toISOString() }));
    fs.mkdirSync(path.join(t.dataDir, 'drafts'), { recursive: true });
    fs.writeFileSync(path.join(t.dataDir, 'drafts', 'draft-1.cjd'), 'x');
    const r = await health();
    expect(r.code).toBe(0);
    expect(r.out!.status).toBe('warn');
    expect(r.check('writer-lock').status).toBe('warn');
    expect(r.check('writer-lock').reason).toMatch(/stale/);
    expect(r.check('drafts')).toMatchObject({ status: 'warn', reason: '1 unfinished draft pending' });
  });

  it('--no-unlock checks structure only: no KDF, audit MACs unchecked (a warning)', async () => {
    const before = kdfCount();
    const r = await health(['--no-unlock']);
    expect(r.code).toBe(0);
    expect(kdfCount() - before).toBe(0);
    expect(r.check('vault').status).toBe('warn');
    expect(r.check('audit')).toMatchObject({ status: 'warn' });
    expect(r.check('audit').reason).toMatch(/MACs not checked/);
  });

  it('runs exactly one KDF', async () => {
    const before = kdfCount();
    const r = await health();
    expect(r.code).toBe(0);
    expect(kdfCount() - before).toBe(1);
  });

  it('a wrong passphrase fails the vault check (exit 1), not the command', async () => {
    fs.writeFileSync(t.passFile, 'not the passphrase\n');
    const r = await health();
    expect(r.code).toBe(1);
    expect(r.check('vault').status).toBe('fail');
    expect(r.check('entries').status).toBe('warn');
  });

  it('without a journal the vault check fails with a plain reason', async () => {
    const r = await health([], { COMPANION_DATA_DIR: path.join(t.dir, 'nowhere') });
    expect(r.code).toBe(1);
    expect(r.check('vault').reason).toMatch(/No journal here yet/);
  });

  it('plain output for a pipe lists every check; --watch without a terminal is a usage error', async () => {
    const r = await runCli(['health'], t.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^companion health: healthy\n/);
    expect(r.stdout).toMatch(/OK {3}audit/);
    const w = await runCli(['health', '--watch'], t.env);
    expect(w.code).toBe(2);
    expect((await runCli(['health', '--json', '--prometheus'], t.env)).code).toBe(2);
  });
});

describe('companion health --prometheus', () => {
  it('parses back as valid exposition whose values match the JSON report', async () => {
    const m = new Metrics({ dir: path.join(t.dataDir, 'metrics'), now: () => new Date() });
    for (let i = 1; i <= 200; i += 1) m.recordLatency('command.list', i);
    m.recordCacheHit();
    m.recordCacheMiss();
    m.recordMemory();
    m.flush();
    const r = await runCli(['health', '--prometheus'], t.env);
    expect(r.code, r.stderr).toBe(0);
    const exp = parseExposition(r.stdout);
    expect(exp.types.get('companion_up')).toBe('gauge');
    expect(exp.types.get('companion_operation_latency_seconds')).toBe('summary');
    expect(exp.types.get('companion_cache_hits_total')).toBe('counter');
    expect(valueOf(exp, 'companion_up')).toBe(1);
    expect(valueOf(exp, 'companion_entries')).toBe(3);
    for (const check of ['config', 'vault', 'entries', 'audit', 'provider', 'disk', 'memory', 'writer-lock', 'drafts', 'quarantine']) {
      expect(valueOf(exp, 'companion_check_status', { check, status: 'ok' })).toBe(1);
      expect(valueOf(exp, 'companion_check_status', { check, status: 'fail' })).toBe(0);
      expect(valueOf(exp, 'companion_check_duration_seconds', { check })).toBeGreaterThanOrEqual(0);
    }
    const p50 = valueOf(exp, 'companion_operation_latency_seconds', { operation: 'command.list', quantile: '0.5' });
    expect(p50).toBeGreaterThan(0.099);
    expect(p50).toBeLessThan(0.101);
    expect(valueOf(exp, 'companion_operation_latency_seconds_count', { operation: 'command.list' })).toBe(200);
    expect(valueOf(exp, 'companion_operation_latency_seconds_sum', { operation: 'command.list' })).toBeCloseTo(20.1, 6);
    expect(valueOf(exp, 'companion_cache_hits_total', { cache: 'semantic' })).toBe(1);
    expect(valueOf(exp, 'companion_disk_free_bytes')).toBeGreaterThan(0);
  });

  it('an unhealthy journal exports companion_up 0 and the failing check', async () => {
    fs.writeFileSync(path.join(t.dataDir, 'audit.log'), '');
    const r = await runCli(['health', '--prometheus'], t.env);
    expect(r.code).toBe(1);
    const exp = parseExposition(r.stdout);
    expect(valueOf(exp, 'companion_up')).toBe(0);
    expect(valueOf(exp, 'companion_check_status', { check: 'audit', status: 'fail' })).toBe(1);
    expect(valueOf(exp, 'companion_audit_ok')).toBe(0);
  });
});
