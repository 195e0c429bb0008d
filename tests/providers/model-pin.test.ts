import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IntegrityError } from '../../src/core/errors.js';
import { createProvider } from '../../src/providers/create-provider.js';
import { cachedModelSha256, verifyPinnedModel, type ModelHashCacheOptions } from '../../src/providers/model-pin.js';

let dir: string;
let model: string;
let cacheFile: string;
let hashed: string[];

const sha = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const counting = (): ModelHashCacheOptions => ({ cacheFile, hash: async (f) => { hashed.push(f); return sha(f); } });

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'companion-pin-'));
  model = path.join(dir, 'models', 'm.gguf');
  fs.mkdirSync(path.dirname(model));
  fs.writeFileSync(model, Buffer.from('GGUF pretend weights 0123456789'));
  cacheFile = path.join(dir, 'data', 'cache', 'model-hashes.json');
  hashed = [];
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cachedModelSha256', () => {
  it('hashes once, then answers from cache/model-hashes.json while size, mtime and ctime stay the same', async () => {
    expect(await cachedModelSha256(model, counting())).toEqual({ sha256: sha(model), cached: false });
    expect(fs.existsSync(cacheFile)).toBe(true);
    expect(fs.statSync(cacheFile).mode & 0o777).toBe(0o600);
    expect(await cachedModelSha256(model, counting())).toEqual({ sha256: sha(model), cached: true });
    expect(hashed).toHaveLength(1);
    expect(Object.keys(JSON.parse(fs.readFileSync(cacheFile, 'utf8')).files)).toEqual([path.resolve(model)]);
  });

  it('hashes again after a byte is appended', async () => {
    const first = await cachedModelSha256(model, counting());
    fs.appendFileSync(model, Buffer.from([0]));
    const second = await cachedModelSha256(model, counting());
    expect(second.cached).toBe(false);
    expect(second.sha256).not.toBe(first.sha256);
    expect(hashed).toHaveLength(2);
  });

  it('hashes again when the content changed at the same size with the old mtime put back', async () => {
    await cachedModelSha256(model, counting());
    const { atime, mtime } = fs.statSync(model);
    await new Promise((r) => setTimeout(r, 20)); // let the clock move so the new ctime differs
    const bytes = fs.readFileSync(model);
    bytes[0] = bytes[0]! ^ 0xff;
    fs.writeFileSync(model, bytes);
    fs.utimesSync(model, atime, mtime);
    const again = await cachedModelSha256(model, counting());
    expect(again).toEqual({ sha256: sha(model), cached: false });
  });

  it('treats a corrupt cache file as empty and replaces it', async () => {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    fs.writeFileSync(cacheFile, '{ not json');
    expect((await cachedModelSha256(model, counting())).cached).toBe(false);
    expect(JSON.parse(fs.readFileSync(cacheFile, 'utf8')).version).toBe(1);
  });

  it('does not remember a hash taken while the file was being changed', async () => {
    const changing: ModelHashCacheOptions = { cacheFile, hash: async (f) => { const h = sha(f); fs.appendFileSync(f, 'x'); return h; } };
    await cachedModelSha256(model, changing);
    expect(fs.existsSync(cacheFile)).toBe(false);
  });
});

describe('verifyPinnedModel', () => {
  it('accepts the pinned file unchanged, hashing it only the first time', async () => {
    const pin = { path: model, sha256: sha(model) };
    await verifyPinnedModel(model, pin, counting());
    await verifyPinnedModel(model, pin, counting());
    expect(hashed).toHaveLength(1);
  });

  it('refuses a changed file with IntegrityError (exit 4) that says how to re-pin', async () => {
    const pin = { path: model, sha256: sha(model) };
    await verifyPinnedModel(model, pin, counting());
    fs.appendFileSync(model, Buffer.from([1]));
    const err = await verifyPinnedModel(model, pin, counting()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IntegrityError);
    expect((err as IntegrityError).exitCode).toBe(4);
    expect((err as IntegrityError).message).toContain('changed since `companion models use`');
    expect((err as IntegrityError).hint).toContain(`companion models use ${model}`);
  });

  it('checks nothing when no pin exists or the pin is for another file, and leaves a missing file to the provider', async () => {
    await verifyPinnedModel(model, null, counting());
    await verifyPinnedModel(model, { path: path.join(dir, 'other.gguf'), sha256: '0'.repeat(64) }, counting());
    expect(hashed).toHaveLength(0);
    const gone = path.join(dir, 'models', 'gone.gguf');
    await expect(verifyPinnedModel(gone, { path: gone, sha256: '0'.repeat(64) }, counting())).resolves.toBeUndefined();
  });
});

describe('createProvider with verifyModel', () => {
  it('asks before building a llama provider and lets the refusal through instead of falling back', async () => {
    const seen: string[] = [];
    const refuse = async (p: string) => { seen.push(p); throw new IntegrityError('changed'); };
    await expect(createProvider({ ai_provider: 'llama', model_path: model }, {}, { modelsDir: dir, verifyModel: refuse })).rejects.toBeInstanceOf(IntegrityError);
    expect(seen).toEqual([model]);
    const built = await createProvider({ ai_provider: 'builtin' }, {}, { modelsDir: dir, verifyModel: refuse });
    expect(built.name).toBe('builtin');
    expect(seen).toHaveLength(1);
  });
});
