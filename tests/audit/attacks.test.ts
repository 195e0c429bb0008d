import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initJournal, runCli, spawnCli, tempJournal, type TempJournal } from '../helpers/cli.js';
import { freshChain, readLines, rechain, renumber, setField, writeLines } from './tamper-tools.js';

// One journal is built once; every test works on its own copy of the data directory.
let base: TempJournal;
let other: TempJournal;
const ids: string[] = [];
let olderRevision: Buffer;
let t: TempJournal;
let logFile: string;

beforeAll(async () => {
  base = tempJournal();
  await initJournal(base);
  for (const text of ['first entry', 'second entry', 'third entry']) {
    const r = await runCli(['write', '--json', text], base.env);
    ids.push(JSON.parse(r.stdout).id);
  }
  const file = entryFile(base.dataDir, ids[1]!);
  olderRevision = fs.readFileSync(file);
  const edited = await runCli(['edit', ids[1]!], base.env, { editor: (f) => fs.writeFileSync(f, 'second entry, revised') });
  expect(edited.code, edited.stderr).toBe(0);
  other = tempJournal();
  await initJournal(other);
  await runCli(['write', 'a different journal'], other.env);
});
afterAll(() => {
  base.cleanup();
  other.cleanup();
});
beforeEach(() => {
  t = tempJournal();
  fs.cpSync(base.dataDir, t.dataDir, { recursive: true });
  logFile = path.join(t.dataDir, 'audit.log');
});
afterEach(() => t.cleanup());

function entryFile(dataDir: string, id: string): string {
  for (const shard of fs.readdirSync(path.join(dataDir, 'entries'))) {
    const hit = fs.readdirSync(path.join(dataDir, 'entries', shard)).find((n) => n.includes(id));
    if (hit) return path.join(dataDir, 'entries', shard, hit);
  }
  throw new Error(`no file for ${id}`);
}

interface Verdict {
  code: number;
  report: { ok: boolean; macsChecked: boolean; problems: Array<{ kind: string; seq: number | null; entryId: string | null }> };
}

async function verify(env: Record<string, string | undefined> = t.env, extra: string[] = []): Promise<Verdict> {
  const r = await spawnCli(['audit', 'verify', '--json', ...extra], env);
  return { code: r.code, report: JSON.parse(r.stdout) };
}

async function expectKind(kind: string, seq?: number) {
  const v = await verify();
  expect(v.code).toBe(4);
  expect(v.report.ok).toBe(false);
  expect(v.report.problems[0]!.kind).toBe(kind);
  if (seq !== undefined) expect(v.report.problems[0]!.seq).toBe(seq);
  return v;
}

describe('audit verify through the real CLI', () => {
  it('passes on an untouched journal, with MACs checked', async () => {
    const v = await verify();
    expect(v.code).toBe(0);
    expect(v.report).toMatchObject({ ok: true, macsChecked: true, problems: [] });
  });

  it('flip a byte in a record: edited', async () => {
    const bytes = fs.readFileSync(logFile);
    const lines = readLines(logFile);
    const at = lines[0]!.length + 1 + lines[1]!.length + 1 + 30; // inside record 2's timestamp
    bytes[at] = bytes[at]! ^ 0x01;
    fs.writeFileSync(logFile, bytes);
    await expectKind('edited', 2);
  });

  it('edit a record without recomputing the chain: edited', async () => {
    const lines = readLines(logFile);
    lines[3] = setField(lines[3]!, 'severity', 'HIGH');
    writeLines(logFile, lines);
    await expectKind('edited', 3);
  });

  it('edit a record and recompute the whole chain: edited (its MAC no longer fits)', async () => {
    let lines = readLines(logFile);
    const d = JSON.parse(lines[2]!).details;
    lines[2] = setField(lines[2]!, 'details', { ...d, id: 'aaaaaaaaaaaa' });
    lines = rechain(lines, 3);
    writeLines(logFile, lines);
    await expectKind('edited', 2);
  });

  it('delete a middle record and recompute the chain: deleted', async () => {
    let lines = readLines(logFile);
    lines.splice(3, 1);
    lines = rechain(lines, 3);
    writeLines(logFile, lines);
    await expectKind('deleted', 3);
  });

  it('delete a middle record, renumber and recompute: edited or deleted, never ok', async () => {
    let lines = readLines(logFile);
    lines.splice(3, 1);
    lines = rechain(renumber(lines), 0);
    writeLines(logFile, lines);
    const v = await verify();
    expect(v.code).toBe(4);
    expect(['edited', 'deleted']).toContain(v.report.problems[0]!.kind);
  });

  it('reorder two records: reordered', async () => {
    const lines = readLines(logFile);
    [lines[2], lines[3]] = [lines[3]!, lines[2]!];
    writeLines(logFile, rechain(lines, 2));
    await expectKind('reordered', 2);
  });

  it('truncate the last k records: truncated', async () => {
    for (const k of [1, 3]) {
      const lines = readLines(logFile);
      writeLines(logFile, lines.slice(0, lines.length - k));
      const v = await expectKind('truncated');
      expect(v.report.problems[0]!.seq).toBe(lines.length - k);
      fs.cpSync(base.dataDir, t.dataDir, { recursive: true });
    }
  });

  it('replace the whole log with a freshly built chain: replaced', async () => {
    const vaultId = JSON.parse(fs.readFileSync(path.join(t.dataDir, 'vault.json'), 'utf8')).vaultId;
    writeLines(logFile, freshChain(readLines(logFile).length, vaultId));
    await expectKind('replaced', 0);
  });

  it('replay a record at the end: replayed', async () => {
    const lines = readLines(logFile);
    lines.push(lines[2]!);
    writeLines(logFile, rechain(lines, lines.length - 1));
    await expectKind('replayed', lines.length - 1);
  });

  it("swap in another vault's log: replaced", async () => {
    fs.copyFileSync(path.join(other.dataDir, 'audit.log'), logFile);
    await expectKind('replaced', 0);
  });

  it('roll one entry back to an older revision: entry rolled back', async () => {
    fs.writeFileSync(entryFile(t.dataDir, ids[1]!), olderRevision);
    const v = await expectKind('entry rolled back');
    expect(v.report.problems[0]!.entryId).toBe(ids[1]);
  });

  it('delete an entry file: entry missing', async () => {
    fs.rmSync(entryFile(t.dataDir, ids[2]!));
    const v = await expectKind('entry missing');
    expect(v.report.problems[0]!.entryId).toBe(ids[2]);
  });

  it('swap two entry files: caught', async () => {
    const a = entryFile(t.dataDir, ids[0]!);
    const b = entryFile(t.dataDir, ids[2]!);
    const [ba, bb] = [fs.readFileSync(a), fs.readFileSync(b)];
    fs.writeFileSync(a, bb);
    fs.writeFileSync(b, ba);
    const v = await verify();
    expect(v.code).toBe(4);
    expect(v.report.problems.map((p) => p.entryId).sort()).toEqual([ids[0], ids[2]].sort());
  });

  it('a later rollback of the whole data directory is caught with the receipt', async () => {
    const before = fs.mkdtempSync(path.join(t.dir, 'snapshot-'));
    fs.cpSync(t.dataDir, before, { recursive: true });
    await runCli(['write', 'written after the snapshot'], t.env);
    const receipt = JSON.parse((await spawnCli(['audit', 'receipt', '--json'], t.env)).stdout);
    expect(receipt.matchesCheckpoint).toBe(true);
    expect((await verify(t.env, ['--expect', receipt.fingerprint])).code).toBe(0);
    fs.rmSync(t.dataDir, { recursive: true });
    fs.cpSync(before, t.dataDir, { recursive: true });
    const v = await verify(t.env, ['--expect', receipt.fingerprint]);
    expect(v.code).toBe(4);
    expect(v.report.problems.map((p) => p.kind)).toContain('rolled back');
  });

  it('without a passphrase it checks structure and chain, and says MACs were not checked', async () => {
    const env = { ...t.env, COMPANION_PASSPHRASE_FILE: undefined };
    const ok = await spawnCli(['audit', 'verify'], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/MACs were not checked/);
    const lines = readLines(logFile);
    writeLines(logFile, lines.slice(0, -2));
    const v = await verify(env);
    expect(v.code).toBe(4);
    expect(v.report.macsChecked).toBe(false);
    expect(v.report.problems[0]!.kind).toBe('truncated');
  });
});

describe('torn writes are recognised and repaired, not called tampering', () => {
  it('record written, checkpoint not advanced', async () => {
    const header = fs.readFileSync(path.join(t.dataDir, 'vault.json'));
    await runCli(['audit', 'verify'], t.env); // appends one record (vault.unlocked)
    fs.writeFileSync(path.join(t.dataDir, 'vault.json'), header); // as if killed before the checkpoint
    const v = await expectKind('torn write');
    expect(v.report.problems.every((p) => p.kind === 'torn write')).toBe(true);
    const fixed = await spawnCli(['audit', 'verify', '--repair'], t.env);
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
    expect((await verify()).code).toBe(0);
  });

  it('entry saved, record not written', async () => {
    const header = fs.readFileSync(path.join(t.dataDir, 'vault.json'));
    const log = fs.readFileSync(logFile);
    // An import writes the entry file, then its record: roll the log and checkpoint back to before it,
    // as a kill between the two would leave them.
    const file = path.join(t.dir, 'one.json');
    fs.writeFileSync(file, JSON.stringify({ tags: {}, entries: [{ date: '2026-01-02', time: '10:00', title: 'saved just before a crash', body: '', tags: [], starred: false }] }));
    const imported = JSON.parse((await runCli(['import', '--from', 'jrnl', file, '--json'], t.env)).stdout);
    fs.writeFileSync(path.join(t.dataDir, 'vault.json'), header);
    fs.writeFileSync(logFile, log);
    const v = await expectKind('torn write');
    expect(v.report.problems[0]!.entryId).toBe(imported.ids[0]);
    expect((await spawnCli(['audit', 'verify', '--repair'], t.env)).code).toBe(0);
    expect((await verify()).code).toBe(0);
  });

  it('a partly written last record', async () => {
    const text = fs.readFileSync(logFile, 'utf8');
    const header = fs.readFileSync(path.join(t.dataDir, 'vault.json'));
    await runCli(['audit', 'verify'], t.env);
    const grown = fs.readFileSync(logFile, 'utf8');
    fs.writeFileSync(logFile, grown.slice(0, text.length + 40)); // half of the new record, no newline
    fs.writeFileSync(path.join(t.dataDir, 'vault.json'), header);
    await expectKind('torn write');
    expect((await spawnCli(['audit', 'verify', '--repair'], t.env)).code).toBe(0);
    expect((await verify()).code).toBe(0);
  });

  it('--repair refuses to touch a tampered log', async () => {
    const lines = readLines(logFile);
    writeLines(logFile, lines.slice(0, -1));
    const r = await spawnCli(['audit', 'verify', '--repair'], t.env);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/Not repairing/);
  });
});
