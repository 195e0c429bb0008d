import fs from 'node:fs';
import path from 'node:path';
import type { EntryRef } from '../../core/entry-files.js';
import { Journal } from '../../core/journal.js';
import type { DataPaths } from '../../core/paths.js';
import { WriterLock } from '../../core/writer-lock.js';
import { parseRecord } from '../../security/audit-record.js';
import type { VaultHeader } from '../../security/vault-header.js';
import type { Vault } from '../../security/vault.js';
import type { CheckOutcome } from './timed-check.js';

/** Vault: the header reads and the passphrase unlocks it (the one KDF of the health command). */
export function vaultOutcome(header: VaultHeader, unlockMs: number): CheckOutcome {
  const kdf = header.kdf.name === 'pbkdf2-sha256' ? `PBKDF2, ${header.kdf.iterations} iterations` : `scrypt logN ${header.kdf.logN}`;
  return { status: 'ok', reason: `unlocked (${kdf}) in ${Math.round(unlockMs)} ms` };
}

/** Indexes of up to `n` entries spread evenly from oldest to newest (both ends included). */
export function sampleIndexes(total: number, n: number): number[] {
  if (total <= n) return Array.from({ length: total }, (_, i) => i);
  if (n <= 1) return n === 1 ? [total - 1] : [];
  const picked = new Set<number>();
  for (let i = 0; i < n; i += 1) picked.add(Math.round((i * (total - 1)) / (n - 1)));
  return [...picked].sort((a, b) => a - b);
}

/**
 * A sample of entries decrypts and validates: up to `sampleSize` entries spread over the whole journal.
 * Fails on the first entry that does not authenticate (names its id, never its text).
 */
export function sampleDecryptCheck(paths: DataPaths, vault: Vault, refs: EntryRef[], sampleSize: number, now: () => Date): CheckOutcome {
  if (refs.length === 0) return { status: 'ok', reason: 'no entries yet' };
  const journal = new Journal({ paths, vault, lock: new WriterLock(paths.lock), now });
  const picks = sampleIndexes(refs.length, sampleSize);
  for (const i of picks) journal.read(refs[i]!); // IntegrityError names the entry and fails the check
  return { status: 'ok', reason: `${picks.length} of ${refs.length} entries decrypted and validated` };
}

/** Lines of the log containing any of `needles`, in log order (the log is not decoded as a whole). */
function linesWith(log: Buffer, needles: string[]): string[] {
  const starts = new Set<number>();
  for (const needle of needles) {
    for (let at = log.indexOf(needle); at >= 0; at = log.indexOf(needle, at + needle.length)) starts.add(log.lastIndexOf(0x0a, at) + 1);
  }
  return [...starts].sort((x, y) => x - y).map((start) => {
    const end = log.indexOf(0x0a, start);
    return log.toString('utf8', start, end < 0 ? log.length : end);
  });
}

/**
 * Entries that may be in quarantine, from the log alone (no key): quarantining is audited
 * (`entry.quarantine`, with the ids), as are approvals and deletions.
 */
export function quarantineCandidates(refs: EntryRef[], log: Buffer | null): EntryRef[] {
  const held = new Set<string>();
  for (const line of log ? linesWith(log, ['"entry.quarantine"', '"entry.deleted"']) : []) {
    const r = parseRecord(line);
    if (!r) continue;
    const d = r.details;
    if (r.type === 'entry.quarantine' && d.action === 'quarantined' && Array.isArray(d.entries)) for (const id of d.entries) held.add(id);
    else if (r.type === 'entry.quarantine' && d.action === 'approved' && typeof d.id === 'string') held.delete(d.id);
    else if (r.type === 'entry.deleted' && typeof d.id === 'string') held.delete(d.id);
  }
  return held.size === 0 ? [] : refs.filter((ref) => held.has(ref.id));
}

/**
 * Entries in quarantine: only the candidates named by the log are decrypted to confirm they are still
 * held; no full decrypt of the journal.
 */
export function quarantineCheck(paths: DataPaths, vault: Vault | null, candidates: EntryRef[], now: () => Date): CheckOutcome {
  if (candidates.length === 0) return { status: 'ok', reason: 'no entries in quarantine' };
  if (!vault) return { status: 'warn', reason: `${candidates.length} entr${candidates.length === 1 ? 'y was' : 'ies were'} quarantined (per the audit log; not unlocked to confirm)` };
  const journal = new Journal({ paths, vault, lock: new WriterLock(paths.lock), now });
  const count = candidates.filter((ref) => journal.read(ref).quarantine?.status === 'quarantined').length;
  if (count === 0) return { status: 'ok', reason: 'no entries in quarantine' };
  return { status: 'warn', reason: `${count} entr${count === 1 ? 'y is' : 'ies are'} in quarantine, left out of summaries and ask: review with \`companion quarantine list\`` };
}

/** Bytes of every file under a directory (0 when it does not exist). */
export function directoryBytes(dir: string): number {
  let total = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) total += directoryBytes(p);
    else if (e.isFile()) {
      try {
        total += fs.statSync(p).size;
      } catch { /* gone */ }
    }
  }
  return total;
}

/** Bytes of the whole data directory: the entry files (already summed) plus everything else under it. */
export function dataDirBytes(paths: DataPaths, entryBytes: number): number {
  let total = entryBytes;
  let names: string[];
  try {
    names = fs.readdirSync(paths.root);
  } catch {
    return total;
  }
  for (const name of names) {
    const p = path.join(paths.root, name);
    if (p === paths.entries) continue;
    try {
      const st = fs.statSync(p);
      total += st.isDirectory() ? directoryBytes(p) : st.size;
    } catch { /* gone */ }
  }
  return total;
}
