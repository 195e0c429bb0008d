import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, initJournal, runCli, spawnCli, tempJournal, type TempJournal } from '../helpers/cli.js';

// The writing session in a real terminal: the built binary (`npm run build` first) inside tmux.
const hasTmux = spawnSync('which', ['tmux']).status === 0;
if (!hasTmux) console.warn('tests/e2e/session-tmux: SKIPPED — tmux is not installed (`.ci/run` installs it; or apt-get install tmux).');
const hasBuild = fs.existsSync(new URL('../../dist/cli/commands/session.js', import.meta.url));
if (hasTmux && !hasBuild) throw new Error('tests/e2e/session-tmux needs the built binary: run `npm run build` first.');

const socket = `companion-e2e-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const screen = (target: string) => tmux('capture-pane', '-p', '-t', target);
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

async function waitForScreen(target: string, test: (s: string) => boolean, ms = 15_000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const s = screen(target);
    if (test(s)) return s;
    if (Date.now() > deadline) throw new Error(`timed out; screen:\n${s}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let t: TempJournal;
let command: string;
beforeAll(async () => {
  if (!hasTmux) return;
  t = tempJournal();
  await initJournal(t);
  const set = await runCli(['config', 'set', 'prompts.timing_threshold_seconds', '1'], t.env);
  expect(set.code, set.stderr).toBe(0);
  const env = { ...t.env, COMPANION_AUTOSAVE_MS: '300', PATH: process.env.PATH ?? '' };
  // `env -u CI`: a person's terminal; under CI=true Ink only draws the final frame.
  command = `env -u CI ${Object.entries(env).map(([k, v]) => `${k}=${quote(v)}`).join(' ')} ${quote(process.execPath)} ${quote(BIN)}`;
  tmux('new-session', '-d', '-s', 'main', '-x', '80', '-y', '24', 'sh');
  tmux('set-option', '-g', 'remain-on-exit', 'on');
});
afterAll(() => {
  if (!hasTmux) return;
  try {
    tmux('kill-server');
  } catch {
    // already gone
  }
  t.cleanup();
});

describe.skipIf(!hasTmux)('the writing session in tmux (80×24)', () => {
  it('types a paragraph, shows an idle hint, saves with Ctrl+D; list --json has the entry', async () => {
    tmux('new-window', '-t', 'main', '-n', 'write', `${command}; echo "[exit $?]"`);
    await waitForScreen('main:write', (s) => s.includes('Start writing'));
    const paragraph = 'Walked to the market in the rain and bought pears. The stall owner remembered my name, which made the morning.';
    tmux('send-keys', '-t', 'main:write', '-l', paragraph);
    const hinted = await waitForScreen('main:write', (s) => s.includes('↳'));
    expect(hinted).toContain('which made the morning.');
    tmux('send-keys', '-t', 'main:write', 'C-d');
    const done = await waitForScreen('main:write', (s) => s.includes('[exit 0]'));
    expect(done).toContain('Saved.');
    const list = await spawnCli(['list', '--json'], t.env);
    expect(list.code, list.stderr).toBe(0);
    const entries = JSON.parse(list.stdout).entries as Array<{ text: string }>;
    expect(entries.map((e) => e.text)).toEqual([paragraph]);
  });

  it('keeps the autosaved draft when the process is killed mid-entry and restores it next time', async () => {
    tmux('new-window', '-t', 'main', '-n', 'crash', `exec ${command}`);
    await waitForScreen('main:crash', (s) => s.includes('Start writing'));
    const text = 'This sentence is written just before the terminal dies';
    tmux('send-keys', '-t', 'main:crash', '-l', text);
    await waitForScreen('main:crash', (s) => s.includes('draft saved'));
    const pid = Number(tmux('display-message', '-p', '-t', 'main:crash', '#{pane_pid}').trim());
    process.kill(pid, 'SIGKILL');
    await waitForScreen('main:crash', () => tmux('display-message', '-p', '-t', 'main:crash', '#{pane_dead}').trim() === '1');

    tmux('new-window', '-t', 'main', '-n', 'again', `${command}; echo "[exit $?]"`);
    const offered = await waitForScreen('main:again', (s) => s.includes('An unsaved draft was found.'));
    expect(offered).toContain('This sentence is written');
    tmux('send-keys', '-t', 'main:again', 'r');
    await waitForScreen('main:again', (s) => s.includes('9 words ·'));
    tmux('send-keys', '-t', 'main:again', 'C-d');
    await waitForScreen('main:again', (s) => s.includes('[exit 0]'));
    const list = await spawnCli(['list', '--json'], t.env);
    expect((JSON.parse(list.stdout).entries as Array<{ text: string }>)[0]!.text).toBe(text);
    expect(fs.existsSync(`${t.dataDir}/drafts/session.draft`)).toBe(false);
  });
});
