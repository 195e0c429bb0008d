import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempJournal, type TempJournal } from '../helpers/cli.js';
import { writeTinyGguf } from '../providers/helpers/tiny-gguf.js';

let t: TempJournal;
let modelsDir: string;
beforeEach(async () => {
  t = tempJournal();
  modelsDir = path.join(t.dataDir, 'models');
  fs.mkdirSync(modelsDir, { recursive: true });
  await writeTinyGguf(path.join(modelsDir, 'tiny.gguf'));
  fs.writeFileSync(path.join(modelsDir, 'notes.gguf'), 'not a model');
});
afterEach(() => t.cleanup());

describe('companion models', () => {
  it('lists GGUF files with header facts and skips unreadable ones', async () => {
    const r = await runCli(['models', 'list', '--json'], t.env);
    expect(r.code, r.stderr).toBe(0);
    const { models } = JSON.parse(r.stdout);
    expect(models).toHaveLength(1);
    expect(models[0]).toMatchObject({ file: 'tiny.gguf', architecture: 'llama', active: false });
    expect(models[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('use pins the model and its hash; info notices when the file changes', async () => {
    const used = await runCli(['models', 'use', 'tiny.gguf'], t.env);
    expect(used.code, used.stderr).toBe(0);
    const info = JSON.parse((await runCli(['models', 'info', '--json'], t.env)).stdout);
    expect(info).toMatchObject({ provider: 'llama', local: true, model: { file: 'tiny.gguf', active: true, changed: false } });
    fs.appendFileSync(path.join(modelsDir, 'tiny.gguf'), Buffer.from([0]));
    const after = JSON.parse((await runCli(['models', 'info', '--json'], t.env)).stdout);
    expect(after.model.changed).toBe(true);
  });

  it('refuses a file that is not a GGUF model and a missing one', async () => {
    expect((await runCli(['models', 'use', 'notes.gguf'], t.env)).code).toBe(2);
    expect((await runCli(['models', 'use', 'absent.gguf'], t.env)).code).toBe(5);
  });

  it('says where to put a model when there is none', async () => {
    fs.rmSync(modelsDir, { recursive: true });
    const r = await runCli(['models', 'list'], t.env);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Put a \.gguf file in .*never downloads/);
  });

  it('marks a remote provider as remote', async () => {
    const r = await runCli(['models', 'info', '--json'], { ...t.env, COMPANION_PROVIDER: 'ollama', COMPANION_OLLAMA_HOST: 'http://10.1.2.3:11434' });
    expect(JSON.parse(r.stdout)).toMatchObject({ provider: 'ollama', local: false });
  });
});
