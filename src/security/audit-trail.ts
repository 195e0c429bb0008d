import { EnvironmentError } from '../core/errors.js';
import type { EntryChange, JournalEvents } from '../core/journal.js';
import type { WriterLock } from '../core/writer-lock.js';
import type { AuditDetails, AuditType, Severity } from './audit-record.js';
import type { AuditEvent, AuditLog } from './audit-log.js';

/**
 * The one service every part of companion logs security events through. Events queue up and are written
 * together (one checkpoint update) at the next journal write or when the command ends.
 */
export class AuditTrail implements JournalEvents {
  private queued: AuditEvent[] = [];
  private batching = false;

  constructor(private readonly log: AuditLog, private readonly lock: WriterLock, private readonly onRefused: () => void) {}

  /** Queue an event; it is written at the next flush. */
  record(type: AuditType, severity: Severity, details: AuditDetails = {}): void {
    this.queued.push({ type, severity, details });
  }

  /** Journal hook: called inside the writer lock, so it writes at once. */
  entryChanged(change: EntryChange): void {
    const type = change.kind === 'created' ? 'entry.created' : change.kind === 'updated' ? 'entry.updated' : 'entry.deleted';
    const details: AuditDetails = { id: change.id, revision: change.revision };
    if (change.ciphertextHash) details.hash = change.ciphertextHash;
    this.record(type, change.kind === 'deleted' ? 'MEDIUM' : 'LOW', details);
    if (this.batching) return;
    try {
      this.writeQueued();
    } catch (err) {
      if (!(err instanceof EnvironmentError)) throw err;
      const what = change.kind === 'deleted' ? `Entry ${change.id} was not deleted` : `Entry ${change.id} was saved`;
      throw new EnvironmentError(`${what}, but the audit log could not be updated: ${err.message}`, err.hint);
    }
  }

  /** Journal hook: record every change made by `fn` in one append when it ends (inside the lock). */
  async batch<T>(fn: () => Promise<T>): Promise<T> {
    this.batching = true;
    try {
      return await fn();
    } finally {
      this.batching = false;
      this.writeQueued();
    }
  }

  /** Write queued events under the writer lock. */
  async flush(): Promise<void> {
    if (this.queued.length === 0) return;
    await this.lock.withLock(() => this.writeQueued());
  }

  private writeQueued(): void {
    if (this.queued.length === 0) return;
    const events = this.queued;
    this.queued = [];
    if (!this.log.append(events)) this.onRefused();
  }
}
