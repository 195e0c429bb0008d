import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, useTempJournal } from '../helpers/cli.js';
import { writeTinyNerModel } from '../security/detectors/pii-tiny-ner-onnx.js';

const t = useTempJournal();
let models: string;

beforeAll(async () => {
  models = await mkdtemp(join(os.tmpdir(), 'companion-cli-ner-'));
  // A made-up place no built-in rule or tagger knows: only the configured model can find it.
  await writeTinyNerModel(models, 'tiny-ner', ['the', 'blorp', 'was', 'loud', 'today', '.'], ['O', 'B-LOC', 'I-LOC'], (w) => (w === 'blorp' ? 'B-LOC' : 'O'));
});
afterAll(async () => rm(models, { recursive: true, force: true }));

describe('security.ner_model: a local transformers.js NER model in the commands', () => {
  it('security scan and export --sanitize find what only the configured model knows', async () => {
    const text = 'the blorp was loud today.';
    const before = JSON.parse((await runCli(['security', 'scan', '--json', text], t.env)).stdout);
    expect(before.pii.some((p: { type: string; start: number }) => p.type === 'LOCATION' && p.start === 4)).toBe(false);

    expect((await runCli(['config', 'set', 'security.ner_model', join(models, 'tiny-ner')], t.env)).code).toBe(0);
    const after = JSON.parse((await runCli(['security', 'scan', '--json', text], t.env)).stdout);
    expect(after.pii).toContainEqual(expect.objectContaining({ type: 'LOCATION', start: 4, end: 9 }));

    expect((await runCli(['write', text], t.env)).code).toBe(0);
    const exported = await runCli(['export', '--format', 'txt', '--sanitize', 'redact'], t.env);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).not.toContain('blorp');
  });

  it('a configured folder that does not exist is one clear error with exit 1', async () => {
    expect((await runCli(['config', 'set', 'security.ner_model', join(models, 'missing')], t.env)).code).toBe(0);
    const r = await runCli(['security', 'scan', 'hello there'], t.env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/security\.ner_model/);
    expect(r.stderr).toMatch(/config set security\.ner_model null/);
  });
});
