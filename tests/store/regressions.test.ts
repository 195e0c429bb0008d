// PENDING: each test here fails against the code at the time of writing because of a bug in src (see the
// report). Copy into tests/store/ once fixed. Needs root + tmpfs for the two full-disk cases.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initJournal, runCli, useTempJournal } from '../helpers/cli.js';
import { auditVerify, listAll } from './store-helpers.js';

const t = useTempJournal();

it('BUG 1: a crash after a multi-record audit append, before the checkpoint, is a repairable torn write', async () => {
  await runCli(['write', 'first'], t.env);
  const vault = path.join(t.dataDir, 'vault.json');
  const before = fs.readFileSync(vault);
  expect((await runCli(['write', 'second'], t.env)).code).toBe(0); // appends vault.unlocked + entry.created together
  fs.writeFileSync(vault, before); // exactly the state of a kill after the log fsync, before the header rename
  const v = await auditVerify(t);
  for (const p of v.report.problems) expect([p.kind, p.repairable]).toEqual(['torn write', true]);
  expect((await auditVerify(t, true)).code).toBe(0);
  const w = await runCli(['write', 'third'], t.env);
  expect(w.stderr).not.toMatch(/audit log failed its check/);
});

it('BUG 2: a config value of the wrong type exits 2 naming the key', async () => {
  for (const [key, value] of [['prompts.timing_threshold_seconds', 'soon'], ['security.redact_remote', 'maybe']] as const) {
    const r = await runCli(['config', 'set', key, value], t.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(key);
  }
});

describe('real full disk (tmpfs)', () => {
  let mnt: string;
  let env: Record<string, string>;
  beforeEach(async () => {
    mnt = path.join(t.dir, 'mnt');
    fs.mkdirSync(mnt);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mnt]);
    env = { ...t.env, COMPANION_DATA_DIR: path.join(mnt, 'data') };
    await initJournal({ ...t, env });
    await runCli(['write', 'old entry'], env);
  });
  afterEach(() => execFileSync('umount', ['-l', mnt]));
  const fill = (pages: number) => {
    const f = path.join(mnt, 'filler');
    const fd = fs.openSync(f, 'w');
    try { for (;;) fs.writeSync(fd, Buffer.alloc(4096, 1)); } catch { /* ENOSPC */ } finally { fs.closeSync(fd); }
    fs.truncateSync(f, fs.statSync(f).size - pages * 4096);
    return f;
  };

  it('BUG 3: no room even for the writer lock: plain "disk is full" (not "unexpected error"), no empty .lock left behind', async () => {
    const f = fill(0);
    const w = await runCli(['write', 'new'], env);
    expect(w.stderr).toMatch(/The disk is full/);
    expect(fs.existsSync(path.join(mnt, 'data', '.lock'))).toBe(false);
    fs.rmSync(f);
    const start = performance.now();
    expect((await runCli(['list'], env)).code).toBe(0);
    expect(performance.now() - start).toBeLessThan(1000); // today: ~2.1 s waiting for the empty lock to age
  });

  it('BUG 4: the disk fills while the checkpoint is written: the message tells the truth and the audit log stays repairable', async () => {
    const f = fill(2);
    const w = await runCli(['write', 'new entry'], env);
    const saved = (await listAll({ ...t, env: { ...env } }).catch(() => [])).some((e) => e.text === 'new entry');
    if (saved) expect(w.stderr).not.toMatch(/Nothing was changed/); // today: entry saved, yet "Nothing was changed"
    fs.rmSync(f);
    const v = await auditVerify({ ...t, env });
    for (const p of v.report.problems) expect([p.kind, p.repairable]).toEqual(['torn write', true]); // today: FORGED
  });
});
