import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog, auditKeys } from '../../src/security/audit-log.js';
import { auditMarkFile, auditMarkKey, markAuthentic, readAuditMark, readWithFingerprint, refreshAuditMark, statFingerprint, writeAuditMark } from '../../src/security/audit-mark.js';
import { checkpointMac, formatRecord, lineHash } from '../../src/security/audit-record.js';
import { confirmSinceMark, planSinceMark, type ListedEntry, type SinceMarkInput } from '../../src/security/audit-verify-since.js';
import { verifyAudit, type EntryState } from '../../src/security/audit-verify.js';
import { sha256Hex } from '../../src/security/keys.js';
import { readVaultHeader, writeVaultHeader } from '../../src/security/vault-header.js';
import { createVaultHeader, type Vault } from '../../src/security/vault.js';
import { setField } from './tamper-tools.js';

// Unit tests of the verification mark and the "since the mark" verification, on a real vault and log with
// stand-in entry files (the fast path only hashes them; it never decrypts).

let dir: string;
let vault: Vault;
let otherVault: Vault;
let files: { log: string; pending: string; header: string };
let entriesDir: string;
let cacheDir: string;
let log: AuditLog;
const now = () => new Date('2026-03-01T10:00:00Z');

beforeAll(async () => {
  ({ vault } = await createVaultHeader('mark passphrase', { kind: 'pbkdf2', iterations: 100_000 }, now()));
  ({ vault: otherVault } = await createVaultHeader('another journal', { kind: 'pbkdf2', iterations: 100_000 }, now()));
});

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'companion-audit-mark-'));
  files = { log: path.join(dir, 'audit.log'), pending: path.join(dir, 'pending'), header: path.join(dir, 'vault.json') };
  entriesDir = path.join(dir, 'entries');
  cacheDir = path.join(dir, 'cache');
  fs.mkdirSync(entriesDir);
  writeVaultHeader(files.header, vault.header);
  log = new AuditLog(files, vault, now);
  log.append([{ type: 'vault.created', severity: 'MEDIUM', details: { vaultId: vault.vaultId } }]);
  for (const id of ['aaaaaaaaaaaa', 'bbbbbbbbbbbb', 'cccccccccccc']) writeEntry(id, `ciphertext of ${id}`, 'entry.created');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Write a stand-in entry file and its audit record, as the journal does. */
function writeEntry(id: string, content: string, type: 'entry.created' | 'entry.updated'): void {
  const file = path.join(entriesDir, `${id}.cje`);
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
  log.append([{ type, severity: 'LOW', details: { id, revision: 1, hash: sha256Hex(content) } }]);
}

const ids = () => fs.readdirSync(entriesDir).filter((n) => n.endsWith('.cje')).sort().map((n) => n.slice(0, -4));
const listing = (): ListedEntry[] => ids().map((id) => {
  const file = path.join(entriesDir, `${id}.cje`);
  return { id, file, fingerprint: statFingerprint(file)!.fingerprint };
});
const rehash = (file: string) => sha256Hex(fs.readFileSync(file));

/** The full verification, then the mark it leaves (as `audit verify` does). */
function fullVerify() {
  const states: EntryState[] = [];
  const fingerprints: string[] = [];
  for (const id of ids()) {
    const { bytes, fingerprint } = readWithFingerprint(path.join(entriesDir, `${id}.cje`));
    states.push({ id, rev: 1, hash: sha256Hex(bytes), authentic: null });
    fingerprints.push(fingerprint);
  }
  const logText = fs.existsSync(files.log) ? fs.readFileSync(files.log, 'utf8') : null;
  const header = readVaultHeader(files.header);
  const report = verifyAudit({ logText, vaultId: vault.vaultId, checkpoint: header.audit, keys: auditKeys(vault), entries: states });
  expect(refreshAuditMark(cacheDir, vault, report, logText, states, fingerprints, now())).toBeNull();
  return report;
}

function input(extra: Partial<SinceMarkInput> = {}): SinceMarkInput {
  const sealed = readAuditMark(auditMarkFile(cacheDir));
  if (!sealed) throw new Error('no mark');
  return { sealed, vaultId: vault.vaultId, log: fs.readFileSync(files.log), checkpoint: readVaultHeader(files.header).audit, entries: listing(), rehash, ...extra };
}

const keys = (v: Vault = vault) => ({ ...auditKeys(v), mark: auditMarkKey(v) });

function fast(extra: Partial<SinceMarkInput> = {}) {
  const plan = planSinceMark(input(extra));
  return plan.ok ? confirmSinceMark(plan, keys()) : plan;
}

describe('the verification mark', () => {
  it('round-trips and authenticates only under its own vault\'s key', () => {
    const report = fullVerify();
    expect(report.ok).toBe(true);
    const sealed = readAuditMark(auditMarkFile(cacheDir))!;
    expect(sealed.mark).toMatchObject({ vaultId: vault.vaultId, records: 4, head: report.head, verifiedAt: now().toISOString() });
    expect(sealed.mark.logBytes).toBe(fs.statSync(files.log).size);
    expect(sealed.mark.entries.map((e) => e.id)).toEqual(['aaaaaaaaaaaa', 'bbbbbbbbbbbb', 'cccccccccccc']);
    expect(markAuthentic(sealed, auditMarkKey(vault))).toBe(true);
    expect(markAuthentic(sealed, auditMarkKey(otherVault))).toBe(false);
  });

  it('a changed body no longer authenticates', () => {
    fullVerify();
    const sealed = readAuditMark(auditMarkFile(cacheDir))!;
    const body = sealed.body.replace(`"records":${sealed.mark.records}`, `"records":${sealed.mark.records + 1}`);
    expect(body).not.toBe(sealed.body);
    expect(markAuthentic({ ...sealed, body }, auditMarkKey(vault))).toBe(false);
  });

  it('missing, damaged or oddly shaped marks read as none', () => {
    const file = auditMarkFile(cacheDir);
    expect(readAuditMark(file)).toBeNull();
    fs.mkdirSync(cacheDir, { recursive: true });
    for (const text of ['', 'companion-audit-mark/1 xyz\n{}', `companion-audit-mark/1 ${'0'.repeat(64)}\n{"records":-1}`, `other/1 ${'0'.repeat(64)}\n{}`]) {
      fs.writeFileSync(file, text);
      expect(readAuditMark(file), text).toBeNull();
    }
    writeAuditMark(file, auditMarkKey(vault), { vaultId: 'v', records: 0, head: '0'.repeat(64), logBytes: 0, prefixHash: sha256Hex(''), verifiedAt: 'x', entries: [] });
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"entries":[]', '"entries":[["id",1,"nothex","1:2:3:4"]]'));
    expect(readAuditMark(file)).toBeNull();
  });

  it('a failed full verification removes the mark', () => {
    fullVerify();
    fs.writeFileSync(path.join(entriesDir, 'bbbbbbbbbbbb.cje'), 'changed outside companion');
    expect(fullVerify().ok).toBe(false);
    expect(fs.existsSync(auditMarkFile(cacheDir))).toBe(false);
  });
});

describe('verification since the mark', () => {
  it('nothing changed: passes with no record and no file read again', () => {
    fullVerify();
    expect(fast()).toMatchObject({ ok: true, sinceMark: 0, rehashed: 0, entriesChecked: 3, records: 4 });
  });

  it('changes made through the log since: only the changed and new files are hashed', () => {
    fullVerify();
    writeEntry('bbbbbbbbbbbb', 'a new revision', 'entry.updated');
    writeEntry('dddddddddddd', 'a new entry', 'entry.created');
    fs.rmSync(path.join(entriesDir, 'cccccccccccc.cje'));
    log.append([{ type: 'entry.deleted', severity: 'MEDIUM', details: { id: 'cccccccccccc', revision: 1 } }]);
    const hashed: string[] = [];
    const r = fast({ rehash: (file) => { hashed.push(path.basename(file)); return rehash(file); } });
    expect(r).toMatchObject({ ok: true, sinceMark: 3, rehashed: 2, entriesChecked: 3 });
    expect(hashed.sort()).toEqual(['bbbbbbbbbbbb.cje', 'dddddddddddd.cje']);
  });

  it.each([
    ['an entry file changed (its stat too)', () => fs.writeFileSync(path.join(entriesDir, 'aaaaaaaaaaaa.cje'), 'edited outside'), /entry aaaaaaaaaaaa does not match/],
    ['an entry file deleted', () => fs.rmSync(path.join(entriesDir, 'aaaaaaaaaaaa.cje')), /entry aaaaaaaaaaaa is missing/],
    ['an entry file not in the log', () => fs.writeFileSync(path.join(entriesDir, 'zzzzzzzzzzzz.cje'), 'planted'), /not a live entry/],
    ['the log truncated', () => fs.truncateSync(files.log, 10), /shorter/],
    ['a partial record at the end', () => fs.appendFileSync(files.log, '{"seq":'), /incomplete/],
  ])('%s: falls back to the full path', (_name, tamper, reason) => {
    fullVerify();
    tamper();
    const r = fast();
    expect(r.ok).toBe(false);
    expect((r as { reason: string }).reason).toMatch(reason);
  });

  it('any one-byte change in the log before the mark falls back (property)', () => {
    fullVerify();
    const original = fs.readFileSync(files.log);
    const logBytes = readAuditMark(auditMarkFile(cacheDir))!.mark.logBytes;
    fc.assert(fc.property(fc.integer({ min: 0, max: logBytes - 1 }), fc.integer({ min: 1, max: 255 }), (at, flip) => {
      const changed = Buffer.from(original);
      changed[at]! ^= flip;
      return planSinceMark(input({ log: changed })).ok === false;
    }), { numRuns: 200 });
  });

  it('a record after the mark with a bad MAC is refused, even with a checkpoint that matches it', () => {
    fullVerify();
    log.append([{ type: 'export', severity: 'MEDIUM', details: { format: 'json' } }]);
    const lines = fs.readFileSync(files.log, 'utf8').split('\n').filter(Boolean);
    const forged = setField(lines[lines.length - 1]!, 'severity', 'LOW');
    lines[lines.length - 1] = forged;
    fs.writeFileSync(files.log, lines.map((l) => l + '\n').join(''));
    // A checkpoint that fits the forged line (made here with the key, which an attacker would not have).
    const head = lineHash(forged);
    const checkpoint = { length: lines.length, head, mac: checkpointMac(auditKeys(vault).checkpoint, vault.vaultId, lines.length, head) };
    const plan = planSinceMark(input({ checkpoint }));
    expect(plan.ok).toBe(true);
    expect(confirmSinceMark(plan as Extract<typeof plan, { ok: true }>, keys())).toMatchObject({ ok: false, reason: `record ${lines.length - 1} does not match its MAC` });
  });

  it('a genuine record after the mark is accepted (MAC made with the key)', () => {
    fullVerify();
    const header = readVaultHeader(files.header);
    const line = formatRecord(auditKeys(vault).record, { seq: header.audit!.length, ts: now().toISOString(), type: 'export', severity: 'MEDIUM', details: {} }, header.audit!.head);
    fs.appendFileSync(files.log, line + '\n');
    const head = lineHash(line);
    const checkpoint = { length: header.audit!.length + 1, head, mac: checkpointMac(auditKeys(vault).checkpoint, vault.vaultId, header.audit!.length + 1, head) };
    expect(fast({ checkpoint })).toMatchObject({ ok: true, sinceMark: 1 });
  });

  it('a mark under another vault\'s key is refused', () => {
    fullVerify();
    const plan = planSinceMark(input());
    expect(plan.ok).toBe(true);
    expect(confirmSinceMark(plan as Extract<typeof plan, { ok: true }>, keys(otherVault))).toMatchObject({ ok: false, reason: 'the verification mark is not authentic' });
  });

  it('the documented limit: a file whose stat fingerprint is unchanged is not read again (the full verification reads it)', () => {
    fullVerify();
    const stale = listing(); // fingerprints as they were
    fs.writeFileSync(path.join(entriesDir, 'aaaaaaaaaaaa.cje'), crypto.randomBytes(20));
    // Pretend the stat did not change (an edit that also restored size, times and inode).
    expect(fast({ entries: stale })).toMatchObject({ ok: true, rehashed: 0 });
    expect(fullVerify().ok).toBe(false);
  });
});
