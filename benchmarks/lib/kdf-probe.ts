import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './cli-runner.js';

/** One fresh-process unlock: the KDF time measured inside the process and the process's wall time. */
export interface KdfProbe {
  /** Time of unlockWithPassphrase inside the child (one KDF and one key unwrap). */
  unlockMs: number;
  /** CPU time (user + system, all threads) the unlock used inside the child. */
  unlockCpuMs: number;
  /** Wall-clock time of the whole child process (start, imports, unlock, exit). */
  processMs: number;
}

/**
 * Spawn a Node process that only reads `vault.json` and unlocks it with the built library (dist/), as the
 * CLI does before any command: the KDF cost a command pays, without the command.
 */
export function probeKdf(vaultFile: string, passphrase: string): KdfProbe {
  const dist = (p: string) => pathToFileURL(path.join(REPO_ROOT, 'dist', p)).href;
  const script = `
    const { readVaultHeader } = await import(${JSON.stringify(dist('security/vault-header.js'))});
    const { unlockWithPassphrase } = await import(${JSON.stringify(dist('security/vault.js'))});
    const header = readVaultHeader(process.env.VAULT_FILE);
    const cpu = process.cpuUsage();
    const t = performance.now();
    await unlockWithPassphrase(header, process.env.VAULT_PASSPHRASE);
    const wall = performance.now() - t;
    const used = process.cpuUsage(cpu);
    process.stdout.write(JSON.stringify([wall, (used.user + used.system) / 1000]));`;
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', VAULT_FILE: vaultFile, VAULT_PASSPHRASE: passphrase },
    encoding: 'utf8',
  });
  const processMs = performance.now() - start;
  if (r.status !== 0) throw new Error(`KDF probe failed: ${r.stderr.trim()}`);
  const [unlockMs, unlockCpuMs] = JSON.parse(r.stdout) as [number, number];
  return { unlockMs, unlockCpuMs, processMs };
}
