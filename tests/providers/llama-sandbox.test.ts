import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SandboxError } from '../../src/inference/sandbox/errors.js';
import { ChildMessage } from '../../src/inference/sandbox/protocol.js';
import { ModelNotFoundError, ProviderError } from '../../src/providers/errors.js';
import { LlamaProvider, type LlamaProviderOptions } from '../../src/providers/llama-provider.js';
import { writeTinyGguf } from './helpers/tiny-gguf.js';

function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
}

describe('llama provider sandbox (generated tiny GGUF)', { timeout: 180_000 }, () => {
  let dir: string;
  let model: string;
  const make = (extra: Partial<LlamaProviderOptions> = {}): LlamaProvider =>
    new LlamaProvider({ modelPath: model, contextSize: 1024, gpuLayers: 0, threads: os.availableParallelism(), ...extra });

  beforeAll(async () => {
    dir = await mkdtemp(join(os.tmpdir(), 'companion-sandbox-'));
    model = join(dir, 'tiny.gguf');
    await writeTinyGguf(model);
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('constrains structured output with a JSON-schema grammar so it validates', async () => {
    const p = make();
    try {
      const schema = z.object({ mood: z.enum(['calm', 'sad', 'glad']), grateful: z.boolean() });
      const value = await p.generateStructured('Describe the mood as JSON.', schema, { temperature: 0 });
      expect(schema.safeParse(value).success).toBe(true);
    } finally {
      await p.dispose();
    }
  });

  it('streams several chunks from the child as tokens are produced', async () => {
    const p = make();
    try {
      const chunks: string[] = [];
      for await (const c of p.stream('The day was', { maxTokens: 40, temperature: 0 })) chunks.push(c);
      expect(chunks.length).toBeGreaterThan(1);
    } finally {
      await p.dispose();
    }
  });

  it('kills the child when a call exceeds its wall-clock timeout, reports it, and recovers', async () => {
    const p = make();
    try {
      await p.initialize();
      const pid = p.sandboxProcess?.pid;
      expect(alive(pid)).toBe(true);
      // Greedy, so the tiny model's reply is the same every run (about 8 s of tokens here); sampled at the
      // default temperature it sometimes drew an end-of-text token within the 300 ms and returned normally.
      const err = await p.generate('The day was', { maxTokens: 100_000, timeoutMs: 300, temperature: 0 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SandboxError);
      expect((err as SandboxError).reason).toBe('timeout');
      expect((err as SandboxError).kind).toBe('timeout');
      expect(await waitUntil(() => !alive(pid))).toBe(true);
      expect(typeof (await p.generate('Again', { maxTokens: 3 }))).toBe('string');
      expect(p.sandboxProcess?.pid).not.toBe(pid);
    } finally {
      await p.dispose();
    }
  });

  it('kills the child when it exceeds the memory ceiling and reports the usage', async () => {
    const limit = 30 * 1024 * 1024;
    const p = make({ memoryLimitBytes: limit });
    try {
      const err = await p.initialize().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SandboxError);
      expect((err as SandboxError).reason).toBe('memory');
      expect((err as SandboxError).rssBytes ?? 0).toBeGreaterThan(limit);
      expect((err as SandboxError).message).toMatch(/limit/);
    } finally {
      await p.dispose();
    }
  });

  it('says where to put a model when the file is missing, without starting a child', async () => {
    const p = new LlamaProvider({ modelPath: join(dir, 'absent.gguf'), gpuLayers: 0 });
    const err = await p.initialize().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelNotFoundError);
    expect((err as ModelNotFoundError).hint).toMatch(/\.companion\/models/);
    expect(p.sandboxProcess?.pid).toBeUndefined();
  });

  it('reports a file that is not a GGUF model as unloadable', async () => {
    const junk = join(dir, 'junk.gguf');
    await writeFile(junk, 'definitely not a model');
    const p = new LlamaProvider({ modelPath: junk, gpuLayers: 0 });
    try {
      const err = await p.initialize().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ProviderError);
      expect((err as ProviderError).message).toMatch(/could not be loaded/);
    } finally {
      await p.dispose();
    }
  });
});

describe('sandbox protocol validation', () => {
  it('accepts well-formed child messages', () => {
    expect(ChildMessage.safeParse({ type: 'chunk', id: 1, text: 'hi' }).success).toBe(true);
    expect(ChildMessage.safeParse({ type: 'vectors', id: 2, vectors: [[0.1, 0.2]] }).success).toBe(true);
  });

  it('rejects unknown types, wrong fields, non-finite vectors and oversized text', () => {
    expect(ChildMessage.safeParse({ type: 'shell', cmd: 'rm -rf /' }).success).toBe(false);
    expect(ChildMessage.safeParse({ type: 'chunk', id: '1', text: 'hi' }).success).toBe(false);
    expect(ChildMessage.safeParse({ type: 'vectors', id: 2, vectors: [[Number.NaN]] }).success).toBe(false);
    expect(ChildMessage.safeParse({ type: 'chunk', id: 1, text: 'x'.repeat((1 << 20) + 1) }).success).toBe(false);
  });
});
