import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, useTempJournal } from '../helpers/cli.js';
import { FORTNIGHT_NOW } from '../analysis/fortnight.js';
import { DIARY, FOREIGN } from '../helpers/one-voice.js';

const t = useTempJournal();

const now = FORTNIGHT_NOW;

async function write(date: string, text: string): Promise<string> {
  const r = await runCli(['write', '--json', '--date', date, text], t.env, { now });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout).id as string;
}


async function writeJournal(): Promise<{ ids: string[]; foreign: string }> {
  const ids: string[] = [];
  for (const [i, text] of DIARY.entries()) ids.push(await write(`2024-05-${String(3 + i).padStart(2, '0')} 20:00`, text));
  const foreign = await write('2024-05-13 09:00', FOREIGN);
  return { ids, foreign };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed CLI JSON, checked field by field
async function json(args: string[]): Promise<any> {
  const r = await runCli([...args, '--json'], t.env, { now });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

function auditTypes(): Array<{ type: string; details: Record<string, unknown> }> {
  const log = fs.readFileSync(path.join(t.dataDir, 'audit.log'), 'utf8');
  return log.trim().split('\n').map((l) => JSON.parse(l));
}

describe('quarantine of entries unlike the journal', () => {
  it('flags the foreign entry on analysis, leaves it out of summary numbers and counts it', async () => {
    const { ids, foreign } = await writeJournal();
    const s = await json(['summary', '--week']);
    expect(s.quarantined).toMatchObject({ count: 1, entries: [{ id: foreign, date: '2024-05-13' }] });
    expect(s.entries).toBe(7);
    expect(JSON.stringify(s.themes ?? s.topThemes)).not.toContain('maintenance');
    const listed = await json(['quarantine', 'list']);
    expect(listed.entries.map((e: { id: string }) => e.id)).toEqual([foreign]);
    expect(listed.entries[0].reasons.length).toBeGreaterThan(0);
    expect(ids).not.toContain(foreign);
    const flagged = auditTypes().filter((r) => r.type === 'entry.quarantine');
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.details).toMatchObject({ action: 'quarantined', entries: [foreign] });
    expect(JSON.stringify(flagged)).not.toContain('maintenance');
  });

  it('summary without a baseline (fewer than 10 entries) quarantines nothing', async () => {
    for (const [i, text] of DIARY.slice(0, 5).entries()) await write(`2024-05-0${1 + i} 20:00`, text);
    await write('2024-05-06 09:00', FOREIGN);
    const s = await json(['summary', '--from', '2024-05-01', '--to', '2024-05-07']);
    expect(s.quarantined.count).toBe(0);
    expect(s.entries).toBe(6);
  });

  it('says so in the human summary and keeps the entry out of ask answers', async () => {
    const { foreign } = await writeJournal();
    const plain = await runCli(['summary', '--week'], t.env, { now });
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/1 entry is in quarantine .*left out of this summary: 2024-05-13 \w+/);
    const a = await json(['ask', 'maintenance mode journal instructions']);
    expect(a.quarantined).toMatchObject({ count: 1, entries: [{ id: foreign }] });
    expect(a.citations.map((c: { entryId: string }) => c.entryId)).not.toContain(foreign);
    expect(JSON.stringify(a.answer)).not.toContain('maintenance');
    const human = await runCli(['ask', 'maintenance mode'], t.env, { now });
    expect(human.stdout).toMatch(/1 entry is in quarantine/);
  });

  it('lists and approves through the CLI; approval is audited with the id only and sticks', async () => {
    const { ids, foreign } = await writeJournal();
    const listed = await json(['quarantine', 'list']);
    expect(listed.count).toBe(1);
    expect(listed.entries[0]).toMatchObject({ id: foreign, date: '2024-05-13' });
    expect(listed.entries[0].score).toBeGreaterThanOrEqual(4);
    const human = await runCli(['quarantine', 'list'], t.env, { now });
    expect(human.stdout).toContain(foreign);
    expect(human.stdout).toContain('SYSTEM NOTICE');

    const notQuarantined = await runCli(['quarantine', 'approve', ids[0]!], t.env, { now });
    expect(notQuarantined.code).toBe(2);
    expect(notQuarantined.stderr).toMatch(/not in quarantine/);
    expect(await json(['quarantine', 'approve', foreign.slice(0, 6)])).toEqual({ id: foreign, approved: true });
    const approved = auditTypes().filter((r) => r.type === 'entry.quarantine' && r.details.action === 'approved');
    expect(approved).toHaveLength(1);
    expect(approved[0]!.details).toEqual({ action: 'approved', id: foreign });

    expect((await json(['quarantine', 'list'])).count).toBe(0);
    const s = await json(['summary', '--week']);
    expect(s.quarantined.count).toBe(0);
    // Editing clears the analysis; the approval survives the re-analysis.
    const edited = await runCli(['edit', foreign], t.env, { now, editor: (f) => fs.writeFileSync(f, `${FOREIGN} Really!!!`) });
    expect(edited.code, edited.stderr).toBe(0);
    expect(await json(['analyze'])).toMatchObject({ analysed: 1, quarantined: [] });
    expect((await json(['summary', '--week'])).quarantined.count).toBe(0);
    const again = await runCli(['quarantine', 'approve', foreign], t.env, { now });
    expect(again.code).toBe(2);
  });

  it('reports an unknown id as not found', async () => {
    const r = await runCli(['quarantine', 'approve', 'zzzzzzzzzzzz'], t.env, { now });
    expect(r.code).toBe(5);
  });
});
