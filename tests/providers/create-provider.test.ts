import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, UsageError } from '../../src/core/errors.js';
import { ProviderConfigSchema } from '../../src/providers/config.js';
import { createProvider, resolveProviderSettings } from '../../src/providers/create-provider.js';
import { NotGenerativeError } from '../../src/providers/errors.js';
import { listModels, modelInfo, resolveModelChoice } from '../../src/providers/models.js';
import type { FallbackNotice } from '../../src/providers/wrappers/fallback.js';
import { writeTinyGguf } from './helpers/tiny-gguf.js';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(os.tmpdir(), 'companion-create-')); });
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('choosing a provider', () => {
  it('defaults to builtin with nothing configured, and to llama when a model path is set', () => {
    expect(resolveProviderSettings({}, {}).provider).toBe('builtin');
    expect(resolveProviderSettings({ model_path: '/m/x.gguf' }, {}).provider).toBe('llama');
    expect(resolveProviderSettings({}, { COMPANION_MODEL_PATH: '/m/x.gguf' })).toMatchObject({ provider: 'llama', modelPath: '/m/x.gguf' });
  });

  it('applies env overrides over config', () => {
    const s = resolveProviderSettings({ ai_provider: 'builtin', ollama_host: 'http://127.0.0.1:1' }, {
      COMPANION_PROVIDER: 'OLLAMA', COMPANION_MODEL: 'llama3.2', COMPANION_OLLAMA_HOST: 'http://127.0.0.1:2', COMPANION_N_CTX: '2048',
    });
    expect(s).toMatchObject({ provider: 'ollama', model: 'llama3.2', ollamaHost: 'http://127.0.0.1:2', contextSize: 2048 });
    expect(resolveProviderSettings({}, {}).contextSize).toBe(4096);
    expect(resolveProviderSettings({}, { COMPANION_OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1' }).openaiBaseUrl).toBe('http://127.0.0.1:8080/v1');
  });

  it('ignores keys of other config sections', () => {
    expect(resolveProviderSettings({ log_level: 'info', encryption: {} } as Record<string, unknown>, {}).provider).toBe('builtin');
  });

  it('names the bad variable or key', () => {
    expect(() => resolveProviderSettings({}, { COMPANION_PROVIDER: 'gpt' })).toThrow(/COMPANION_PROVIDER/);
    expect(() => resolveProviderSettings({}, { COMPANION_N_CTX: 'lots' })).toThrow(/COMPANION_N_CTX/);
    expect(() => resolveProviderSettings({ n_ctx: 12 }, {})).toThrow(/n_ctx/);
    expect(() => resolveProviderSettings({}, { COMPANION_PROVIDER: 'gpt' })).toThrow(UsageError);
  });

  it('has no place for an API key in the config schema', () => {
    expect(ProviderConfigSchema.safeParse({ openai_api_key: 'sk-test' }).success).toBe(false);
  });

  it('builds builtin by default and requires a model name for remote providers', async () => {
    const p = await createProvider({}, {}, { modelsDir: dir });
    expect(p.name).toBe('builtin');
    await expect(createProvider({}, { COMPANION_PROVIDER: 'openai' }, { modelsDir: dir })).rejects.toThrow(/model name/);
  });

  it('falls back to builtin with a clear where-to-put-it notice when no GGUF model exists', async () => {
    const empty = await mkdtemp(join(dir, 'empty-'));
    const notices: FallbackNotice[] = [];
    const p = await createProvider({ ai_provider: 'llama' }, {}, { modelsDir: empty, onFallback: (n) => notices.push(n) });
    expect(p.name).toBe('llama');
    await expect(p.generate('hi')).rejects.toBeInstanceOf(NotGenerativeError);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.reason).toMatch(/No readable model file/);
    await p.dispose();
  });

  it('refuses a remote OpenAI endpoint without a key from the environment', async () => {
    const notices: FallbackNotice[] = [];
    const p = await createProvider({ ai_provider: 'openai', model: 'gpt-x' }, {}, { modelsDir: dir, onFallback: (n) => notices.push(n) });
    await expect(p.generate('hi')).rejects.toBeInstanceOf(NotGenerativeError);
    expect(notices[0]?.reason).toMatch(/No API key/);
  });
});

describe('model discovery', () => {
  it('lists GGUF files with header facts and sha256, skipping other files', async () => {
    const models = await mkdtemp(join(dir, 'models-'));
    const size = await writeTinyGguf(join(models, 'tiny.gguf'), { contextLength: 1024 });
    await writeFile(join(models, 'broken.gguf'), 'not a model');
    await writeFile(join(models, 'notes.txt'), 'hello');
    const list = await listModels(models, { activePath: join(models, 'tiny.gguf') });
    expect(list).toHaveLength(1);
    const sha = createHash('sha256').update(await readFile(join(models, 'tiny.gguf'))).digest('hex');
    expect(list[0]).toMatchObject({ file: 'tiny.gguf', sizeBytes: size, architecture: 'llama', contextLength: 1024, quantization: 'F32', sha256: sha, active: true });
    expect((await listModels(models, { hash: false }))[0]?.sha256).toBeUndefined();
    expect(await listModels(join(models, 'absent'))).toEqual([]);
    expect((await resolveModelChoice(models, 'tiny.gguf')).path).toBe(join(models, 'tiny.gguf'));
  });

  it('reports missing and non-GGUF files with typed errors', async () => {
    await expect(modelInfo(join(dir, 'nope.gguf'))).rejects.toBeInstanceOf(NotFoundError);
    await writeFile(join(dir, 'bad.gguf'), 'GGUF');
    await expect(modelInfo(join(dir, 'bad.gguf'))).rejects.toBeInstanceOf(UsageError);
  });

  const real = process.env.COMPANION_TEST_MODEL;
  it.skipIf(!real)(`reads the real stories260K header${real ? '' : ' (skipped: COMPANION_TEST_MODEL is not set)'}`, async () => {
    const info = await modelInfo(real ?? '', { hash: false });
    expect(info).toMatchObject({ architecture: 'llama', contextLength: 2048, quantization: 'F32' });
  });
});
