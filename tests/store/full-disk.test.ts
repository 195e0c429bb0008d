import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { atomicWrite, type WriteIO } from '../../src/core/atomic-write.js';
import { EnvironmentError } from '../../src/core/errors.js';
import { initJournal, runCli, tempJournal, TEST_PASSPHRASE, type TempJournal } from '../helpers/cli.js';
import { auditVerify, listAll } from './store-helpers.js';
import { openLibraryJournal } from './workers/library-journal.js';

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/** Real file operations, except that writes fail with ENOSPC after `allowBytes` bytes. */
function fullDiskIO(allowBytes = 0, failOn: 'write' | 'fsync' = 'write'): WriteIO {
  let written = 0;
  return {
    openSync: fs.openSync,
    writeSync: (fd, data) => {
      if (failOn === 'write' && written + data.length > allowBytes) {
        const room = allowBytes - written;
        if (room <= 0) throw enospc();
        written += fs.writeSync(fd, data.subarray(0, room)); // a short write first, as a real disk does
        return room;
      }
      written += data.length;
      return fs.writeSync(fd, data);
    },
    fsyncSync: (fd) => {
      if (failOn === 'fsync') throw enospc();
      fs.fsyncSync(fd);
    },
    closeSync: fs.closeSync,
    renameSync: fs.renameSync,
    unlinkSync: fs.unlinkSync,
  };
}

let t: TempJournal;
beforeEach(async () => {
  t = tempJournal();
  await initJournal(t);
});
afterEach(() => {
  vi.restoreAllMocks();
  t.cleanup();
});

describe('atomicWrite on a full disk', () => {
  for (const [what, io] of [
    ['the first write fails', () => fullDiskIO(0)],
    ['a short write, then ENOSPC', () => fullDiskIO(100)],
    ['fsync reports ENOSPC (delayed allocation)', () => fullDiskIO(Infinity, 'fsync')],
  ] as const) {
    it(`${what}: the old file stays intact, no temp file is left, a plain "disk is full" EnvironmentError`, () => {
      const target = path.join(t.dir, 'settings.json');
      fs.writeFileSync(target, 'the old content\n');
      let caught: unknown;
      try {
        atomicWrite(target, 'x'.repeat(10_000), { io: io() });
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(EnvironmentError);
      const err = caught as EnvironmentError;
      expect(err.message).toBe('The disk is full: could not write settings.json. Nothing was changed.');
      expect(err.exitCode).toBe(1);
      expect(err.stack).not.toMatch(/ENOSPC/);
      expect(fs.readFileSync(target, 'utf8')).toBe('the old content\n');
      expect(fs.readdirSync(t.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    });
  }

  it('a write that fits replaces the file (the io is only a filter)', () => {
    const target = path.join(t.dir, 'settings.json');
    fs.writeFileSync(target, 'old');
    atomicWrite(target, 'new', { io: fullDiskIO(1000) });
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
  });
});

/** Make writes of entry files (they start with the "CMPE" magic) fail as if the disk were full. */
function failEntryWrites(): void {
  const real = fs.writeSync;
  vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: unknown, ...rest: unknown[]) => {
    if (data instanceof Uint8Array && Buffer.from(data.subarray(0, 4)).toString('latin1') === 'CMPE') throw enospc();
    return (real as (...a: unknown[]) => number)(fd, data, ...rest);
  }) as typeof fs.writeSync);
}

describe('the journal on a full disk', () => {
  it('an update that hits ENOSPC leaves the old revision readable and the audit log unchanged', async () => {
    const open = await openLibraryJournal(t.dataDir, TEST_PASSPHRASE);
    const saved = await open.journal.create({ text: 'the first version', tags: ['draft'] });
    const auditBefore = fs.readFileSync(path.join(t.dataDir, 'audit.log'));
    failEntryWrites();
    await expect(open.journal.update(saved.id, { text: 'the second version' })).rejects.toThrow(/The disk is full/);
    await expect(open.journal.create({ text: 'another' })).rejects.toBeInstanceOf(EnvironmentError);
    vi.restoreAllMocks();
    expect(open.journal.get(saved.id)).toEqual(saved);
    expect(fs.readFileSync(path.join(t.dataDir, 'audit.log')).equals(auditBefore)).toBe(true);
    expect(fs.existsSync(path.join(t.dataDir, '.lock'))).toBe(false); // the lock was released
    const entries = await listAll(t);
    expect(entries.map((e) => [e.text, e.revision])).toEqual([['the first version', 1]]);
    expect((await auditVerify(t)).report.problems).toEqual([]);
  });

  it('`write` through the CLI on a full disk: exit 1, one plain line, nothing saved', async () => {
    await runCli(['write', 'kept entry'], t.env);
    failEntryWrites();
    const r = await runCli(['write', 'lost entry'], t.env);
    vi.restoreAllMocks();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^companion: The disk is full: could not write \S+\.cje\. Nothing was changed\.\n {2}Free some space and try again\.\n$/);
    expect((await listAll(t)).map((e) => e.text)).toEqual(['kept entry']);
  });
});

/** Why a real tmpfs cannot be used here, or null when it can (detected, not assumed). */
function tmpfsUnavailable(): string | null {
  if (process.platform !== 'linux') return `not Linux (${process.platform})`;
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'companion-tmpfs-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'pipe' });
  } catch (err) {
    const detail = String((err as { stderr?: Buffer }).stderr ?? (err as Error).message).trim().split('\n')[0];
    fs.rmSync(probe, { recursive: true, force: true });
    return `mounting a tmpfs is not permitted here: ${detail}`;
  }
  execFileSync('umount', [probe]);
  fs.rmSync(probe, { recursive: true, force: true });
  return null;
}

const noTmpfs = tmpfsUnavailable();
if (noTmpfs) console.warn(`full-disk.test.ts: skipping the real full-disk test: ${noTmpfs}`);
const PAGE = Number(execFileSync('getconf', ['PAGESIZE']).toString().trim()) || 4096;

/** Fill a filesystem until ENOSPC, then free `pages` pages; returns the filler file. */
function fillDisk(dir: string, pages: number): string {
  const filler = path.join(dir, 'filler');
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(PAGE, 0x55);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(fd);
  }
  const size = fs.statSync(filler).size;
  fs.truncateSync(filler, Math.max(0, size - (size % PAGE) - pages * PAGE));
  return filler;
}

describe.skipIf(noTmpfs !== null)(`a real full disk (tiny tmpfs)${noTmpfs ? ` — skipped: ${noTmpfs}` : ''}`, () => {
  let mnt: string;
  let env: Record<string, string>;
  beforeEach(async () => {
    mnt = path.join(t.dir, 'mnt');
    fs.mkdirSync(mnt);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k,mode=0700', 'tmpfs', mnt]);
    env = { ...t.env, COMPANION_DATA_DIR: path.join(mnt, 'data') };
    const init = await runCli(['init', '--iterations', '100000'], env);
    expect(init.code, init.stderr).toBe(0);
  });
  afterEach(() => {
    execFileSync('umount', ['-l', mnt]);
  });

  it('write and edit fail with the plain message; after freeing space every entry reads at its old revision', async () => {
    const first = JSON.parse((await runCli(['write', '--json', 'written before the disk filled @old'], env)).stdout) as { id: string };
    const before = await listAll({ ...t, env }); // as stored (write may add its analysis as a new revision)
    expect(before.map((x) => x.text)).toEqual(['written before the disk filled @old']);
    // One free page: enough for the writer lock, not for the entry.
    const filler = fillDisk(mnt, 1);
    const w = await runCli(['write', 'this one cannot fit'], env);
    expect(w.code).toBe(1);
    expect(w.stderr).toMatch(/^companion: The disk is full: could not write \S+\.cje\. Nothing was changed\./);
    const e = await runCli(['edit', first.id], env, { editor: (file) => fs.writeFileSync(file, 'an edit that cannot fit') });
    expect(e.code).toBe(1);
    expect(e.stderr).toMatch(/The disk is full/);
    expect(fs.readdirSync(path.join(mnt, 'data'), { recursive: true }).map(String).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    fs.rmSync(filler);
    const entries = await listAll({ ...t, env });
    expect(entries).toEqual(before);
    expect(entries[0]!.id).toBe(first.id);
    const after = await runCli(['write', 'space again'], env);
    expect(after.code, after.stderr).toBe(0);
  });
});
