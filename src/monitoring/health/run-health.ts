import type { Config } from '../../core/config.js';
import type { EntryRef } from '../../core/entry-files.js';
import type { DataPaths } from '../../core/paths.js';
import type { AIProvider } from '../../providers/types.js';
import { readVaultHeader, type VaultHeader } from '../../security/vault-header.js';
import type { Vault } from '../../security/vault.js';
import { finishAudit, listEntries, prepareAudit, type AuditPrep, type EntryListing } from './audit-check.js';
import { dataDirBytes, quarantineCandidates, quarantineCheck, sampleDecryptCheck, vaultOutcome } from './journal-checks.js';
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
  /**
   * The caller's own work to do while the KDF runs (the CLI reads the recorded metrics then). Called once
   * when the key-less checks are done; an error it throws is ignored here (the caller redoes the work).
   */
  alongsideUnlock?: () => void;
}

/** Names of the checks, in report order. */
export const CHECK_NAMES = ['config', 'vault', 'entries', 'audit', 'provider', 'disk', 'memory', 'writer-lock', 'drafts', 'quarantine'] as const;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Run every health check and gather the facts the dashboard shows. Never throws: a check that cannot run
 * fails with its reason. At most one KDF runs (the vault unlock); it starts first and runs on the thread
 * pool while everything that needs no key is done (listing and stat-ing the entries once, reading the
 * log and the verification mark, disk, lock, drafts); the checks that need the key run after it.
 */
export async function runHealthChecks(src: HealthSources): Promise<HealthReport> {
  const results = new Map<string, CheckResult>();
  const add = (r: CheckResult) => results.set(r.name, r);

  add(await timedCheck('config', () => {
    const c = src.config();
    return { status: 'ok', reason: `valid (provider ${c.ai_provider ?? 'builtin'}, metrics ${c.monitoring.collect_metrics ? `kept ${c.monitoring.metrics_retention_days} days` : 'off'})` };
  }));

  const unlockStart = performance.now();
  const unlock = src.unlock;
  const unlocking = unlock ? Promise.resolve().then(unlock).then((vault) => ({ vault, ms: performance.now() - unlockStart }), (err: unknown) => ({ err })) : undefined;
  const providerResult = timedCheck('provider', () => providerCheck(src.provider, src.providerTimeoutMs));

  let header: VaultHeader | null = null;
  let headerError: unknown = null;
  try {
    header = readVaultHeader(src.paths.vault);
  } catch (err) {
    headerError = err;
  }
  await yieldToLoop(); // lets the provider's modules load between the steps below
  let listing: EntryListing = { refs: [], listed: [], bytes: 0 };
  let listError: unknown = null;
  try {
    listing = listEntries(src.paths.entries);
  } catch (err) {
    listError = err;
  }
  await yieldToLoop();
  let prep: AuditPrep | null = null;
  let prepError: unknown = null;
  if (header && !listError) {
    try {
      prep = prepareAudit(src.paths, header, listing, unlocking !== undefined);
    } catch (err) {
      prepError = err;
    }
  }
  let quarantined: EntryRef[] = [];
  let quarantineError: unknown = null;
  try {
    quarantined = quarantineCandidates(listing.refs, prep?.log ?? null);
  } catch (err) {
    quarantineError = err;
  }
  await yieldToLoop();
  const journal: JournalFacts = { entries: listing.refs.length, entryBytes: listing.bytes, dataBytes: dataDirBytes(src.paths, listing.bytes), auditRecords: null, auditOk: null, auditMacsChecked: false, auditPath: null };
  let disk: DiskFacts | null = null;
  add(await timedCheck('disk', () => {
    disk = diskFacts(src.paths.root, src.statfs);
    return diskCheck(disk);
  }));
  add(await timedCheck('writer-lock', () => writerLockCheck(src.paths.lock, src.now())));
  add(await timedCheck('drafts', () => draftsCheck(src.paths.drafts)));
  try {
    src.alongsideUnlock?.();
  } catch { /* the caller redoes it */ }

  let vault: Vault | null = null;
  add(await timedCheck('vault', async () => {
    if (headerError) throw headerError;
    if (!unlocking) return { status: 'warn', reason: 'header readable; not unlocked (no passphrase source: set COMPANION_PASSPHRASE_FILE or run in a terminal)' };
    const unlocked = await unlocking;
    if ('err' in unlocked) throw unlocked.err;
    vault = unlocked.vault;
    return vaultOutcome(header!, unlocked.ms);
  }, unlocking ? unlockStart : undefined));

  add(await timedCheck('entries', () => {
    if (listError) throw listError;
    if (!vault) return { status: 'warn', reason: `${listing.refs.length} entries on disk; none decrypted (journal not unlocked)` };
    return sampleDecryptCheck(src.paths, vault, listing.refs, src.sampleSize ?? 16, src.now);
  }));

  add(await timedCheck('audit', () => {
    if (!header) return { status: 'fail', reason: 'not checked: the vault header could not be read' };
    if (listError) throw listError;
    if (prepError) throw prepError;
    const audit = finishAudit(src.paths, header, vault, listing, prep!, src.now());
    Object.assign(journal, { auditRecords: audit.records, auditOk: audit.ok, auditMacsChecked: audit.macsChecked, auditPath: audit.path });
    return audit.outcome;
  }));

  add(await timedCheck('quarantine', () => {
    if (listError) throw listError;
    if (quarantineError) throw quarantineError;
    return quarantineCheck(src.paths, vault, quarantined, src.now);
  }));
  add(await providerResult);
  const memory = (src.memory ?? memoryFacts)();
  add(await timedCheck('memory', () => memoryCheck(memory)));

  const checks = CHECK_NAMES.map((name) => results.get(name)!);
  const status = worstStatus(checks.map((c) => c.status));
  return { healthy: status !== 'fail', status, checkedAt: src.now().toISOString(), checks, journal, disk, memory };
}
