import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, walkFiles, useTempJournal } from '../helpers/cli.js';

const t = useTempJournal();

const found = async (word: string) => JSON.parse((await runCli(['search', word, '--json'], t.env)).stdout).entries.map((e: { text: string }) => e.text);
const indexFiles = () => walkFiles(t.dataDir).filter((f) => f.endsWith('.idx'));

describe('search and the encrypted search index', () => {
  it('follows edits and deletions', async () => {
    const e = JSON.parse((await runCli(['write', '--json', 'morning with the heron'], t.env)).stdout);
    expect(indexFiles()).toHaveLength(1);
    expect(await found('heron')).toEqual(['morning with the heron']);
    await runCli(['edit', e.id], t.env, { editor: (f) => fs.writeFileSync(f, 'morning with the kestrel') });
    expect(await found('heron')).toEqual([]);
    expect(await found('kestrel')).toEqual(['morning with the kestrel']);
    await runCli(['delete', e.id, '--yes'], t.env);
    expect(await found('kestrel')).toEqual([]);
  });

  it('indexes imported entries', async () => {
    const file = path.join(t.dir, 'in.json');
    fs.writeFileSync(file, JSON.stringify({ tags: {}, entries: [
      { date: '2024-03-02', time: '08:00', title: 'Saw a heron', body: '', tags: [], starred: false },
      { date: '2024-04-02', time: '08:00', title: 'Rain all day', body: '', tags: [], starred: false },
    ] }));
    expect((await runCli(['import', '--from', 'jrnl', file], t.env)).code).toBe(0);
    expect(indexFiles()).toHaveLength(2);
    expect(await found('heron')).toEqual(['Saw a heron']);
  });

  it('is only a cache: a damaged or missing index never changes what search finds', async () => {
    await runCli(['write', 'the heron again'], t.env);
    const [idx] = indexFiles();
    const bytes = fs.readFileSync(idx!);
    bytes[bytes.length - 1]! ^= 1;
    fs.writeFileSync(idx!, bytes);
    expect(await found('heron')).toEqual(['the heron again']);
    fs.rmSync(idx!);
    expect(await found('heron')).toEqual(['the heron again']);
    await runCli(['write', 'and a kestrel'], t.env); // the next write rebuilds the shard's index
    expect(indexFiles()).toHaveLength(1);
    expect(await found('heron')).toEqual(['the heron again']);
  });

  it('reads an entry file the index does not know (added to the shard since)', async () => {
    await runCli(['write', 'first heron'], t.env);
    const [idx] = indexFiles();
    const before = fs.readFileSync(idx!);
    await runCli(['write', 'second heron'], t.env);
    fs.writeFileSync(idx!, before); // as if the index refresh had not happened
    expect((await found('heron')).sort()).toEqual(['first heron', 'second heron']);
  });

  it('keeps no readable text', async () => {
    await runCli(['write', 'Zanzibarquokka in the index'], t.env);
    for (const f of indexFiles()) expect(fs.readFileSync(f).includes(Buffer.from('zanzibarquokka'))).toBe(false);
  });
});
