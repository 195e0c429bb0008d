import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runCli, useTempJournal } from '../helpers/cli.js';
import { FORTNIGHT_NOW, seededFortnight } from '../analysis/fortnight.js';

const t = useTempJournal();
const now = FORTNIGHT_NOW;
const FIRST = 'You ran by the river on 2024-05-08 and on 2024-05-14, and Sarah was part of both the hard and the good days this week.';
const SECOND = 'A second reflection: the river runs on 2024-05-08 and 2024-05-14 steadied you, and Sarah was there on the good days too.';

function mockReflecting(reply: string): Record<string, string> {
  const file = path.join(t.dir, 'fixture.json');
  fs.writeFileSync(file, JSON.stringify({ replies: [{ match: 'Write up to 6 short notes', reply: '- Running by the river [2024-05-08, 2024-05-14]' }, { match: 'Write a reflection', reply }] }));
  return { COMPANION_PROVIDER: 'mock', COMPANION_MOCK_FIXTURE: file };
}

async function summary(reply: string): Promise<{ reflection: { source: string; paragraphs: string[] }; cache: Record<string, unknown> }> {
  const r = await runCli(['summary', '--week', '--json'], t.env, { now, env: mockReflecting(reply) });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

it('summary: the same week over unchanged entries is answered from the cache; an edit in the week is not', async () => {
  const ids: string[] = [];
  for (const e of seededFortnight()) {
    const r = await runCli(['write', '--json', '--date', e.created.slice(0, 16).replace('T', ' '), e.text], t.env, { now });
    ids.push(JSON.parse(r.stdout).id);
  }
  const first = await summary(FIRST);
  expect(first).toMatchObject({ reflection: { source: 'model', paragraphs: [FIRST] }, cache: { status: 'on', hits: 0, misses: 2 } });
  // The model would now write something else: the unchanged week still gets the first reflection.
  expect(await summary(SECOND)).toMatchObject({ reflection: { paragraphs: [FIRST] }, cache: { status: 'on', hits: 2, misses: 0 } });
  const week = seededFortnight().map((e, i) => ({ id: ids[i]!, created: e.created })).filter((e) => e.created >= '2024-05-08');
  const edited = await runCli(['edit', week[0]!.id], t.env, { now, editor: (f) => fs.appendFileSync(f, ' Later I stretched.') });
  expect(edited.code, edited.stderr).toBe(0);
  expect(await summary(SECOND)).toMatchObject({ reflection: { paragraphs: [SECOND] }, cache: { status: 'on', hits: 0, misses: 2 } });
  await runCli(['config', 'set', 'performance.enable_caching', 'false'], t.env, { now });
  expect(await summary(FIRST)).toMatchObject({ reflection: { paragraphs: [FIRST] }, cache: { status: 'off' } });
});
