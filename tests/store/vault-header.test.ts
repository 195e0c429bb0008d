import fs from 'node:fs';
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kdfCount } from '../../src/security/kdf.js';
import { initJournal, runCli, tempJournal, type TempJournal } from '../helpers/cli.js';

let t: TempJournal;
let vaultFile: string;
beforeEach(async () => {
  t = tempJournal();
  await initJournal(t);
  vaultFile = `${t.dataDir}/vault.json`;
  const w = await runCli(['write', 'a line that must stay locked away'], t.env);
  expect(w.code, w.stderr).toBe(0);
  expect((await runCli(['list'], t.env)).code).toBe(0); // also loads the command's modules before any timing
});
afterEach(() => t.cleanup());

type Header = { kdf: Record<string, unknown> } & Record<string, unknown>;
const readHeader = () => JSON.parse(fs.readFileSync(vaultFile, 'utf8')) as Header;
const writeHeader = (h: Header) => fs.writeFileSync(vaultFile, JSON.stringify(h, null, 2));

/** Run `list` and report how long it took and how many KDF runs it made in this process. */
async function timedList() {
  const kdfBefore = kdfCount();
  const start = performance.now();
  const r = await runCli(['list', '--json'], t.env);
  return { ...r, ms: performance.now() - start, kdfRuns: kdfCount() - kdfBefore };
}

describe('the vault header bounds the work it can ask for', () => {
  it('a header asking for 10^9 PBKDF2 iterations is refused (exit 4) without running the KDF', async () => {
    const h = readHeader();
    h.kdf.iterations = 1_000_000_000;
    writeHeader(h);
    const r = await timedList();
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/kdf\.iterations/);
    expect(r.stdout).toBe('');
    expect(r.kdfRuns).toBe(0);
    // 10^9 iterations would take minutes; a refusal is immediate. A correctness check, not a benchmark.
    expect(r.ms).toBeLessThan(1000);
  });

  it('a header switching to scrypt with logN 30 (16 GiB of memory) is refused (exit 4) without running the KDF', async () => {
    const h = readHeader();
    h.kdf = { name: 'scrypt', logN: 30, r: 8, p: 1, salt: h.kdf.salt };
    writeHeader(h);
    const r = await timedList();
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/kdf\.logN/);
    expect(r.kdfRuns).toBe(0);
    expect(r.ms).toBeLessThan(1000);
  });

  it('iterations below the minimum are refused too (exit 4)', async () => {
    const h = readHeader();
    h.kdf.iterations = 1000;
    writeHeader(h);
    const r = await timedList();
    expect(r.code).toBe(4);
    expect(r.kdfRuns).toBe(0);
  });
});

describe('the wrap binds the KDF parameters', () => {
  it('an edited salt gives "Wrong passphrase" (exit 3), not garbage and not a crash', async () => {
    const h = readHeader();
    h.kdf.salt = crypto.randomBytes(16).toString('base64');
    writeHeader(h);
    const r = await runCli(['list', '--json'], t.env);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/Wrong passphrase/);
    expect(r.stdout).toBe('');
  });

  it('iterations edited within bounds give "Wrong passphrase" (exit 3)', async () => {
    const h = readHeader();
    h.kdf.iterations = (h.kdf.iterations as number) + 1;
    writeHeader(h);
    const r = await runCli(['show', 'abcd'], t.env);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/Wrong passphrase/);
  });

  it('restoring the original header opens the journal again (the edit was the only problem)', async () => {
    const original = fs.readFileSync(vaultFile);
    const h = readHeader();
    h.kdf.iterations = (h.kdf.iterations as number) + 1;
    writeHeader(h);
    expect((await runCli(['list'], t.env)).code).toBe(3);
    fs.writeFileSync(vaultFile, original);
    const r = await runCli(['list', '--json'], t.env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('a line that must stay locked away');
  });
});

describe('a damaged header', () => {
  it('malformed JSON is refused with exit 4', async () => {
    fs.writeFileSync(vaultFile, fs.readFileSync(vaultFile, 'utf8').slice(0, 40));
    const r = await runCli(['list'], t.env);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/not valid JSON/);
  });

  it('a wrong field type or an unknown field is refused with exit 4, naming the field', async () => {
    const h = readHeader();
    writeHeader({ ...h, version: 2 });
    const v = await runCli(['list'], t.env);
    expect(v.code).toBe(4);
    expect(v.stderr).toMatch(/"version"/);
    writeHeader({ ...h, extra: true });
    expect((await runCli(['list'], t.env)).code).toBe(4);
  });
});
