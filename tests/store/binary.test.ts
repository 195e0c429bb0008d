import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, spawnCli, tempJournal, type TempJournal } from '../helpers/cli.js';

const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const COMMANDS = ['init', 'write', 'list', 'show', 'search', 'edit', 'delete', 'tags', 'on-this-day', 'export', 'import', 'passphrase', 'recover', 'audit', 'keychain', 'config'];

let t: TempJournal;
beforeAll(() => {
  if (!fs.existsSync(BIN) || !fs.existsSync(new URL('../../dist/cli/run.js', import.meta.url))) {
    throw new Error('The built CLI is missing: run `npm run build` (npm test does it first).');
  }
  t = tempJournal();
});
afterAll(() => t.cleanup());

describe('the real binary', () => {
  it('--help exits 0 with the usage, every command and the exit codes', async () => {
    const r = await spawnCli(['--help'], t.env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Usage: companion [options] [command]');
    const listed = lines.map((l) => /^ {2}([a-z-]+)\b/.exec(l)?.[1]).filter((c): c is string => c !== undefined);
    for (const c of COMMANDS) expect(listed, c).toContain(c);
    expect(r.stdout).toContain('COMPANION_DATA_DIR');
    expect(r.stdout).toContain('Exit codes: 0 ok, 1 unexpected error, 2 usage or bad input, 3 locked or wrong passphrase,\n4 integrity failure (tampering or corruption), 5 not found.\n');
  });

  it('`write --help` describes the command and exits 0', async () => {
    const r = await spawnCli(['write', '--help'], t.env);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Usage: companion write [options] [text...]');
    expect(r.stdout).toContain('--date <date>');
  });

  it('--version and -V print exactly the version in package.json', async () => {
    for (const flag of ['--version', '-V']) {
      const r = await spawnCli([flag], t.env);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${pkg.version}\n`);
      expect(r.stderr).toBe('');
    }
  });

  it('an unknown command exits 2 with one line on stderr and nothing on stdout', async () => {
    const r = await spawnCli(['frobnicate'], t.env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^companion: unknown command 'frobnicate'\n/);
  });

  it('a command without a journal exits 5 and says how to start', async () => {
    const r = await spawnCli(['list'], t.env);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^companion: No journal here yet\.\n.*companion init/);
  });
});
