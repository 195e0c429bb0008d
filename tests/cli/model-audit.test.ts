import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, useTempJournal } from '../helpers/cli.js';
import { writeTinyGguf } from '../providers/helpers/tiny-gguf.js';
import { auditModelLoad } from '../../src/cli/services.js';
import { MockProvider } from '../../src/providers/mock-provider.js';

const t = useTempJournal();

const loaded = async () => JSON.parse((await runCli(['audit', 'log', '--type', 'model.loaded', '--json'], t.env)).stdout).records;

describe('model.loaded in the audit log', () => {
  it('is recorded once when a command first uses a local model, with its pinned hash', async () => {
    const model = path.join(t.dataDir, 'models', 'tiny.gguf');
    fs.mkdirSync(path.dirname(model), { recursive: true });
    await writeTinyGguf(model);
    expect((await runCli(['models', 'use', 'tiny.gguf'], t.env)).code).toBe(0);
    expect((await runCli(['config', 'set', 'gpu_layers', '0'], t.env)).code).toBe(0);
    await runCli(['write', 'A long walk by the sea with Sam, talking about the new job.'], t.env);
    expect(await loaded()).toHaveLength(0); // writing loads no model
    // analyze --model asks for themes with a short answer (32 tokens): ask's 300-token answer took 5-7 s of the
    // tiny model on two idle cores and over a minute under load. ask and the summary stream: the wrapper's test below.
    const r = await runCli(['analyze', '--model', '--json'], t.env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).modelThemes.provider).toBe('llama');
    const records = await loaded();
    expect(records).toHaveLength(1);
    const pinned = JSON.parse(fs.readFileSync(path.join(t.dataDir, 'config.json'), 'utf8')).model_sha256;
    expect(records[0].details).toEqual({ provider: 'llama', model: 'tiny.gguf', sha256: pinned });
  });

  it('is not recorded in the built-in mode, which loads no model', async () => {
    await runCli(['write', 'A quiet day.'], t.env);
    expect((await runCli(['ask', 'how was the day?', '--json'], t.env)).code).toBe(0);
    expect(await loaded()).toHaveLength(0);
  });
});

describe('the model.loaded wrapper', () => {
  it('records once when the model is only ever used in batches, and passes the outcomes through', async () => {
    let records = 0;
    const provider = auditModelLoad(new MockProvider(), () => { records += 1; });
    const outcomes = [await provider.generateBatch!(['one', 'two']), await provider.generateBatch!(['three'])];
    expect(records).toBe(1);
    expect(outcomes).toEqual([await new MockProvider().generateBatch(['one', 'two']), await new MockProvider().generateBatch(['three'])]);
  });

  it('records once when the model is only ever streamed from, and passes every chunk through', async () => {
    let records = 0;
    const provider = auditModelLoad(new MockProvider(), () => { records += 1; });
    const chunks: string[] = [];
    for (let round = 0; round < 2; round += 1) for await (const c of provider.stream('a question')) chunks.push(c);
    expect(records).toBe(1);
    const direct: string[] = [];
    for await (const c of new MockProvider().stream('a question')) direct.push(c);
    expect(chunks.join('')).toBe(direct.join('').repeat(2));
  });
});
