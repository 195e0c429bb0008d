import crypto from 'node:crypto';

/** Severity of an audit event. */
export type Severity = 'LOW' | 'MEDIUM' | 'HIGH';

/** Every kind of event the audit log records. Details never contain journal text. */
export const AUDIT_TYPES = [
  'vault.created', 'vault.unlocked', 'vault.unlock_failed', 'passphrase.changed', 'passphrase.recovered',
  'keychain.enabled', 'keychain.disabled',
  'entry.created', 'entry.updated', 'entry.deleted', 'entry.quarantine', 'export', 'import',
  'warning.pii', 'warning.injection', 'integrity.failure', 'audit.repaired', 'model.loaded', 'config.changed',
] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];

/** Scalar details only: ids, counts, hashes, names. */
export type AuditDetails = Record<string, string | number | boolean | null | string[]>;

/** One parsed record. */
export interface AuditRecord {
  seq: number;
  ts: string;
  type: string;
  severity: Severity;
  details: AuditDetails;
  prev: string;
  mac: string;
}

/** Hash standing before the first record. */
export const GENESIS = '0'.repeat(64);

// Every line ends with this fixed-length suffix: ,"prev":"<64 hex>","mac":"<64 hex>"}
const SUFFIX_LEN = 9 + 64 + 9 + 64 + 2;
/**
 * The MAC'd part of a line: the record's JSON without prev and mac. The suffix is checked at its fixed
 * offsets (verify runs this once per record, a hundred thousand times for a large log); the two 64-character
 * fields are then compared with hashes and MACs computed from the content, which is their real check.
 */
export function bodyOf(line: string): string | null {
  const at = line.length - SUFFIX_LEN;
  if (at <= 0 || !line.startsWith(',"prev":"', at) || !line.startsWith('","mac":"', at + 73) || !line.endsWith('"}')) return null;
  return line.slice(0, at) + '}';
}

/** HMAC of a record body under the audit key. */
export function recordMac(key: crypto.KeyObject, body: string): string {
  return crypto.createHmac('sha256', key).update('companion/v1/audit-record\0').update(body).digest('hex');
}

/** Chain hash of a whole line (prev and mac included). */
export function lineHash(line: string): string {
  return crypto.hash('sha256', line, 'hex');
}

/** Build the line for a record. */
export function formatRecord(
  key: crypto.KeyObject,
  r: { seq: number; ts: string; type: AuditType; severity: Severity; details: AuditDetails },
  prev: string,
): string {
  const body = JSON.stringify({ seq: r.seq, ts: r.ts, type: r.type, severity: r.severity, details: r.details });
  const mac = recordMac(key, body);
  return `${body.slice(0, -1)},"prev":"${prev}","mac":"${mac}"}`;
}

/** Parse a line (its body when already cut out); null when it is not a well-formed record. */
export function parseRecord(line: string, body: string | null = bodyOf(line)): AuditRecord | null {
  if (body === null) return null;
  try {
    const r = JSON.parse(line) as Partial<AuditRecord>;
    if (!Number.isInteger(r.seq) || typeof r.ts !== 'string' || typeof r.type !== 'string' || typeof r.details !== 'object' || r.details === null) return null;
    if (r.severity !== 'LOW' && r.severity !== 'MEDIUM' && r.severity !== 'HIGH') return null;
    return r as AuditRecord;
  } catch {
    return null;
  }
}

/** MAC of the checkpoint kept in the vault header. */
export function checkpointMac(key: crypto.KeyObject, vaultId: string, length: number, head: string): string {
  return crypto.createHmac('sha256', key).update(`companion/v1/audit-checkpoint\0${vaultId}\0${length}\0${head}`).digest('hex');
}
