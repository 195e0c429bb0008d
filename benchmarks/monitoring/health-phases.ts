import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../lib/cli-runner.js';

/** One phase of `companion health --json`, timed on its own. */
export interface HealthPhase {
  phase: string;
  /** Wall time. */
  ms: number;
  /** CPU time of the process (user + system, all threads): less disturbed by other load than wall time. */
  cpuMs: number;
}

/**
 * Time every phase of `health --json` one after the other in a fresh Node process, with the built library
 * (dist/) and the same functions the command calls: imports, config, the KDF, the entry listing, the audit
 * check's key-less and keyed parts, sample decrypt, the other checks, metrics, the provider, and what the
 * CLI does when the command ends (the audit append, the usage record). The real command overlaps the KDF
 * with the key-less phases and the provider; this shows what each costs. Writes what a health run writes
 * (one `vault.unlocked` record, the command's metrics).
 */
export function profileHealthPhases(dataDir: string, passphrase: string): { phases: HealthPhase[]; auditPath: string } {
  const dist = (p: string) => JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'dist', p)).href);
  const script = `
    const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
    const phases = [['node start until the first line of code runs', performance.now(), cpu()]];
    const step = async (phase, fn) => {
      const s = performance.now();
      const c = cpu();
      const v = await fn();
      phases.push([phase, performance.now() - s, cpu() - c]);
      return v;
    };
    await step('import the CLI entry (commander, program)', () => import(${dist('cli/run.js')}));
    await step('import config schema and colours (zod, chalk)', () => Promise.all([import(${dist('core/config.js')}), import(${dist('cli/style.js')})]));
    await step('import the health command and its services', () => import(${dist('cli/commands/health.js')}));
    const { loadConfig } = await import(${dist('core/config.js')});
    const { dataPaths } = await import(${dist('core/paths.js')});
    const { readVaultHeader } = await import(${dist('security/vault-header.js')});
    const { unlockWithPassphrase } = await import(${dist('security/vault.js')});
    const ac = await import(${dist('monitoring/health/audit-check.js')});
    const jc = await import(${dist('monitoring/health/journal-checks.js')});
    const sc = await import(${dist('monitoring/health/system-checks.js')});
    const { Metrics } = await import(${dist('monitoring/metrics.js')});
    const { AuditLog } = await import(${dist('security/audit-log.js')});
    const { recordCommandRun } = await import(${dist('monitoring/command-usage.js')});
    const paths = dataPaths(process.env.DATA_DIR);
    const now = () => new Date();
    const config = await step('config: read and validate', () => loadConfig(paths.config, {}));
    const header = await step('vault header: read and validate', () => readVaultHeader(paths.vault));
    const vault = await step('KDF: unlock (thread pool; overlapped in the real run)', () => unlockWithPassphrase(header, process.env.PASSPHRASE));
    const listing = await step('entries: list and stat every file (once)', () => ac.listEntries(paths.entries));
    const prep = await step('audit, key-less: log, mark, prefix hash, records since', () => ac.prepareAudit(paths, header, listing, true));
    await step('entries: sample decrypt (16)', () => jc.sampleDecryptCheck(paths, vault, listing.refs, 16, now));
    const audit = await step('audit, keyed: mark MAC, record MACs, checkpoint', () => ac.finishAudit(paths, header, vault, listing, prep, now()));
    await step('quarantine (log scan, then decrypt candidates)', () => jc.quarantineCheck(paths, vault, jc.quarantineCandidates(listing.refs, prep.log), now));
    await step('data directory size', () => jc.dataDirBytes(paths, listing.bytes));
    await step('disk, writer lock, drafts, memory', () => [sc.diskCheck(sc.diskFacts(paths.root)), sc.writerLockCheck(paths.lock, now()), sc.draftsCheck(paths.drafts), sc.memoryCheck(sc.memoryFacts())]);
    await step('metrics snapshot', () => new Metrics({ dir: paths.metrics, now, retentionDays: 30 }).snapshot());
    await step('provider: import, build, healthCheck, dispose', async () => {
      const { createProvider } = await import(${dist('providers/create-provider.js')});
      const p = await createProvider(config, {}, { modelsDir: paths.models });
      await p.healthCheck();
      await p.dispose();
    });
    await step('at exit: audit append (vault.unlocked, fsync, checkpoint)', () => new AuditLog({ log: paths.audit, pending: paths.root + '/audit-pending.log', header: paths.vault }, vault, now).append([{ type: 'vault.unlocked', severity: 'LOW', details: { source: 'file' } }]));
    await step('at exit: record the command in metrics', () => recordCommandRun({ dir: paths.metrics, now, enabled: true, retentionDays: 30 }, 'health', 1));
    process.stdout.write(JSON.stringify({ phases, auditPath: audit.path }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PASSPHRASE: passphrase },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`health phase probe failed: ${r.stderr.trim()}`);
  const out = JSON.parse(r.stdout) as { phases: Array<[string, number, number]>; auditPath: string };
  return { phases: out.phases.map(([phase, ms, cpuMs]) => ({ phase, ms, cpuMs })), auditPath: out.auditPath };
}
