import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initJournal, runCli, tempJournal, walkFiles, type TempJournal } from '../helpers/cli.js';
import { readLines, setField, writeLines } from '../audit/tamper-tools.js';

// The audit check's fast path: after a full verification (`audit verify`, or a health run that had to verify
// in full) health checks only what changed since, and anything it cannot vouch for sends it to the full path.

let t: TempJournal;
const ids: string[] = [];
beforeEach(async () => {
  t = tempJournal();
  await initJournal(t);
  ids.length = 0;
  for (const text of ['a quiet evening with tea', 'long walk by the river', 'dinner with Sam']) {
    const r = await runCli(['write', '--json', text], t.env);
    expect(r.code, r.stderr).toBe(0);
    ids.push(JSON.parse(r.stdout).id as string);
  }
});
afterEach(() => t.cleanup());

interface Check { name: string; status: string; reason: string }
const health = async () => {
  const r = await runCli(['health', '--json'], t.env);
  const out = JSON.parse(r.stdout) as { healthy: boolean; checks: Check[]; journal: { auditPath: string | null; auditOk: boolean | null; auditRecords: number | null } };
  return { code: r.code, out, audit: out.checks.find((c) => c.name === 'audit')! };
};
const markFile = () => path.join(t.dataDir, 'cache', 'audit-mark');
const logFile = () => path.join(t.dataDir, 'audit.log');
const entryFile = (id: string) => walkFiles(path.join(t.dataDir, 'entries')).find((f) => f.endsWith(`_${id}.cje`))!;
const FAST = /^fast path: \d+ records? since last full verify/;

describe('audit fast path: the mark', () => {
  it('`audit verify` writes the mark (MAC\'d, no journal text); health then takes the fast path', async () => {
    expect(fs.existsSync(markFile())).toBe(false);
    expect((await runCli(['audit', 'verify'], t.env)).code).toBe(0);
    const mark = fs.readFileSync(markFile(), 'utf8');
    expect(mark).toMatch(/^companion-audit-mark\/1 [0-9a-f]{64}\n\{/);
    expect(mark).not.toMatch(/quiet evening|river|Sam/);
    expect(fs.statSync(markFile()).mode & 0o777).toBe(0o600);
    const h = await health();
    expect(h.code).toBe(0);
    expect(h.audit).toMatchObject({ status: 'ok' });
    expect(h.audit.reason).toMatch(FAST);
    expect(h.audit.reason).toMatch(/3 entries match, 0 re-hashed/);
    expect(h.out.journal).toMatchObject({ auditPath: 'fast', auditOk: true });
  });

  it('the first health run verifies in full and writes the mark; the next one is fast and counts the records since', async () => {
    const first = await health();
    expect(first.code).toBe(0);
    expect(first.audit.reason).toMatch(/^full verify: \d+ records, chain and checkpoint intact, 3 entries match \(fast path not used: no earlier full verification\)/);
    expect(first.out.journal.auditPath).toBe('full');
    expect(fs.existsSync(markFile())).toBe(true);
    const second = await health();
    // The first health run appended its own vault.unlocked record after the mark was taken.
    expect(second.audit.reason).toMatch(/^fast path: 1 record since last full verify/);
    const third = await health();
    expect(third.audit.reason).toMatch(/^fast path: 2 records since last full verify/);
    expect(third.out.journal.auditRecords).toBe(second.out.journal.auditRecords! + 1);
  });

  it('entries written, edited and deleted through companion since the mark: fast path, only changed files re-hashed', async () => {
    expect((await runCli(['audit', 'verify'], t.env)).code).toBe(0);
    expect((await runCli(['write', 'a fourth entry'], t.env)).code).toBe(0);
    const edited = await runCli(['edit', ids[0]!], t.env, { editor: (f) => fs.writeFileSync(f, 'an evening with tea, revised') });
    expect(edited.code, edited.stderr).toBe(0);
    expect((await runCli(['delete', '--yes', ids[1]!], t.env)).code).toBe(0);
    const h = await health();
    expect(h.code).toBe(0);
    expect(h.audit.reason).toMatch(FAST);
    expect(h.audit.reason).toMatch(/3 entries match, 2 re-hashed/);
  });
});

describe('audit fast path: tampering still fails (exit 1)', () => {
  beforeEach(async () => {
    expect((await runCli(['audit', 'verify'], t.env)).code).toBe(0);
    expect((await health()).audit.reason).toMatch(FAST);
  });

  it('an entry file changed outside companion (its stat changes)', async () => {
    const file = entryFile(ids[1]!);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 3]! ^= 0x01;
    fs.writeFileSync(file, bytes);
    const h = await health();
    expect(h.code).toBe(1);
    expect(h.audit.status).toBe('fail');
    expect(h.audit.reason).toMatch(/^edited at record \d+: Entry \w+'s file does not match the log/);
    expect(h.out.journal.auditPath).toBe('full');
  });

  it('an edit that keeps the size and puts the modification time back (the change time still moves)', async () => {
    const file = entryFile(ids[2]!);
    const ref = path.join(t.dir, 'times');
    fs.writeFileSync(ref, '');
    execFileSync('touch', ['-r', file, ref]); // keep the exact (nanosecond) times
    const before = fs.statSync(file, { bigint: true });
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 3]! ^= 0x01;
    fs.writeFileSync(file, bytes);
    execFileSync('touch', ['-r', ref, file]);
    const after = fs.statSync(file, { bigint: true });
    expect([after.size, after.mtimeNs, after.ino]).toEqual([before.size, before.mtimeNs, before.ino]);
    expect(after.ctimeNs).not.toBe(before.ctimeNs);
    const h = await health();
    expect(h.code).toBe(1);
    expect(h.audit.reason).toMatch(/^edited/);
  });

  it('an old record (before the mark) edited: the prefix check sends it to the full path', async () => {
    const lines = readLines(logFile());
    lines[1] = setField(lines[1]!, 'severity', 'HIGH');
    writeLines(logFile(), lines);
    const h = await health();
    expect(h.code).toBe(1);
    expect(h.audit.status).toBe('fail');
    expect(h.audit.reason).toMatch(/^edited at record 1/);
  });

  it('a record added after the mark by someone without the key', async () => {
    const lines = readLines(logFile());
    const last = lines[lines.length - 1]!;
    lines.push(setField(setField(last, 'seq', lines.length), 'prev', (await import('../audit/tamper-tools.js')).sha256(last)));
    writeLines(logFile(), lines);
    const h = await health();
    expect(h.code).toBe(1);
    expect(h.audit.reason).toMatch(/^forged at record/);
  });

  it('an entry deleted outside companion', async () => {
    fs.rmSync(entryFile(ids[0]!));
    const h = await health();
    expect(h.code).toBe(1);
    expect(h.audit.reason).toMatch(/^entry missing/);
  });

  it('`audit verify` that finds tampering removes the mark, so health verifies in full again', async () => {
    const file = entryFile(ids[1]!);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 3]! ^= 0x01;
    fs.writeFileSync(file, bytes);
    expect((await runCli(['audit', 'verify'], t.env)).code).toBe(4);
    expect(fs.existsSync(markFile())).toBe(false);
    const h = await health();
    expect(h.code).toBe(1);
    expect(h.out.journal.auditPath).toBe('full');
  });
});

describe('audit fast path: a mark that does not authenticate is not used', () => {
  beforeEach(async () => {
    expect((await runCli(['audit', 'verify'], t.env)).code).toBe(0);
  });

  const editMark = (edit: (body: Record<string, unknown>) => void) => {
    const text = fs.readFileSync(markFile(), 'utf8');
    const nl = text.indexOf('\n');
    const body = JSON.parse(text.slice(nl + 1)) as Record<string, unknown>;
    edit(body);
    fs.writeFileSync(markFile(), `${text.slice(0, nl)}\n${JSON.stringify(body)}`);
  };

  it('an edited mark (the MAC no longer fits) falls back to the full path, which passes an intact journal', async () => {
    editMark((b) => { b.verifiedAt = '2000-01-01T00:00:00.000Z'; });
    const h = await health();
    expect(h.code).toBe(0);
    expect(h.audit.reason).toMatch(/^full verify: .*fast path not used: the verification mark is not authentic/);
    expect((await health()).audit.reason).toMatch(FAST); // the full run wrote a fresh mark
  });

  it('a mark forged to cover a tampered entry falls back and the full path still finds the tampering', async () => {
    const file = entryFile(ids[2]!);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 3]! ^= 0x01;
    fs.writeFileSync(file, bytes);
    const { fileFingerprint } = await import('../../src/security/audit-mark.js');
    const { sha256Hex } = await import('../../src/security/keys.js');
    editMark((b) => {
      const entries = b.entries as Array<[string, number, string, string]>;
      const row = entries.find((e) => e[0] === ids[2])!;
      row[2] = sha256Hex(bytes);
      row[3] = fileFingerprint(fs.statSync(file, { bigint: true }));
    });
    const h = await health();
    expect(h.code).toBe(1);
    expect(h.audit.reason).toMatch(/^edited/);
    expect(h.out.journal.auditPath).toBe('full');
  });

  it('a mark copied from another journal is not used', async () => {
    const other = tempJournal();
    try {
      await initJournal(other);
      expect((await runCli(['audit', 'verify'], other.env)).code).toBe(0);
      fs.copyFileSync(path.join(other.dataDir, 'cache', 'audit-mark'), markFile());
      const h = await health();
      expect(h.code).toBe(0);
      expect(h.audit.reason).toMatch(/^full verify: .*fast path not used: the last verification was of another journal/);
    } finally {
      other.cleanup();
    }
  });

  it('a damaged mark file is ignored (full path), never an error', async () => {
    fs.writeFileSync(markFile(), 'not a mark');
    const h = await health();
    expect(h.code).toBe(0);
    expect(h.audit.reason).toMatch(/^full verify: .*no earlier full verification/);
  });
});

describe('without the passphrase', () => {
  it('--no-unlock never uses the mark (it cannot be authenticated): full path, MACs unchecked', async () => {
    expect((await runCli(['audit', 'verify'], t.env)).code).toBe(0);
    const r = await runCli(['health', '--json', '--no-unlock'], t.env);
    expect(r.code).toBe(0);
    const audit = (JSON.parse(r.stdout) as { checks: Check[] }).checks.find((c) => c.name === 'audit')!;
    expect(audit).toMatchObject({ status: 'warn' });
    expect(audit.reason).toMatch(/^full verify: .*MACs not checked/);
  });
});
