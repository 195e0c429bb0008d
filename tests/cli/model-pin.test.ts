import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initJournal, runCli, tempJournal, type TempJournal } from '../helpers/cli.js';
import { writeTinyGguf } from '../providers/helpers/tiny-gguf.js';

let t: TempJournal;
let model: string;
let cacheFile: string;
beforeEach(async () => {
  t = tempJournal();
  await initJournal(t);
  model = path.join(t.dataDir, 'models', 'tiny.gguf');
  cacheFile = path.join(t.dataDir, 'cache', 'model-hashes.json');
  fs.mkdirSync(path.dirname(model), { recursive: true });
  await writeTinyGguf(model);
  expect((await runCli(['models', 'use', 'tiny.gguf'], t.env)).code).toBe(0);
  expect((await runCli(['config', 'set', 'gpu_layers', '0'], t.env)).code).toBe(0);
  await runCli(['write', 'A long walk by the sea with Sam, talking about the new job.'], t.env);
});
afterEach(() => t.cleanup());

const ask = () => runCli(['ask', 'what did I talk about with Sam?', '--json'], t.env);

const configFile = () => path.join(t.dataDir, 'config.json');
const LOADS = { timeout: 300_000 }; // each test loads the tiny model once in the llama sandbox

describe('the pinned model hash is enforced when the llama provider is built', () => {
  it('loads the pinned file unchanged, remembers its hash, and compares later pins against the cached hash', LOADS, async () => {
    const first = await ask();
    expect(first.code, first.stderr).toBe(0);
    const pinned = JSON.parse(fs.readFileSync(configFile(), 'utf8')).model_sha256;
    expect(JSON.parse(fs.readFileSync(cacheFile, 'utf8')).files[model].sha256).toBe(pinned);
    const cachedAt = fs.statSync(cacheFile).mtimeMs;
    // A pin that no longer matches the (unchanged, cached) file is refused without hashing the file again.
    const config = JSON.parse(fs.readFileSync(configFile(), 'utf8'));
    fs.writeFileSync(configFile(), JSON.stringify({ ...config, model_sha256: 'a'.repeat(64) }));
    const refused = await ask();
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('changed since `companion models use`');
    expect(fs.statSync(cacheFile).mtimeMs).toBe(cachedAt);
  });

  it('refuses a file changed since `models use` with exit 4, and `models use` again re-pins it', LOADS, async () => {
    fs.appendFileSync(model, Buffer.from([0]));
    const refused = await ask();
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('changed since `companion models use`');
    expect(refused.stderr).toContain(`companion models use ${model}`);
    expect(refused.stdout).toBe('');
    const failures = JSON.parse((await runCli(['audit', 'log', '--type', 'integrity.failure', '--json'], t.env)).stdout).records;
    expect(failures).toHaveLength(1);
    expect((await runCli(['models', 'use', 'tiny.gguf'], t.env)).code).toBe(0);
    const repinned = await ask();
    expect(repinned.code, repinned.stderr).toBe(0);
  });
});
