import crypto from 'node:crypto';
import fs from 'node:fs';
import { explainFsError } from '../core/atomic-write.js';
import { KeyLabel, safeEqual } from './keys.js';
import { GENESIS, bodyOf, checkpointMac, formatRecord, recordMac, lineHash, parseRecord, type AuditDetails, type AuditType, type Severity } from './audit-record.js';
import { readVaultHeader, writeVaultHeader } from './vault-header.js';
import type { Vault } from './vault.js';

/** Where the audit log lives. */
export interface AuditFiles {
  /** `audit.log`. */
  log: string;
  /** Failed unlocks noted without a key, folded into the log at the next unlock. */
  pending: string;
  /** `vault.json`, which holds the checkpoint. */
  header: string;
}

/** One event to append. */
export interface AuditEvent {
  type: AuditType;
  severity: Severity;
  details: AuditDetails;
}

/** The MAC keys of a vault's audit log. */
export function auditKeys(vault: Vault): { record: crypto.KeyObject; checkpoint: crypto.KeyObject } {
  return {
    record: crypto.createSecretKey(vault.deriveKey(KeyLabel.auditMac)),
    checkpoint: crypto.createSecretKey(vault.deriveKey(KeyLabel.checkpointMac)),
  };
}

/** Read the last complete line of a file and whether bytes follow it without a newline (a torn write). */
export function readTail(file: string): { lastLine: string | null; completeBytes: number; partial: boolean } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { lastLine: null, completeBytes: 0, partial: false };
    throw err;
  }
  try {
    const size = fs.fstatSync(fd).size;
    let chunk = 4096;
    for (;;) {
      const start = Math.max(0, size - chunk);
      const buf = Buffer.alloc(size - start);
      fs.readSync(fd, buf, 0, buf.length, start);
      const text = buf.toString('utf8');
      const lastNl = text.lastIndexOf('\n');
      const partial = lastNl !== text.length - 1 && size > 0;
      if (lastNl < 0) {
        if (start === 0) return { lastLine: null, completeBytes: 0, partial: size > 0 };
        chunk *= 4;
        continue;
      }
      const prevNl = text.lastIndexOf('\n', lastNl - 1);
      if (prevNl < 0 && start > 0) {
        chunk *= 4;
        continue;
      }
      return { lastLine: text.slice(prevNl + 1, lastNl), completeBytes: start + Buffer.byteLength(text.slice(0, lastNl + 1)), partial };
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The append side of the tamper-evident log. Callers hold the writer lock. Each append writes the record
 * (fsync'd), then the MAC'd checkpoint in the vault header; a crash between the two is recognised and
 * healed at the next append (and noted in the log as `audit.repaired`). When the log does not match its
 * checkpoint, nothing is appended, so the evidence stays for `companion audit verify`.
 */
export class AuditLog {
  private readonly keys: ReturnType<typeof auditKeys>;

  constructor(private readonly files: AuditFiles, private readonly vault: Vault, private readonly now: () => Date) {
    this.keys = auditKeys(vault);
  }

  /**
   * Append events (and any failed unlocks noted since the last unlock). Returns false, appending nothing,
   * when the log fails its quick check against the checkpoint.
   */
  append(events: AuditEvent[]): boolean {
    const header = readVaultHeader(this.files.header);
    const tail = readTail(this.files.log);
    const cp = header.audit;
    let seq = 0;
    let prev = GENESIS;
    const repairs: AuditEvent[] = [];
    if (tail.lastLine !== null) {
      const last = parseRecord(tail.lastLine);
      if (!last) return false;
      seq = last.seq + 1;
      prev = lineHash(tail.lastLine);
    }
    if (cp) {
      if (!safeEqual(cp.mac, checkpointMac(this.keys.checkpoint, header.vaultId, cp.length, cp.head))) return false;
      if (seq > cp.length) {
        // Records were written but the checkpoint was not (a crash or a full disk in between): a torn
        // write, if every record past the checkpoint is genuine and chains from the checkpointed head.
        if (!this.genuineSince(cp.length, cp.head)) return false;
        repairs.push({ type: 'audit.repaired', severity: 'MEDIUM', details: { kind: 'torn write', seq: cp.length, records: seq - cp.length, fix: 'checkpoint advanced' } });
      } else if (seq !== cp.length || prev !== cp.head) {
        return false;
      }
    } else if (tail.lastLine !== null) {
      return false; // a log without a checkpoint was not written by companion
    }
    if (tail.partial) {
      fs.truncateSync(this.files.log, tail.completeBytes);
      repairs.push({ type: 'audit.repaired', severity: 'MEDIUM', details: { kind: 'torn write', seq, fix: 'partial record removed' } });
    }
    const all = [...repairs, ...this.takePending(), ...events];
    let text = '';
    const ts = this.now().toISOString();
    for (const e of all) {
      const line = formatRecord(this.keys.record, { seq, ts, type: e.type, severity: e.severity, details: e.details }, prev);
      text += line + '\n';
      prev = lineHash(line);
      seq += 1;
    }
    try {
      const fd = fs.openSync(this.files.log, 'a', 0o600);
      try {
        fs.writeSync(fd, text);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    } catch (err) {
      throw explainFsError(err, this.files.log);
    }
    try {
      // The header read above is current: every writer of vault.json holds the writer lock, as we do.
      writeVaultHeader(this.files.header, { ...header, audit: { length: seq, head: prev, mac: checkpointMac(this.keys.checkpoint, header.vaultId, seq, prev) } });
    } catch (err) {
      // The records are durable; only the checkpoint is behind. The next append completes it (torn write).
      throw explainFsError(err, this.files.header, 'The audit log is one step behind; the next companion command completes it.');
    }
    fs.rmSync(this.files.pending, { force: true });
    return true;
  }

  /** True when the records from position `from` on are MAC-valid and chain from `head`. */
  private genuineSince(from: number, head: string): boolean {
    const lines = fs.readFileSync(this.files.log, 'utf8').split('\n');
    lines.pop(); // the empty piece after the last newline, or a partial record (handled separately)
    if (from > lines.length || (from > 0 && lineHash(lines[from - 1]!) !== head)) return false;
    let prev = head;
    for (let i = from; i < lines.length; i += 1) {
      const line = lines[i]!;
      const body = bodyOf(line);
      const r = parseRecord(line);
      if (body === null || r === null || r.seq !== i || r.prev !== prev || !safeEqual(r.mac, recordMac(this.keys.record, body))) return false;
      prev = lineHash(line);
    }
    return true;
  }

  private takePending(): AuditEvent[] {
    let text: string;
    try {
      text = fs.readFileSync(this.files.pending, 'utf8');
    } catch {
      return [];
    }
    const events: AuditEvent[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let note: Partial<PendingNote> = {};
      try {
        note = JSON.parse(line) as Partial<PendingNote>;
      } catch { /* recorded as unreadable below */ }
      const type = PENDING_TYPES.find((t) => t === note.type);
      const details: AuditDetails = { at: typeof note.ts === 'string' ? note.ts.slice(0, 40) : null, noted: 'before unlock, without a MAC' };
      for (const [k, v] of Object.entries(note.details ?? {})) if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') details[k.slice(0, 40)] = typeof v === 'string' ? v.slice(0, 80) : v;
      events.push({ type: type ?? 'integrity.failure', severity: type === 'config.changed' ? 'LOW' : 'MEDIUM', details: type ? details : { ...details, what: 'unreadable pending note' } });
    }
    return events;
  }
}

/** Events that can happen without the key; noted unauthenticated and MAC'd into the log at the next unlock. */
const PENDING_TYPES = ['vault.unlock_failed', 'config.changed'] as const;

/** A note waiting in the pending file. */
export interface PendingNote {
  ts: string;
  type: (typeof PENDING_TYPES)[number];
  details: Record<string, string | number | boolean>;
}

/** Note an event that happened without the key (a failed unlock, a config change); never throws. */
export function notePending(pendingFile: string, type: PendingNote['type'], details: PendingNote['details'], now: Date): void {
  try {
    fs.appendFileSync(pendingFile, JSON.stringify({ ts: now.toISOString(), type, details }) + '\n', { mode: 0o600 });
  } catch {
    // Noting must never turn a wrong passphrase or a config change into a different error.
  }
}
