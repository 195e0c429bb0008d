import type crypto from 'node:crypto';
import { bodyOf, checkpointMac, lineHash, parseRecord, recordMac } from './audit-record.js';
import { markAuthentic, type MarkedEntry, type SealedMark } from './audit-mark.js';
import { safeEqual, sha256Hex } from './keys.js';
import type { AuditCheckpoint } from './vault-header.js';

/** An entry file on disk, known from its name and one stat. */
export interface ListedEntry {
  id: string;
  file: string;
  /** Stat fingerprint (see fileFingerprint); null when the file vanished while listing. */
  fingerprint: string | null;
}

/** What the fast path looks at. */
export interface SinceMarkInput {
  /** The mark as read, not yet authenticated (`confirmSinceMark` authenticates it). */
  sealed: SealedMark;
  vaultId: string;
  /** The log's raw bytes (empty when there is no log). */
  log: Buffer;
  checkpoint: AuditCheckpoint | null;
  entries: ListedEntry[];
  /** Hash an entry file whose fingerprint changed: SHA-256 of its bytes; null when it cannot be read. */
  rehash: (file: string) => string | null;
}

/** The keyed part of the fast path, left for when the vault is open. */
export interface SinceMarkPlan {
  ok: true;
  sealed: SealedMark;
  vaultId: string;
  checkpoint: AuditCheckpoint;
  /** Bodies and MACs of the records after the mark, in order. */
  newRecords: Array<{ body: string; mac: string }>;
  records: number;
  head: string;
  entriesChecked: number;
  /** Entry files hashed again because they changed (or appeared) since the mark. */
  rehashed: number;
}

/** Why the fast path cannot vouch for the journal; the caller then verifies in full. */
export interface SinceMarkFallback {
  ok: false;
  reason: string;
}

/** The fast path's verdict once the keyed checks passed. */
export interface SinceMarkReport {
  ok: true;
  records: number;
  head: string;
  /** Records appended since the mark (chain and MAC checked one by one). */
  sinceMark: number;
  entriesChecked: number;
  rehashed: number;
  /** When the full verification the mark records ran. */
  markedAt: string;
}

const ENTRY_TYPES = new Set(['entry.created', 'entry.updated', 'entry.deleted']);
const NEWLINE = 0x0a;

const fallback = (reason: string): SinceMarkFallback => ({ ok: false, reason });

/**
 * The unkeyed part of "verify since the last full verification": the log up to the mark is byte-for-byte
 * what was verified (one hash of that prefix), the records after it chain from the mark's head and end at
 * the checkpoint, and every entry file matches: unchanged since the mark by its stat fingerprint, or
 * re-hashed and equal to its last record. Anything else (including a file that changed only in a way the
 * fingerprint cannot see) is left to the full verification, which names the problem.
 */
export function planSinceMark(input: SinceMarkInput): SinceMarkPlan | SinceMarkFallback {
  const { mark } = input.sealed;
  const cp = input.checkpoint;
  if (mark.vaultId !== input.vaultId) return fallback('the last verification was of another journal');
  if (!cp) return fallback('the vault has no checkpoint');
  if (mark.logBytes > input.log.length || (mark.logBytes > 0 && input.log[mark.logBytes - 1] !== NEWLINE)) return fallback('the log is shorter than when it was last verified');
  if (sha256Hex(input.log.subarray(0, mark.logBytes)) !== mark.prefixHash) return fallback('the log changed before its last verified record');

  // Records after the mark: well-formed, numbered on, chained from the mark's head.
  const tail = input.log.subarray(mark.logBytes).toString('utf8');
  if (tail.length > 0 && !tail.endsWith('\n')) return fallback('the last record is incomplete');
  const lines = tail.length > 0 ? tail.slice(0, -1).split('\n') : [];
  // Entries changed since the mark, by id: the hash of their last record, or null once deleted.
  const changed = new Map<string, string | null>();
  const newRecords: SinceMarkPlan['newRecords'] = [];
  let head = mark.head;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const body = bodyOf(line);
    const r = parseRecord(line, body);
    if (body === null || r === null || r.seq !== mark.records + i || r.prev !== head) return fallback(`record ${mark.records + i} does not follow on`);
    newRecords.push({ body, mac: r.mac });
    head = lineHash(line);
    if (!ENTRY_TYPES.has(r.type) || typeof r.details.id !== 'string') continue;
    if (r.type === 'entry.deleted') changed.set(r.details.id, null);
    else if (typeof r.details.hash === 'string') changed.set(r.details.id, r.details.hash);
    else return fallback(`record ${r.seq} has no entry hash`);
  }
  const records = mark.records + lines.length;
  if (cp.length !== records || cp.head !== head) return fallback('the log does not end at its checkpoint');

  const marked = new Map<string, MarkedEntry>();
  for (const e of mark.entries) marked.set(e.id, e);
  let rehashed = 0;
  const present = new Set<string>();
  for (const e of input.entries) {
    if (e.fingerprint === null) continue; // vanished while listing: not present
    present.add(e.id);
    const since = changed.get(e.id);
    const atMark = marked.get(e.id);
    const hash = since !== undefined ? since : atMark?.hash ?? null;
    if (hash === null) return fallback(`entry ${e.id} is not a live entry of the log`);
    if (since === undefined && atMark!.fingerprint === e.fingerprint) continue; // unchanged since verified
    rehashed += 1;
    if (input.rehash(e.file) !== hash) return fallback(`entry ${e.id} does not match its last record`);
  }
  for (const e of mark.entries) if (!changed.has(e.id) && !present.has(e.id)) return fallback(`entry ${e.id} is missing`);
  for (const [id, hash] of changed) if (hash !== null && !present.has(id)) return fallback(`entry ${id} is missing`);
  return { ok: true, sealed: input.sealed, vaultId: input.vaultId, checkpoint: cp, newRecords, records, head, entriesChecked: present.size, rehashed };
}

/**
 * The keyed part: the mark is authentic, every record after it carries a valid MAC, and so does the
 * checkpoint. Returns the report, or why the full verification must run instead.
 */
export function confirmSinceMark(
  plan: SinceMarkPlan,
  keys: { record: crypto.KeyObject; checkpoint: crypto.KeyObject; mark: crypto.KeyObject },
): SinceMarkReport | SinceMarkFallback {
  if (!markAuthentic(plan.sealed, keys.mark)) return fallback('the verification mark is not authentic');
  const cp = plan.checkpoint;
  if (!safeEqual(cp.mac, checkpointMac(keys.checkpoint, plan.vaultId, cp.length, cp.head))) return fallback('the checkpoint MAC does not verify');
  const from = plan.sealed.mark.records;
  for (let i = 0; i < plan.newRecords.length; i += 1) {
    const { body, mac } = plan.newRecords[i]!;
    if (!safeEqual(mac, recordMac(keys.record, body))) return fallback(`record ${from + i} does not match its MAC`);
  }
  return { ok: true, records: plan.records, head: plan.head, sinceMark: plan.newRecords.length, entriesChecked: plan.entriesChecked, rehashed: plan.rehashed, markedAt: plan.sealed.mark.verifiedAt };
}
