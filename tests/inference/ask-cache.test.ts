import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, useTempJournal } from '../helpers/cli.js';
import { FORTNIGHT_NOW, seededFortnight } from '../analysis/fortnight.js';
import { semanticCacheFile } from '../../src/inference/cache-file.js';

const t = useTempJournal();
const now = FORTNIGHT_NOW;
const QUESTION = 'When did I run with Sarah by the river?';
/** One word added: hashed bag-of-words vectors at cosine ≈ 0.94, and the same entries retrieved. */
const PARAPHRASE = 'When did I go run with Sarah by the river?';
const FIRST = 'You ran by the river with Sarah at sunrise [2024-05-14].';
const SECOND = 'A different model answer about Sarah and the river [2024-05-14].';

async function writeFortnight(): Promise<void> {
  for (const e of seededFortnight()) {
    const r = await runCli(['write', '--json', '--date', e.created.slice(0, 16).replace('T', ' '), e.text], t.env, { now });
    expect(r.code, r.stderr).toBe(0);
  }
}

/** Mock provider env whose reply can be changed between runs (same fixture path: the same model identity). */
function mockReplying(reply: string): Record<string, string> {
  const file = path.join(t.dir, 'fixture.json');
  fs.writeFileSync(file, JSON.stringify({ replies: [{ match: 'Answer in at most 4 sentences', reply }] }));
  return { COMPANION_PROVIDER: 'mock', COMPANION_MOCK_FIXTURE: file };
}

async function ask(question: string, reply: string): Promise<{ answer: { text: string; source: string }; cache: { status: string; reason?: string }; citations: Array<{ entryId: string }>; model: unknown }> {
  const r = await runCli(['ask', question, '--json'], t.env, { now, env: mockReplying(reply) });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('companion ask with the answer cache', () => {
  it('serves a paraphrased question over the same entries from the cache, without calling the model', async () => {
    await writeFortnight();
    const first = await ask(QUESTION, FIRST);
    expect(first).toMatchObject({ answer: { source: 'model', text: FIRST }, cache: { status: 'miss' } });
    // The model now answers differently: only a cache hit can still give the first answer.
    const again = await ask(QUESTION, SECOND);
    expect(again).toMatchObject({ answer: { source: 'model', text: FIRST }, cache: { status: 'hit' }, model: null });
    const para = await ask(PARAPHRASE, SECOND);
    expect(para.citations.map((c) => c.entryId).sort()).toEqual(first.citations.map((c) => c.entryId).sort());
    expect(para).toMatchObject({ answer: { text: FIRST }, cache: { status: 'hit' } });
    const plain = await runCli(['ask', QUESTION], t.env, { now, env: mockReplying(SECOND) });
    expect(plain.stdout).toContain(FIRST);
    expect(plain.stdout).toContain('answer cache');
    // Nothing readable on disk: not the question, the answer, nor the entry ids.
    const bytes = fs.readFileSync(semanticCacheFile(path.join(t.dataDir, 'cache')));
    for (const needle of [QUESTION, 'Sarah', 'sunrise', first.citations[0]!.entryId]) expect(bytes.includes(Buffer.from(needle))).toBe(false);
  });

  it('misses after a cited entry is edited, and after one is deleted', async () => {
    await writeFortnight();
    const first = await ask(QUESTION, FIRST);
    const cited = first.citations.map((c) => c.entryId);
    const edited = await runCli(['edit', cited[0]!], t.env, { now, editor: (f) => fs.appendFileSync(f, ' We had tea after.') });
    expect(edited.code, edited.stderr).toBe(0);
    const afterEdit = await ask(QUESTION, SECOND);
    expect(afterEdit).toMatchObject({ answer: { text: SECOND }, cache: { status: 'miss' } });
    expect(await ask(QUESTION, FIRST)).toMatchObject({ answer: { text: SECOND }, cache: { status: 'hit' } });
    const gone = await runCli(['delete', cited[1]!, '--yes', '--json'], t.env, { now });
    expect(gone.code, gone.stderr).toBe(0);
    const afterDelete = await ask(QUESTION, FIRST);
    expect(afterDelete).toMatchObject({ answer: { text: FIRST }, cache: { status: 'miss' } });
  });

  it('never caches with performance.enable_caching false, nor the builtin provider', async () => {
    await writeFortnight();
    const set = await runCli(['config', 'set', 'performance.enable_caching', 'false'], t.env, { now });
    expect(set.code, set.stderr).toBe(0);
    expect(await ask(QUESTION, FIRST)).toMatchObject({ answer: { text: FIRST }, cache: { status: 'off', reason: expect.stringContaining('enable_caching') } });
    expect(await ask(QUESTION, SECOND)).toMatchObject({ answer: { text: SECOND }, cache: { status: 'off' } });
    expect(fs.existsSync(semanticCacheFile(path.join(t.dataDir, 'cache')))).toBe(false);
    await runCli(['config', 'set', 'performance.enable_caching', 'true'], t.env, { now });
    const builtin = await runCli(['ask', QUESTION, '--json'], t.env, { now });
    expect(JSON.parse(builtin.stdout)).toMatchObject({ answer: { source: 'extractive' }, cache: { status: 'off' } });
    expect(fs.existsSync(semanticCacheFile(path.join(t.dataDir, 'cache')))).toBe(false);
  });

  it('reports and replaces a damaged cache file instead of failing', async () => {
    await writeFortnight();
    await ask(QUESTION, FIRST);
    const file = semanticCacheFile(path.join(t.dataDir, 'cache'));
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 5]! ^= 0xff;
    fs.writeFileSync(file, bytes);
    const r = await runCli(['ask', QUESTION, '--json'], t.env, { now, env: mockReplying(SECOND) });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('answer cache was reset');
    expect(JSON.parse(r.stdout)).toMatchObject({ answer: { text: SECOND }, cache: { status: 'miss' } });
    expect(await ask(QUESTION, FIRST)).toMatchObject({ answer: { text: SECOND }, cache: { status: 'hit' } });
  });
});
