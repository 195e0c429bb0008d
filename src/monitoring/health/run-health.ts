import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../core/config.js';
import type { DataPaths } from '../../core/paths.js';
import type { AIProvider } from '../../providers/types.js';
import { readVaultHeader, type VaultHeader } from '../../security/vault-header.js';
import type { Vault } from '../../security/vault.js';
import { auditOutcome, directoryBytes, quarantineCheck, readAuditLog, sampleDecryptCheck, scanEntries, vaultOutcome, verifyJournalAudit, type EntryScan } from './journal-checks.js';
import { providerCheck } from './provider-check.js';
import { diskCheck, diskFacts, draftsCheck, memoryCheck, memoryFacts, writerLockCheck, type StatFsReader } from './system-checks.js';
import { timedCheck } from './timed-check.js';
import { worstStatus, type CheckResult, type DiskFacts, type HealthReport, type JournalFacts, type MemoryFacts } from './types.js';

/** Everything the health checks look at; the CLI builds it from its context and services. */
export interface HealthSources {
  paths: DataPaths;
  now: () => Date;
  /** The validated config; throws (UsageError naming the field) when config.json is invalid. */
  config: () => Config;
  /**
   * Unlock the vault (one KDF); null when no passphrase source is available, in which case the
   * decrypt check is skipped and the audit MACs are not checked.
   */
  unlock: (() => Promise<Vault>) | null;
  /** Build the configured provider (not yet initialised). */
  provider: () => Promise<AIProvider>;
  /** Entries decrypted by the sample check (default 16). */
  sampleSize?: number;
  /** Filesystem figures (default `fs.statfsSync`); tests inject a nearly full disk. */
  statfs?: StatFsReader;
  /** Memory figures (default: this process and `os`). */
  memory?: () => MemoryFacts;
  /** Provider check timeout in ms. */
  providerTimeoutMs?: number;
}

/** Names of the checks, in report order. */
export const CHECK_NAMES = ['config', 'vault', 'entries', 'audit', 'provider', 'disk', 'memory', 'writer-lock', 'drafts', 'quarantine'] as const;

function dataBytes(paths: DataPaths, entryBytes: number): number {
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

/**
 * Run every health check and gather the facts the dashboard shows. Never throws: a check that cannot run
 * fails with its reason. At most one KDF runs (the vault unlock).
 */
export async function runHealthChecks(src: HealthSources): Promise<HealthReport> {
  const checks: CheckResult[] = [];
  // The provider check runs while the KDF works on the thread pool.
  const providerResult = timedCheck('provider', () => providerCheck(src.provider, src.providerTimeoutMs));

  checks.push(await timedCheck('config', () => {
    const c = src.config();
    return { status: 'ok', reason: `valid (provider ${c.ai_provider ?? 'builtin'}, metrics ${c.monitoring.collect_metrics ? `kept ${c.monitoring.metrics_retention_days} days` : 'off'})` };
  }));

  let header: VaultHeader | null = null;
  let vault: Vault | null = null;
  checks.push(await timedCheck('vault', async () => {
    header = readVaultHeader(src.paths.vault);
    if (!src.unlock) return { status: 'warn', reason: 'header readable; not unlocked (no passphrase source: set COMPANION_PASSPHRASE_FILE or run in a terminal)' };
    const start = performance.now();
    vault = await src.unlock();
    return vaultOutcome(header, performance.now() - start);
  }));

  let scan: EntryScan = { refs: [], states: [], bytes: 0 };
  let scanError: unknown = null;
  try {
    scan = scanEntries(src.paths.entries);
  } catch (err) {
    scanError = err;
  }
  const journal: JournalFacts = { entries: scan.refs.length, entryBytes: scan.bytes, dataBytes: dataBytes(src.paths, scan.bytes), auditRecords: null, auditOk: null, auditMacsChecked: false };

  checks.push(await timedCheck('entries', () => {
    if (scanError) throw scanError;
    if (!vault) return { status: 'warn', reason: `${scan.refs.length} entries on disk; none decrypted (journal not unlocked)` };
    return sampleDecryptCheck(src.paths, vault, scan.refs, src.sampleSize ?? 16, src.now);
  }));

  let logText: string | null = null;
  checks.push(await timedCheck('audit', () => {
    logText = readAuditLog(src.paths);
    if (!header) return { status: 'fail', reason: 'not checked: the vault header could not be read' };
    if (scanError) throw scanError;
    const report = verifyJournalAudit(header, vault, scan, logText);
    journal.auditRecords = report.records;
    journal.auditOk = report.ok;
    journal.auditMacsChecked = report.macsChecked;
    return auditOutcome(report);
  }));

  checks.push(await providerResult);

  let disk: DiskFacts | null = null;
  checks.push(await timedCheck('disk', () => {
    disk = diskFacts(src.paths.root, src.statfs);
    return diskCheck(disk);
  }));
  const memory = (src.memory ?? memoryFacts)();
  checks.push(await timedCheck('memory', () => memoryCheck(memory)));
  checks.push(await timedCheck('writer-lock', () => writerLockCheck(src.paths.lock, src.now())));
  checks.push(await timedCheck('drafts', () => draftsCheck(src.paths.drafts)));
  checks.push(await timedCheck('quarantine', () => {
    if (scanError) throw scanError;
    return quarantineCheck(src.paths, vault, scan.refs, logText, src.now);
  }));

  const status = worstStatus(checks.map((c) => c.status));
  return { healthy: status !== 'fail', status, checkedAt: src.now().toISOString(), checks, journal, disk, memory };
}
