import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelNotFoundError, ProviderDisposedError } from '../../src/providers/errors.js';
import { ClassifierNotAvailableError, TextClassifier } from '../../src/providers/text-classifier.js';
import { TransformersProvider } from '../../src/providers/transformers-provider.js';
import { writeTinyOnnxClassifier, writeTinyOnnxModel } from './helpers/tiny-onnx.js';

const LABELS = ['sadness', 'joy', 'anger', 'fear'];
const TEXTS = ['the day was calm', 'i felt sad . rain', 'good friend , good walk !', 'zzz unknown words'];
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(os.tmpdir(), 'companion-classifier-'));
  await writeTinyOnnxClassifier(dir, 'tiny-classifier', LABELS);
  await writeTinyOnnxModel(dir, 'tiny-encoder');
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('TextClassifier on a local ONNX folder', () => {
  it('gives every text every id2label label once, scores in [0, 1] summing to 1, highest first', async () => {
    const c = new TextClassifier({ modelDir: dir, model: 'tiny-classifier' });
    expect(await c.labels()).toEqual(LABELS);
    const out = await c.classify(TEXTS);
    expect(out).toHaveLength(TEXTS.length);
    for (const row of out) {
      expect(row.map((r) => r.label).sort()).toEqual([...LABELS].sort());
      for (const r of row) expect(r.score).toBeGreaterThanOrEqual(0);
      expect(row.reduce((sum, r) => sum + r.score, 0)).toBeCloseTo(1, 5);
      expect(row.map((r) => r.score)).toEqual([...row.map((r) => r.score)].sort((a, b) => b - a));
    }
    expect(await c.classify([])).toEqual([]);
    await c.dispose();
  });

  it('scores a text the same alone, in a padded batch, and across batch boundaries', async () => {
    const whole = new TextClassifier({ modelDir: dir, model: 'tiny-classifier' });
    const small = new TextClassifier({ modelDir: dir, model: 'tiny-classifier', batchSize: 1 });
    const together = await whole.classify(TEXTS);
    const alone = await whole.classify([TEXTS[0] as string]);
    const oneByOne = await small.classify(TEXTS);
    const byLabel = (row: { label: string; score: number }[] | undefined) => Object.fromEntries((row ?? []).map((r) => [r.label, r.score]));
    for (const [label, score] of Object.entries(byLabel(alone[0]))) expect(byLabel(together[0])[label]).toBeCloseTo(score, 5);
    together.forEach((row, i) => {
      for (const [label, score] of Object.entries(byLabel(row))) expect(byLabel(oneByOne[i])[label]).toBeCloseTo(score, 5);
    });
    // Different texts reach different scores: the model really runs on the tokens.
    expect(new Set(together.map((row) => JSON.stringify(byLabel(row)))).size).toBeGreaterThan(1);
  });

  it('refuses a folder that holds an encoder, not a classifier, with ClassifierNotAvailableError (exit 2)', async () => {
    const c = new TextClassifier({ modelDir: dir, model: 'tiny-encoder' });
    const err = await c.classify(['hello']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClassifierNotAvailableError);
    expect((err as ClassifierNotAvailableError).exitCode).toBe(2);
    expect((err as Error).message).toContain('not a text classifier');
  });

  it('refuses a config.json whose id2label is missing or has gaps', async () => {
    const cfgPath = join(dir, 'tiny-classifier', 'config.json');
    const original = await readFile(cfgPath, 'utf8');
    try {
      const cfg = JSON.parse(original) as Record<string, unknown>;
      await writeFile(cfgPath, JSON.stringify({ ...cfg, id2label: { 0: 'a', 2: 'b' } }));
      await expect(new TextClassifier({ modelDir: dir, model: 'tiny-classifier' }).initialize()).rejects.toBeInstanceOf(ClassifierNotAvailableError);
      delete cfg.id2label;
      await writeFile(cfgPath, JSON.stringify(cfg));
      await expect(new TextClassifier({ modelDir: dir, model: 'tiny-classifier' }).initialize()).rejects.toBeInstanceOf(ClassifierNotAvailableError);
    } finally {
      await writeFile(cfgPath, original);
    }
  });

  it('says where to put a model when the folder is missing, and never loads after dispose', async () => {
    const missing = new TextClassifier({ modelDir: dir, model: 'nothing-here' });
    const err = await missing.classify(['x']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelNotFoundError);
    expect((err as ModelNotFoundError).hint).toContain('COMPANION_MODEL_DIR');
    const c = new TextClassifier({ modelDir: dir, model: 'tiny-classifier' });
    await c.dispose();
    await expect(c.classify(['x'])).rejects.toBeInstanceOf(ProviderDisposedError);
  });
});

describe('TransformersProvider.classify', () => {
  it('classifies with the classifier folder while embeddings come from the encoder folder', async () => {
    const p = new TransformersProvider({ modelDir: dir, model: 'tiny-encoder', classifier: 'tiny-classifier' });
    const [vector] = await p.embed(['the day was calm']);
    expect(vector).toHaveLength(8);
    const [row] = await p.classify(['the day was calm']);
    expect(row?.map((r) => r.label).sort()).toEqual([...LABELS].sort());
    await p.dispose();
    await expect(p.classify(['x'])).rejects.toBeInstanceOf(ProviderDisposedError);
  });

  it('uses the model folder itself when no classifier is named, and says when it is not one', async () => {
    await expect(new TransformersProvider({ modelDir: dir, model: 'tiny-encoder' }).classify(['x'])).rejects.toBeInstanceOf(ClassifierNotAvailableError);
    const [row] = await new TransformersProvider({ modelDir: dir, model: 'tiny-classifier' }).classify(['good day']);
    expect(row).toHaveLength(LABELS.length);
  });
});
