import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseSettings, modelShape, type MachineFacts, type ModelShape } from '../../src/inference/optimizer.js';
import { writeTinyGguf } from '../providers/helpers/tiny-gguf.js';

const GiB = 1024 ** 3;
const laptop: MachineFacts = { cores: 8, totalMemoryBytes: 16 * GiB, freeMemoryBytes: 10 * GiB };
const small: MachineFacts = { cores: 2, totalMemoryBytes: 4 * GiB, freeMemoryBytes: 2 * GiB };
// A 7B Q4 model: 32 layers, 4096 hidden, 8 of 32 KV heads, 4.1 GB.
const sevenB: ModelShape = { sizeBytes: 4.1e9, layers: 32, trainContext: 32768, embedding: 4096, heads: 32, headsKv: 8 };

describe('chooseSettings', () => {
  it('uses all cores up to 4 and leaves one free above that', () => {
    expect(chooseSettings(small, sevenB).threads).toBe(2);
    expect(chooseSettings({ ...laptop, cores: 4 }, sevenB).threads).toBe(4);
    expect(chooseSettings(laptop, sevenB).threads).toBe(7);
  });

  it('puts every layer on a GPU the model fits in, a share when it does not, none without a GPU', () => {
    expect(chooseSettings({ ...laptop, gpuFreeBytes: 8 * GiB }, sevenB).gpuLayers).toBe(32);
    const partial = chooseSettings({ ...laptop, gpuFreeBytes: 2.28e9 }, sevenB).gpuLayers;
    expect(partial).toBe(16);
    expect(chooseSettings(laptop, sevenB).gpuLayers).toBe(0);
    expect(chooseSettings(laptop, sevenB).batchSize).toBe(256);
    expect(chooseSettings({ ...laptop, gpuFreeBytes: 8 * GiB }, sevenB).batchSize).toBe(512);
  });

  it('picks the largest context whose KV cache fits, capped by the training context', () => {
    expect(chooseSettings(laptop, sevenB).contextSize).toBe(8192);
    expect(chooseSettings(laptop, { ...sevenB, trainContext: 2048 }).contextSize).toBe(2048);
    expect(chooseSettings(laptop, sevenB, { wantContext: 4096 }).contextSize).toBe(4096);
    // 2 GiB free, 1.5 GB model: half the rest (0.32 GB) for the KV cache at 128 KiB per token → 2048 tokens.
    expect(chooseSettings(small, { ...sevenB, sizeBytes: 1.5e9 }).contextSize).toBe(2048);
    expect(chooseSettings(small, { ...sevenB, sizeBytes: 1.95e9 }).contextSize).toBe(512);
  });

  it('reduces the sequences decoded together when their KV caches would not fit', () => {
    expect(chooseSettings(laptop, sevenB, { maxBatchSize: 8 }).sequences).toBe(8);
    expect(chooseSettings(small, { ...sevenB, sizeBytes: 1.5e9 }, { maxBatchSize: 8 }).sequences).toBe(2);
    expect(chooseSettings(laptop, sevenB).reasons.length).toBeGreaterThanOrEqual(4);
  });
});

describe('modelShape', () => {
  it('reads layers, context and sizes from a GGUF header', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'companion-opt-'));
    try {
      const file = path.join(dir, 'tiny.gguf');
      const size = await writeTinyGguf(file, { layers: 3, embedding: 32, heads: 4, headsKv: 2, contextLength: 1024 });
      expect(await modelShape(file)).toEqual({ sizeBytes: size, layers: 3, trainContext: 1024, embedding: 32, heads: 4, headsKv: 2 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
