/** How a health check came out. */
export type CheckStatus = 'ok' | 'warn' | 'fail';

/** One health check: its verdict, one plain line saying why, and how long it took. */
export interface CheckResult {
  name: string;
  status: CheckStatus;
  /** One line, no journal text. */
  reason: string;
  durationMs: number;
}

/** Size of the journal on disk, read without decrypting anything. */
export interface JournalFacts {
  entries: number;
  /** Bytes of the entry files. */
  entryBytes: number;
  /** Bytes of the whole data directory (entries, audit log, vault, caches, metrics). */
  dataBytes: number;
  /** Records in the audit log, when it was read. */
  auditRecords: number | null;
  /** Whether the audit log verified; null when it was not checked. */
  auditOk: boolean | null;
  /** Whether the audit record MACs were checked (needs the passphrase). */
  auditMacsChecked: boolean;
  /**
   * Which audit verification ran: `fast` (only what changed since the last full verification, with
   * unchanged entry files trusted by their stat fingerprint) or `full`; null when not checked.
   */
  auditPath?: 'fast' | 'full' | null;
}

/** Free space of the filesystem holding the data directory. */
export interface DiskFacts {
  freeBytes: number;
  totalBytes: number;
}

/** Memory of this process and the machine, in bytes. */
export interface MemoryFacts {
  rssBytes: number;
  heapUsedBytes: number;
  heapLimitBytes: number;
  systemFreeBytes: number;
  systemTotalBytes: number;
}

/** The result of `companion health`: every check plus the facts the dashboard shows. */
export interface HealthReport {
  /** False when any check failed (exit code 1). */
  healthy: boolean;
  /** The worst status of any check. */
  status: CheckStatus;
  checkedAt: string;
  checks: CheckResult[];
  journal: JournalFacts;
  disk: DiskFacts | null;
  memory: MemoryFacts;
}

/** The worst of some statuses (ok < warn < fail). */
export function worstStatus(statuses: CheckStatus[]): CheckStatus {
  if (statuses.includes('fail')) return 'fail';
  if (statuses.includes('warn')) return 'warn';
  return 'ok';
}
