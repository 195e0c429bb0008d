import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (two levels above this file). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The built CLI entry point that a person runs. */
export const CLI_BIN = path.join(REPO_ROOT, 'bin', 'companion.js');

/** Result of one spawned CLI run. */
export interface CliRun {
  /** Wall-clock time from spawn to exit, in milliseconds. */
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
  /** KDF runs reported by COMPANION_DEBUG_COUNTERS; null when the CLI printed no counters. */
  kdf: number | null;
  /**
   * CPU time of the process (user + system, all threads, 10 ms resolution) from /usr/bin/time; null when
   * that tool is missing. Less sensitive than wall time to other work on the machine.
   */
  cpuMs: number | null;
}

const TIME_BIN = '/usr/bin/time';
const hasTime = fs.existsSync(TIME_BIN);
const RUSAGE_RE = /\ncbench-rusage (\d+\.\d+) (\d+\.\d+)\n?$/;

/** Environment for a CLI run against one data directory: no keychain, passphrase from a file, no colour. */
export function cliEnv(dataDir: string, passphraseFile: string | null, home: string): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    NO_COLOR: '1',
    COMPANION_DATA_DIR: dataDir,
    COMPANION_KEYCHAIN: 'none',
    COMPANION_DEBUG_COUNTERS: '1',
  };
  if (passphraseFile) env.COMPANION_PASSPHRASE_FILE = passphraseFile;
  return env;
}

/** Spawn `node bin/companion.js <args>` and time it end to end (process start included). */
export function runCli(args: readonly string[], env: Record<string, string>, input?: string): CliRun {
  const [cmd, argv] = hasTime
    ? [TIME_BIN, ['-f', '\ncbench-rusage %U %S', process.execPath, CLI_BIN, ...args]]
    : [process.execPath, [CLI_BIN, ...args]];
  const start = performance.now();
  const r = spawnSync(cmd, argv, { env, input: input ?? '', encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  if (r.error) throw r.error;
  let stderr = r.stderr;
  let cpuMs: number | null = null;
  const usage = RUSAGE_RE.exec(stderr);
  if (usage) {
    cpuMs = Math.round((Number(usage[1]) + Number(usage[2])) * 1000);
    stderr = stderr.slice(0, usage.index);
  }
  const m = /companion-counters (\{.*\})/.exec(stderr);
  const kdf = m ? (JSON.parse(m[1]!) as { kdf?: number }).kdf ?? null : null;
  return { ms, code: r.status, stdout: r.stdout, stderr, kdf, cpuMs };
}

/** Like runCli, but throws with the CLI's stderr when the exit code is not 0. */
export function runCliOk(args: readonly string[], env: Record<string, string>, input?: string): CliRun {
  const r = runCli(args, env, input);
  if (r.code !== 0) throw new Error(`companion ${args.join(' ')} exited ${String(r.code)}: ${r.stderr.trim()}`);
  return r;
}

/**
 * Source files newer than the build the CLI runs (dist/); a stale build measures old code, so the
 * benchmarks print these. Empty when dist/ is up to date.
 */
export function staleBuildFiles(): string[] {
  const run = path.join(REPO_ROOT, 'dist', 'cli', 'run.js');
  if (!fs.existsSync(run)) return ['dist/ is missing: run `npm run build`'];
  const stale: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) {
        const built = path.join(REPO_ROOT, 'dist', path.relative(path.join(REPO_ROOT, 'src'), p)).replace(/\.tsx?$/, '.js');
        if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < fs.statSync(p).mtimeMs) stale.push(path.relative(REPO_ROOT, p));
      }
    }
  };
  walk(path.join(REPO_ROOT, 'src'));
  return stale;
}
