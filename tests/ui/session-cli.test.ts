import { describe, expect, it } from 'vitest';
import { appearanceFor } from '../../src/cli/commands/session.js';
import { runCli, useTempJournal } from '../helpers/cli.js';

const t = useTempJournal();

describe('companion with no command', () => {
  it('behaves like `companion write` when stdin is piped', async () => {
    const r = await runCli([], t.env, { stdin: 'piped into the session @quiet\n' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Saved [a-z2-7]{12} · 5 words/);
    const list = JSON.parse((await runCli(['list', '--json'], t.env)).stdout);
    expect(list.entries[0]).toMatchObject({ text: 'piped into the session @quiet', tags: ['quiet'] });
  });

  it('says so in --help, and a misspelt command is still an unknown command', async () => {
    const help = await runCli(['--help'], t.env);
    expect(help.stdout).toContain('With no command, companion opens the writing session');
    expect(help.stdout).toContain('behaves exactly like `companion write`');
    const typo = await runCli(['lsit'], t.env);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("unknown command 'lsit'");
  });

  it('picks colours from NO_COLOR, COMPANION_THEME and COLORFGBG', () => {
    expect(appearanceFor({ NO_COLOR: '1' }, true)).toEqual({ color: false, background: 'dark' });
    expect(appearanceFor({}, false).color).toBe(false);
    expect(appearanceFor({ COLORFGBG: '0;15' }, true)).toEqual({ color: true, background: 'light' });
    expect(appearanceFor({ COLORFGBG: '15;0', COMPANION_THEME: 'light' }, true).background).toBe('light');
    expect(appearanceFor({ COLORFGBG: '15;0' }, true).background).toBe('dark');
  });
});
