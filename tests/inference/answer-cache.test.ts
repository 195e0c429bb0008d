import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onnxEmbedder, openAnswerCache } from '../../src/inference/cache-setup.js';
import { writeTinyOnnxModel } from '../providers/helpers/tiny-onnx.js';
import { MockProvider } from '../../src/providers/mock-provider.js';
import { BuiltinProvider } from '../../src/providers/builtin-provider.js';
import { EmbeddingsNotSupportedError } from '../../src/providers/errors.js';

let dir: string;
const key = crypto.randomBytes(32);
const vault = { deriveKey: () => key };
const performance = { enable_caching: true, cache_similarity_threshold: 0.85 };
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'companion-answer-cache-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A generative provider without embeddings. */
class NoEmbeddings extends MockProvider {
  override async embed(): Promise<number[][]> {
    throw new EmbeddingsNotSupportedError('mock');
  }
}

const request = { scope: 'ask', query: 'when did I last run?', sources: [{ id: 'aaaaaaaaaaaa', revision: 1 }] };

describe('openAnswerCache', () => {
  it('is off when caching is disabled or the provider is builtin', () => {
    expect(openAnswerCache({ dir, vault, performance: { ...performance, enable_caching: false }, provider: new MockProvider(), model: 'm' })).toMatchObject({ cache: null, off: expect.stringContaining('enable_caching') });
    expect(openAnswerCache({ dir, vault, performance, provider: new BuiltinProvider(), model: 'm' })).toMatchObject({ cache: null, off: expect.stringContaining('builtin') });
  });

  it('uses the local embedder when the provider has none, and skips (with one note) when that fails too', async () => {
    const local = { name: 'local-test', embed: async (texts: string[]) => texts.map((t) => [t.length, 1, 0]) };
    const withLocal = openAnswerCache({ dir, vault, performance, provider: new NoEmbeddings(), model: 'm', localEmbedder: async () => local }).cache!;
    const miss = await withLocal.lookup(request);
    expect(miss.status).toBe('miss');
    miss.store('You ran on Monday.');
    expect(await withLocal.lookup(request)).toMatchObject({ status: 'hit', answer: 'You ran on Monday.' });
    // Another revision of the same entry: another fingerprint, so no hit.
    expect((await withLocal.lookup({ ...request, sources: [{ id: 'aaaaaaaaaaaa', revision: 2 }] })).status).toBe('miss');
    const notes: string[] = [];
    const none = openAnswerCache({ dir, vault, performance, provider: new NoEmbeddings(), model: 'm', note: (l) => notes.push(l), localEmbedder: async () => { throw new Error('no encoder here'); } }).cache!;
    expect(await none.lookup(request)).toMatchObject({ status: 'skipped', answer: null, reason: expect.stringContaining('no encoder here') });
    expect((await none.lookup(request)).status).toBe('skipped');
    expect(notes).toHaveLength(1);
  });

  it('answers of another model or embedder never match', async () => {
    const provider = new MockProvider();
    const a = openAnswerCache({ dir, vault, performance, provider, model: 'model-a' }).cache!;
    (await a.lookup(request)).store('from model a');
    expect((await a.lookup(request)).answer).toBe('from model a');
    const b = openAnswerCache({ dir, vault, performance, provider, model: 'model-b' }).cache!;
    expect((await b.lookup(request)).status).toBe('miss');
  });

  it('uses a local ONNX embedder (performance.cache_embedder) through transformers.js, and names a folder that will not load', async () => {
    await writeTinyOnnxModel(dir, 'tiny-embedder');
    const notes: string[] = [];
    const cache = openAnswerCache({ dir, vault, performance, provider: new NoEmbeddings(), model: 'm', localEmbedder: onnxEmbedder(path.join(dir, 'tiny-embedder')) }).cache!;
    const miss = await cache.lookup(request);
    expect(miss.status).toBe('miss');
    miss.store('You ran on Monday.');
    expect(await cache.lookup(request)).toMatchObject({ status: 'hit', answer: 'You ran on Monday.' });
    const broken = openAnswerCache({ dir, vault, performance, provider: new NoEmbeddings(), model: 'm', note: (l) => notes.push(l), localEmbedder: onnxEmbedder(path.join(dir, 'no-such-model')) }).cache!;
    expect(await broken.lookup(request)).toMatchObject({ status: 'skipped', reason: expect.stringContaining('no-such-model') });
    expect(notes).toHaveLength(1);
  });
});
