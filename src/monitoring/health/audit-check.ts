import fs from 'node:fs';
import { entryRefs, type EntryRef } from '../../core/entry-files.js';
import type { DataPaths } from '../../core/paths.js';
import { auditKeys } from '../../security/audit-log.js';
import { auditMarkFile, auditMarkKey, readAuditMark, readWithFingerprint, refreshAuditMark, statFingerprint } from '../../security/audit-mark.js';
import { confirmSinceMark, planSinceMark, type ListedEntry, type SinceMarkFallback, type SinceMarkPlan, type SinceMarkReport } from '../../security/audit-verify-since.js';
import { verifyAudit, type EntryState, type VerifyReport } from '../../security/audit-verify.js';
import { readClearHeader } from '../../security/entry-cipher.js';
import { sha256Hex } from '../../security/keys.js';
import type { VaultHeader } from '../../security/vault-header.js';
import type { Vault } from '../../security/vault.js';
import type { CheckOutcome } from './timed-check.js';

/** Every entry file, listed once with one stat each; no file is read. */
export interface EntryListing {
  refs: EntryRef[];
  listed: ListedEntry[];
  /** Total size of the entry files. */
  bytes: number;
}

/** List the entry files (oldest first) with their stat fingerprints and sizes. */
export function listEntries(entriesDir: string): EntryListing {
  const refs: EntryRef[] = [];
  const listed: ListedEntry[] = [];
  let bytes = 0;
  for (const ref of entryRefs(entriesDir, { oldestFirst: true })) {
    const st = statFingerprint(ref.file);
    if (!st) continue; // deleted while listing
    refs.push(ref);
    listed.push({ id: ref.id, file: ref.file, fingerprint: st.fingerprint });
    bytes += st.size;
  }
  return { refs, listed, bytes };
}

/** Every entry file read and hashed (the full verification's input), with the fingerprint of what was read. */
export interface EntryScan {
  states: EntryState[];
  fingerprints: string[];
}

/** Read and hash every listed entry file: clear-header revision and SHA-256, without decrypting. */
export function scanEntries(listing: EntryListing): EntryScan {
  const states: EntryState[] = [];
  const fingerprints: string[] = [];
  for (const e of listing.listed) {
    let read: ReturnType<typeof readWithFingerprint>;
    try {
      read = readWithFingerprint(e.file);
    } catch {
      continue; // deleted since listing
    }
    states.push({ id: e.id, rev: readClearHeader(read.bytes)?.header.rev ?? 0, hash: sha256Hex(read.bytes), authentic: null });
    fingerprints.push(read.fingerprint);
  }
  return { states, fingerprints };
}

/** The audit work that needs no key, done while the KDF runs. */
export interface AuditPrep {
  /** The log's bytes; null when there is no log. */
  log: Buffer | null;
  /** The fast path's unkeyed part, or why it cannot run. */
  plan: SinceMarkPlan | SinceMarkFallback;
  /** Every entry file hashed: done ahead when the full verification will be needed. */
  scan: EntryScan | null;
}

/** The audit check's verdict and the facts the dashboard shows. */
export interface AuditResult {
  outcome: CheckOutcome;
  records: number | null;
  ok: boolean | null;
  macsChecked: boolean;
  /** Which verification ran: since the last full verification (fast) or everything (full). */
  path: 'fast' | 'full';
}

function readLog(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    return null;
  }
}

const rehash = (file: string): string | null => {
  try {
    return sha256Hex(readWithFingerprint(file).bytes);
  } catch {
    return null;
  }
};

/**
 * Read the log and the verification mark and do the fast path's unkeyed part; when the fast path cannot
 * run (no mark, or something changed that it cannot vouch for), hash every entry for the full path now.
 * `keyed` says whether the vault will be unlocked (the mark can only be trusted with the key).
 */
export function prepareAudit(paths: DataPaths, header: VaultHeader, listing: EntryListing, keyed: boolean): AuditPrep {
  const log = readLog(paths.audit);
  let plan: SinceMarkPlan | SinceMarkFallback = { ok: false, reason: 'not unlocked' };
  if (keyed) {
    const sealed = readAuditMark(auditMarkFile(paths.cache));
    plan = sealed
      ? planSinceMark({ sealed, vaultId: header.vaultId, log: log ?? Buffer.alloc(0), checkpoint: header.audit, entries: listing.listed, rehash })
      : { ok: false, reason: 'no earlier full verification' };
  }
  return { log, plan, scan: plan.ok ? null : scanEntries(listing) };
}

function fastOutcome(r: SinceMarkReport): CheckOutcome {
  const since = `${r.sinceMark} record${r.sinceMark === 1 ? '' : 's'} since last full verify (${r.markedAt.slice(0, 10)})`;
  return { status: 'ok', reason: `fast path: ${since}; chain, MACs, checkpoint intact; ${r.entriesChecked} entries match, ${r.rehashed} re-hashed, rest unchanged by stat` };
}

/** Audit check outcome of a full verification (`fellBack`: why the fast path did not vouch for it). */
export function fullOutcome(report: VerifyReport, fellBack: string | null): CheckOutcome {
  if (!report.ok) {
    const p = report.problems[0]!;
    const more = report.problems.length > 1 ? ` (+${report.problems.length - 1} more)` : '';
    return { status: 'fail', reason: `${p.kind}${p.seq !== null ? ` at record ${p.seq}` : ''}: ${p.message}${more} Run \`companion audit verify\`.` };
  }
  const base = `full verify: ${report.records} records, chain and checkpoint intact, ${report.entriesChecked} entries match`;
  if (!report.macsChecked) return { status: 'warn', reason: `${base}; MACs not checked (journal not unlocked)` };
  return { status: 'ok', reason: fellBack ? `${base} (fast path not used: ${fellBack})` : base };
}

/**
 * The audit check once the vault is open (or known not to open): the fast path's keyed part, else the
 * full verification of the log, checkpoint and every entry, which then refreshes the mark.
 */
export function finishAudit(paths: DataPaths, header: VaultHeader, vault: Vault | null, listing: EntryListing, prep: AuditPrep, now: Date): AuditResult {
  let fellBack = prep.plan.ok ? null : prep.plan.reason;
  if (vault && prep.plan.ok) {
    const fast = confirmSinceMark(prep.plan, { ...auditKeys(vault), mark: auditMarkKey(vault) });
    if (fast.ok) return { outcome: fastOutcome(fast), records: fast.records, ok: true, macsChecked: true, path: 'fast' };
    fellBack = fast.reason;
  }
  const scan = prep.scan ?? scanEntries(listing);
  const logText = prep.log ? prep.log.toString('utf8') : null;
  const report = verifyAudit({ logText, vaultId: header.vaultId, checkpoint: header.audit, keys: vault ? auditKeys(vault) : null, entries: scan.states });
  const outcome = fullOutcome(report, vault ? fellBack : null);
  const note = refreshAuditMark(paths.cache, vault, report, logText, scan.states, scan.fingerprints, now);
  if (note && outcome.status !== 'fail') outcome.reason += `; ${note}`;
  return { outcome, records: report.records, ok: report.ok, macsChecked: report.macsChecked, path: 'full' };
}
