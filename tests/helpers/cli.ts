import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliDeps, Output } from '../../src/cli/deps.js';

/** A temporary data directory with a passphrase file; removed by `cleanup()`. */
export interface TempJournal {
  dir: string;
  dataDir: string;
  passFile: string;
  env: Record<string, string>;
  cleanup(): void;
}

/** Passphrase used by tests. */
export const TEST_PASSPHRASE = 'correct horse battery staple';

/** Make a temp dir with a passphrase file and the env that points companion at it. */
export function tempJournal(): TempJournal {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'companion-test-'));
  const dataDir = path.join(dir, 'data');
  const passFile = path.join(dir, 'pass');
  fs.writeFileSync(passFile, TEST_PASSPHRASE + '\n', { mode: 0o600 });
  const env = { COMPANION_DATA_DIR: dataDir, COMPANION_PASSPHRASE_FILE: passFile, COMPANION_KEYCHAIN: 'none', NO_COLOR: '1', HOME: dir, TZ: process.env.TZ ?? 'UTC' };
  return { dir, dataDir, passFile, env, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

class BufferOutput implements Output {
  text = '';
  constructor(readonly isTTY = false, readonly columns = 100) {}
  write(s: string): void {
    this.text += s;
  }
}

/** Result of one CLI run. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of an in-process run. */
export interface RunOptions {
  env?: Record<string, string | undefined>;
  stdin?: string | Buffer;
  now?: Date;
  editor?: (file: string) => void;
}

/** Run companion in-process through `main(argv, deps)`. */
export async function runCli(args: string[], env: Record<string, string | undefined>, options: RunOptions = {}): Promise<CliResult> {
  const stdout = new BufferOutput();
  const stderr = new BufferOutput();
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]) as CliDeps['stdin'];
  (stdin as { isTTY?: boolean }).isTTY = false;
  const deps: CliDeps = {
    env: { ...env, ...options.env },
    stdin,
    stdout,
    stderr,
    now: () => options.now ?? new Date(),
    homeDir: env.HOME ?? os.tmpdir(),
    openTty: () => null,
    runEditor: async (file) => {
      if (!options.editor) throw new Error('no editor in this test');
      options.editor(file);
    },
  };
  const code = await main(args, deps);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Path of the built CLI (npm test builds first). */
export const BIN = fileURLToPath(new URL('../../bin/companion.js', import.meta.url));

/** Spawn the real binary; resolves with its exit code and output. */
export function spawnCli(args: string[], env: Record<string, string | undefined>, stdin?: string | Buffer): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, ...env } as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

/** Create a journal with a fast-but-allowed KDF setting for tests. */
export async function initJournal(t: TempJournal): Promise<void> {
  const r = await runCli(['init', '--iterations', '100000', '--json'], t.env);
  if (r.code !== 0) throw new Error(`init failed: ${r.stderr}`);
}

/** Every file under a directory, recursively. */
export function walkFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walkFiles(p));
    else out.push(p);
  }
  return out;
}

/**
 * A fresh initialised journal for every test of the calling file: registers the beforeEach/afterEach
 * hooks and returns an object whose fields are the current test's journal.
 */
export function useTempJournal(): TempJournal {
  const current = {} as TempJournal;
  beforeEach(async () => {
    Object.assign(current, tempJournal());
    await initJournal(current);
  });
  afterEach(() => current.cleanup());
  return current;
}
