import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { CliRun, CliRunner } from './types.js';

/** Passphrase length of the throwaway journal (random, never the user's). */
const PASSPHRASE_BYTES = 24;

/**
 * A throwaway journal in a temporary directory, driven through the real CLI. Every run's stdout and
 * stderr is kept (the transcript) so checks can search what the app printed.
 */
export class Sandbox {
  readonly dir: string;
  readonly dataDir: string;
  readonly passFile: string;
  readonly passphrase: string;
  /** Every run so far: its arguments and output. */
  readonly transcript: { argv: string[]; run: CliRun }[] = [];

  private constructor(private readonly runner: CliRunner, private readonly baseEnv: Record<string, string>) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'companion-adversarial-'));
    this.dataDir = path.join(this.dir, 'data');
    this.passFile = path.join(this.dir, 'pass');
    this.passphrase = randomBytes(PASSPHRASE_BYTES).toString('base64url');
    fs.writeFileSync(this.passFile, this.passphrase + '\n', { mode: 0o600 });
  }

  /** Create a sandbox and initialise its journal (a light but allowed KDF setting, like the test suite). */
  static async create(runner: CliRunner, env: Record<string, string> = {}): Promise<Sandbox> {
    const box = new Sandbox(runner, env);
    const init = await box.run(['init', '--iterations', '100000', '--json']);
    if (init.code !== 0) {
      box.dispose();
      throw new Error(`could not create the throwaway journal (exit ${init.code}): ${init.stderr.split('\n')[0] ?? ''}`);
    }
    return box;
  }

  /** The environment of every run: only the sandbox's own settings, never the user's variables. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      COMPANION_DATA_DIR: this.dataDir,
      COMPANION_PASSPHRASE_FILE: this.passFile,
      COMPANION_KEYCHAIN: 'none',
      NO_COLOR: '1',
      HOME: this.dir,
      TZ: 'UTC',
      ...this.baseEnv,
      ...extra,
    };
  }

  /** Run companion with these arguments in the sandbox. */
  async run(argv: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
    const run = await this.runner(argv, { env: this.env(options.env), ...(options.stdin !== undefined ? { stdin: options.stdin } : {}) });
    this.transcript.push({ argv, run });
    return run;
  }

  /** Write a file inside the sandbox (not the data directory) and return its path. */
  file(name: string, content: string | Buffer): string {
    const p = path.join(this.dir, name);
    fs.writeFileSync(p, content, { mode: 0o600 });
    return p;
  }

  /** Set a config value through the CLI; throws when the CLI refuses it. */
  async config(key: string, value: string): Promise<void> {
    const r = await this.run(['config', 'set', key, value]);
    if (r.code !== 0) throw new Error(`config set ${key} failed (exit ${r.code}): ${r.stderr.split('\n')[0] ?? ''}`);
  }

  /** Remove the temporary directory and everything in it. */
  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Every regular file under a directory (recursively); empty when it does not exist. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Which of the needles occur in a text (as UTF-8 or, for binary files, in their bytes). */
export function needlesIn(content: string | Buffer, needles: readonly string[]): string[] {
  const text = typeof content === 'string' ? content : content.toString('latin1');
  return needles.filter((n) => text.includes(typeof content === 'string' ? n : Buffer.from(n, 'utf8').toString('latin1')));
}
