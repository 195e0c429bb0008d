import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { atomicWrite, ensurePrivateDir } from '../core/atomic-write.js';
import type { EntryState, VerifyReport } from './audit-verify.js';
import { KeyLabel, safeEqual, sha256Hex } from './keys.js';
import type { Vault } from './vault.js';

/**
 * The verification mark: what the last full audit verification proved, so `companion health` can check
 * only what changed since. Kept in the cache directory, MAC'd under a key derived from the vault (a mark
 * that does not authenticate is ignored). It holds record counts, hashes, ids and file stat figures, never
 * journal text.
 */
export interface AuditMark {
  vaultId: string;
  /** Records in the log when it was verified. */
  records: number;
  /** Chain hash of the last of those records (GENESIS for an empty log). */
  head: string;
  /** Byte length of the log up to and including the last verified record. */
  logBytes: number;
  /** SHA-256 of those bytes. */
  prefixHash: string;
  /** When the full verification ran (ISO). */
  verifiedAt: string;
  /** Every live entry file as verified. */
  entries: MarkedEntry[];
}

/** One entry file as the full verification saw it. */
export interface MarkedEntry {
  id: string;
  /** Revision from the clear header. */
  rev: number;
  /** SHA-256 of the whole file (matched the entry's last audit record). */
  hash: string;
  /** Stat fingerprint of the file (see fileFingerprint). */
  fingerprint: string;
}

/** A mark as read from disk: its parsed content and the exact bytes its MAC covers, not yet authenticated. */
export interface SealedMark {
  mark: AuditMark;
  body: string;
  mac: string;
}

const MAGIC = 'companion-audit-mark/1';
const MAC_CONTEXT = 'companion/v1/audit-mark\0';
/** Refuse to read marks larger than this (about 1 KB per 10 entries; this allows over a million entries). */
const MAX_MARK_BYTES = 256 * 2 ** 20;

/** Where the mark lives: `cache/audit-mark` in the data directory. */
export function auditMarkFile(cacheDir: string): string {
  return path.join(cacheDir, 'audit-mark');
}

/** The MAC key of the mark, derived from the vault's data key. */
export function auditMarkKey(vault: Vault): crypto.KeyObject {
  return crypto.createSecretKey(vault.deriveKey(KeyLabel.auditMark));
}

/**
 * A cheap fingerprint of a file: size, modification and change times in nanoseconds, and inode. Any write
 * through companion (a new file renamed into place) changes it; so does an edit in place, unless whoever
 * edits also restores the size, both times and the inode (ctime cannot be set back without changing the
 * system clock).
 */
export function fileFingerprint(st: fs.BigIntStats): string {
  return `${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}`;
}

/** The fingerprint of a file by path; null when it does not exist. */
export function statFingerprint(file: string): { fingerprint: string; size: number } | null {
  const st = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
  return st ? { fingerprint: fileFingerprint(st), size: Number(st.size) } : null;
}

/** Read a whole file together with the fingerprint of what was read (stat of the open file, taken first). */
export function readWithFingerprint(file: string): { bytes: Buffer; fingerprint: string } {
  const fd = fs.openSync(file, 'r');
  try {
    const st = fs.fstatSync(fd, { bigint: true });
    const bytes = Buffer.allocUnsafe(Number(st.size));
    let off = 0;
    while (off < bytes.length) {
      const n = fs.readSync(fd, bytes, off, bytes.length - off, off);
      if (n === 0) break;
      off += n;
    }
    return { bytes: bytes.subarray(0, off), fingerprint: fileFingerprint(st) };
  } finally {
    fs.closeSync(fd);
  }
}

/** The log-side part of a mark, from the exact log text a full verification accepted. */
export function logPrefixOf(logText: string | null): { logBytes: number; prefixHash: string } {
  const bytes = Buffer.from(logText ?? '', 'utf8');
  return { logBytes: bytes.length, prefixHash: sha256Hex(bytes) };
}

function macOf(key: crypto.KeyObject, body: string): string {
  return crypto.createHmac('sha256', key).update(MAC_CONTEXT).update(body).digest('hex');
}

/** Write the mark (atomically, private), replacing any earlier one. */
export function writeAuditMark(file: string, key: crypto.KeyObject, mark: AuditMark): void {
  const body = JSON.stringify({
    ...mark,
    entries: mark.entries.map((e) => [e.id, e.rev, e.hash, e.fingerprint]),
  });
  ensurePrivateDir(path.dirname(file));
  atomicWrite(file, `${MAGIC} ${macOf(key, body)}\n${body}`);
}

/** Remove the mark (e.g. when a full verification fails); never throws for a missing file. */
export function removeAuditMark(file: string): void {
  fs.rmSync(file, { force: true });
}

const HEX64 = /^[0-9a-f]{64}$/;
const FINGERPRINT = /^\d+:\d+:\d+:\d+$/;

function parseMark(body: string): AuditMark | null {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return null;
  }
  const r = raw as Record<string, unknown>;
  if (typeof r !== 'object' || r === null || typeof r.vaultId !== 'string' || typeof r.verifiedAt !== 'string') return null;
  if (!Number.isSafeInteger(r.records) || (r.records as number) < 0 || !Number.isSafeInteger(r.logBytes) || (r.logBytes as number) < 0) return null;
  if (typeof r.head !== 'string' || !HEX64.test(r.head) || typeof r.prefixHash !== 'string' || !HEX64.test(r.prefixHash)) return null;
  if (!Array.isArray(r.entries)) return null;
  const entries: MarkedEntry[] = [];
  for (const e of r.entries as unknown[]) {
    if (!Array.isArray(e) || e.length !== 4) return null;
    const [id, rev, hash, fingerprint] = e as unknown[];
    if (typeof id !== 'string' || !Number.isSafeInteger(rev) || typeof hash !== 'string' || !HEX64.test(hash) || typeof fingerprint !== 'string' || !FINGERPRINT.test(fingerprint)) return null;
    entries.push({ id, rev: rev as number, hash, fingerprint });
  }
  return { vaultId: r.vaultId, records: r.records as number, head: r.head, logBytes: r.logBytes as number, prefixHash: r.prefixHash, verifiedAt: r.verifiedAt, entries };
}

/**
 * Read the mark without a key: its content and the bytes to authenticate later (`markAuthentic`). Null
 * when there is none or it is not a well-formed mark (both mean: verify in full).
 */
export function readAuditMark(file: string): SealedMark | null {
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_MARK_BYTES) return null;
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const nl = text.indexOf('\n');
  const first = nl < 0 ? '' : text.slice(0, nl);
  if (!first.startsWith(MAGIC + ' ')) return null;
  const mac = first.slice(MAGIC.length + 1);
  if (!HEX64.test(mac)) return null;
  const body = text.slice(nl + 1);
  const mark = parseMark(body);
  return mark ? { mark, body, mac } : null;
}

/** True when the mark carries a valid MAC under this vault's key (compared in constant time). */
export function markAuthentic(sealed: SealedMark, key: crypto.KeyObject): boolean {
  return safeEqual(sealed.mac, macOf(key, sealed.body));
}

/**
 * Record what a full verification proved (or, when it failed, forget the last mark so no fast path builds
 * on it). Returns a note when the mark could not be saved; never throws.
 */
export function refreshAuditMark(cacheDir: string, vault: Vault | null, report: VerifyReport, logText: string | null, states: EntryState[], fingerprints: string[], now: Date): string | null {
  const file = auditMarkFile(cacheDir);
  try {
    if (!report.ok) removeAuditMark(file);
    else if (vault && report.macsChecked) {
      writeAuditMark(file, auditMarkKey(vault), {
        vaultId: vault.vaultId, records: report.records, head: report.head, ...logPrefixOf(logText), verifiedAt: now.toISOString(),
        entries: states.map((s, i) => ({ id: s.id, rev: s.rev, hash: s.hash, fingerprint: fingerprints[i]! })),
      });
    }
    return null;
  } catch (err) {
    return `verification mark not saved: ${err instanceof Error ? err.message : String(err)}`;
  }
}
