import { describe, expect, it } from 'vitest';
import { runCli, useTempJournal } from '../helpers/cli.js';
import { DIARY, FOREIGN } from '../helpers/one-voice.js';

const t = useTempJournal();

async function quarantineCheck() {
  const r = await runCli(['health', '--json'], t.env);
  return JSON.parse(r.stdout).checks.find((c: { name: string }) => c.name === 'quarantine') as { status: string; reason: string };
}

describe('health: quarantine check', () => {
  it('goes from ok to warn when an entry is quarantined, and back when it is approved', async () => {
    for (const [i, text] of DIARY.entries()) await runCli(['write', '--date', `2024-05-${String(3 + i).padStart(2, '0')} 20:00`, text], t.env);
    const foreign = JSON.parse((await runCli(['write', '--json', '--date', '2024-05-15 09:00', FOREIGN], t.env)).stdout).id as string;
    expect(await quarantineCheck()).toMatchObject({ status: 'ok', reason: 'no entries in quarantine' });
    const listed = JSON.parse((await runCli(['quarantine', 'list', '--json'], t.env)).stdout);
    expect(listed.entries.map((e: { id: string }) => e.id)).toEqual([foreign]);
    const held = await quarantineCheck();
    expect(held.status).toBe('warn');
    expect(held.reason).toMatch(/^1 entry is in quarantine/);
    expect((await runCli(['quarantine', 'approve', foreign], t.env)).code).toBe(0);
    expect(await quarantineCheck()).toMatchObject({ status: 'ok' });
  });
});
