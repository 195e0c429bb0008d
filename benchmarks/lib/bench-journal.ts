import fs from 'node:fs';
import path from 'node:path';
import { Journal } from '../../src/core/journal.js';
import { dataPaths, type DataPaths } from '../../src/core/paths.js';
import { WriterLock } from '../../src/core/writer-lock.js';
import { AuditLog, type AuditFiles } from '../../src/security/audit-log.js';
import { AuditTrail } from '../../src/security/audit-trail.js';
import { kdfCount } from '../../src/security/kdf.js';
import { readVaultHeader } from '../../src/security/vault-header.js';
import { unlockWithPassphrase, type Vault } from '../../src/security/vault.js';
import { cliEnv, runCliOk } from './cli-runner.js';

/** A journal created by the real `companion init` in a temporary directory, with its CLI environment. */
export interface BenchJournalDir {
  dataDir: string;
  paths: DataPaths;
  passphrase: string;
  /** Environment for spawned CLI runs against this journal. */
  env: Record<string, string>;
  /** Time of `companion init` (one KDF plus process start), in milliseconds. */
  initMs: number;
}

/** The library services of an unlocked journal, wired as the CLI wires them. */
export interface BenchJournal {
  vault: Vault;
  lock: WriterLock;
  log: AuditLog;
  audit: AuditTrail;
  journal: Journal;
  /** Time of the one unlockWithPassphrase call (one KDF), in milliseconds. */
  unlockMs: number;
}

/** The audit files of a data directory, at the paths the CLI uses. */
export function benchAuditFiles(paths: DataPaths): AuditFiles {
  return { log: paths.audit, pending: path.join(paths.root, 'audit-pending.log'), header: paths.vault };
}

/** Create a journal with `companion init` (default KDF unless `iterations` is given) under `root`. */
export function initJournal(root: string, opts: { iterations?: number } = {}): BenchJournalDir {
  const dataDir = path.join(root, 'data');
  const home = path.join(root, 'home');
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  const passphrase = 'correct horse battery staple (benchmark)';
  const passphraseFile = path.join(root, 'passphrase');
  fs.writeFileSync(passphraseFile, passphrase + '\n', { mode: 0o600 });
  const env = cliEnv(dataDir, passphraseFile, home);
  const args = ['init', '--json', ...(opts.iterations ? ['--iterations', String(opts.iterations)] : [])];
  const init = runCliOk(args, env);
  return { dataDir, paths: dataPaths(dataDir), passphrase, env, initMs: init.ms };
}

/** Unlock a journal in this process (exactly one KDF run, checked) and build its services. */
export async function openBenchJournal(dir: BenchJournalDir, now: () => Date = () => new Date()): Promise<BenchJournal> {
  const header = readVaultHeader(dir.paths.vault);
  const before = kdfCount();
  const start = performance.now();
  const vault = await unlockWithPassphrase(header, dir.passphrase);
  const unlockMs = performance.now() - start;
  if (kdfCount() !== before + 1) throw new Error(`unlock ran ${kdfCount() - before} KDFs, expected 1`);
  fs.mkdirSync(dir.paths.entries, { recursive: true, mode: 0o700 });
  const lock = new WriterLock(dir.paths.lock);
  const log = new AuditLog(benchAuditFiles(dir.paths), vault, now);
  const audit = new AuditTrail(log, lock, () => {
    throw new Error('the audit log refused an append while building the benchmark journal');
  });
  const journal = new Journal({ paths: dir.paths, vault, lock, now, events: audit });
  return { vault, lock, log, audit, journal, unlockMs };
}
