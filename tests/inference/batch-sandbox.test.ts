import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxError } from '../../src/inference/sandbox/errors.js';
import { GenerationAbortedError, ProviderError } from '../../src/providers/errors.js';
import { LlamaProvider, type LlamaProviderOptions } from '../../src/providers/llama-provider.js';
import { writeTinyGguf } from '../providers/helpers/tiny-gguf.js';

describe('llama provider generateBatch through the sandbox (generated tiny GGUF)', { timeout: 180_000 }, () => {
  let dir: string;
  let model: string;
  const make = (extra: Partial<LlamaProviderOptions> = {}): LlamaProvider =>
    new LlamaProvider({ modelPath: model, contextSize: 512, gpuLayers: 0, threads: os.availableParallelism(), maxBatchSize: 4, batchContextPerSequence: 128, ...extra });

  beforeAll(async () => {
    dir = await mkdtemp(join(os.tmpdir(), 'companion-batch-'));
    model = join(dir, 'tiny.gguf');
    await writeTinyGguf(model);
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('returns one outcome per prompt in prompt order, the same text each prompt gets alone', async () => {
    const p = make();
    try {
      const prompts = ['The day was', 'I felt calm', 'the day', 'I', 'The day was calm', 'felt'];
      const together = await p.generateBatch(prompts, { maxTokens: 6, temperature: 0 });
      expect(together).toHaveLength(prompts.length);
      const alone = [];
      for (const prompt of prompts) alone.push(...await p.generateBatch([prompt], { maxTokens: 6, temperature: 0 }));
      expect(together.map((o) => o.status)).toEqual(prompts.map(() => 'fulfilled'));
      expect(together).toEqual(alone);
      expect(p.sandboxProcess?.generatedTokens).toBeGreaterThan(0);
    } finally {
      await p.dispose();
    }
  });

  it('reports a prompt too long for its sequence as that prompt\'s failure; the others still answer', async () => {
    const p = make();
    try {
      const long = 'the day was calm '.repeat(40);
      const out = await p.generateBatch(['The day was', long, { prompt: 'I felt', system: 'Be brief.' }], { maxTokens: 4, temperature: 0 });
      expect(out.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      const failed = out[1] as PromiseRejectedResult;
      expect(failed.reason).toBeInstanceOf(ProviderError);
      expect(String(failed.reason.message)).toMatch(/does not fit/);
    } finally {
      await p.dispose();
    }
  });

  it('kills the child when a batch exceeds its wall-clock limit, reports a timeout, and recovers', async () => {
    const p = make({ batchContextPerSequence: 4096, contextSize: 4096 });
    try {
      await p.initialize();
      const pid = p.sandboxProcess?.pid;
      // Greedy, so the replies are the same every run and outlast the limit; sampled, an early end-of-text
      // token in both could finish the batch within it.
      const err = await p.generateBatch(['The day was', 'I felt'], { maxTokens: 100_000, timeoutMs: 300, temperature: 0 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SandboxError);
      expect((err as SandboxError).reason).toBe('timeout');
      const again = await p.generateBatch(['Again'], { maxTokens: 3 });
      expect(again[0]?.status).toBe('fulfilled');
      expect(p.sandboxProcess?.pid).not.toBe(pid);
    } finally {
      await p.dispose();
    }
  });

  it('stops a batch on abort and rejects with GenerationAbortedError', async () => {
    const p = make({ batchContextPerSequence: 4096, contextSize: 4096 });
    try {
      await p.initialize();
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 200);
      await expect(p.generateBatch(['The day was', 'I felt'], { maxTokens: 100_000, temperature: 0, signal: controller.signal })).rejects.toBeInstanceOf(GenerationAbortedError);
    } finally {
      await p.dispose();
    }
  });
});
