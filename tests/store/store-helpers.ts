import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli, walkFiles, type TempJournal } from '../helpers/cli.js';

/** Root of the repository (the workers resolve `tsx` from here). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The worker that adds entries through the library API (see workers/add-entries.ts). */
export const ADD_ENTRIES_WORKER = fileURLToPath(new URL('./workers/add-entries.ts', import.meta.url));

/** Start the add-entries worker as a separate OS process running the TypeScript sources through tsx. */
export function spawnAddEntries(t: TempJournal, count: number | 'forever', label: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', ADD_ENTRIES_WORKER, t.dataDir, t.passFile, String(count), label], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, TZ: 'UTC' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolve with the exit code (or signal) of a child, collecting its output. */
export function finished(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Encrypted entry files (`*.cje`) under the data directory. */
export function entryFiles(dataDir: string): string[] {
  const dir = path.join(dataDir, 'entries');
  return fs.existsSync(dir) ? walkFiles(dir).filter((f) => f.endsWith('.cje')).sort() : [];
}

/** Every entry as `list --json` returns it (all of them, decrypted); throws with stderr when the CLI fails. */
export async function listAll(t: TempJournal): Promise<Array<{ id: string; text: string; tags: string[]; starred: boolean; revision: number }>> {
  const r = await runCli(['list', '-n', '0', '--json'], t.env);
  if (r.code !== 0) throw new Error(`list failed with exit ${r.code}: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { entries: Array<{ id: string; text: string; tags: string[]; starred: boolean; revision: number }> }).entries;
}

/** Parsed `audit verify --json` report with the exit code. */
export interface VerifyResult {
  code: number;
  report: { ok: boolean; problems: Array<{ kind: string; repairable: boolean; message: string }>; repaired: number; records: number };
  stderr: string;
}

/** Run `audit verify --json` (optionally with `--repair`). */
export async function auditVerify(t: TempJournal, repair = false): Promise<VerifyResult> {
  const r = await runCli(['audit', 'verify', '--json', ...(repair ? ['--repair'] : [])], t.env);
  let report: VerifyResult['report'];
  try {
    report = JSON.parse(r.stdout) as VerifyResult['report'];
  } catch {
    throw new Error(`audit verify printed no JSON (exit ${r.code}): ${r.stderr}`);
  }
  return { code: r.code, report, stderr: r.stderr };
}

/** Copy a whole directory tree (a pristine data directory into a scratch one). */
export function copyDir(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}
