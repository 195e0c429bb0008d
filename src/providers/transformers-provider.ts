import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { ModelNotFoundError, NotGenerativeError, ProviderDisposedError, ProviderError } from './errors.js';
import { checkVectors } from './remote-checks.js';
import type { AIProvider, HealthReport } from './types.js';

/** Settings for the Transformers.js provider: a local model folder, never a hub. */
export interface TransformersProviderOptions {
  /** Directory holding model folders (COMPANION_MODEL_DIR). */
  modelDir: string;
  /** Folder name inside `modelDir`, e.g. `all-MiniLM-L6-v2`. */
  model: string;
}

type Extractor = (texts: string[], options: { pooling: 'mean'; normalize: boolean }) => Promise<{ tolist(): unknown; dims: number[] }>;

/**
 * Sentence embeddings with Transformers.js `feature-extraction` (mean pooling, L2-normalised) from an ONNX
 * model folder on this machine. Remote model loading is switched off. Not generative.
 */
export class TransformersProvider implements AIProvider {
  readonly name = 'transformers' as const;
  private extractor: Promise<Extractor> | undefined;
  private dimensions: number | undefined;
  private disposed = false;

  constructor(private readonly options: TransformersProviderOptions) {}

  private async load(): Promise<Extractor> {
    const folder = join(this.options.modelDir, this.options.model);
    const hint = `Put an ONNX model folder (config.json, tokenizer.json, onnx/model.onnx) in ${this.options.modelDir} or set COMPANION_MODEL_DIR.`;
    let quantized: boolean;
    try {
      await access(join(folder, 'config.json'));
      quantized = await access(join(folder, 'onnx', 'model.onnx')).then(() => false, () => true);
      if (quantized) await access(join(folder, 'onnx', 'model_quantized.onnx'));
    } catch {
      throw new ModelNotFoundError(this.name, `No ONNX model folder at ${folder}.`, hint);
    }
    const { pipeline, env } = await import('@xenova/transformers');
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = this.options.modelDir;
    try {
      return (await pipeline('feature-extraction', this.options.model, { quantized })) as unknown as Extractor;
    } catch (err) {
      throw new ProviderError(`The model folder ${folder} could not be loaded.`, { kind: 'permanent', provider: this.name, cause: err, hint });
    }
  }

  /** Loads the model folder (once). Throws `ModelNotFoundError` when it is missing. */
  async initialize(): Promise<void> {
    if (this.disposed) throw new ProviderDisposedError(this.name);
    this.extractor ??= this.load().catch((err: unknown) => { this.extractor = undefined; throw err; });
    await this.extractor;
  }

  /** Always throws `NotGenerativeError`. */
  async generate(): Promise<string> {
    throw new NotGenerativeError(this.name);
  }

  /** Throws `NotGenerativeError` on the first `next()`. */
  stream(): AsyncIterable<string> {
    return { [Symbol.asyncIterator]: () => ({ next: async (): Promise<IteratorResult<string>> => { throw new NotGenerativeError(this.name); } }) };
  }

  /** Always throws `NotGenerativeError`. */
  async generateStructured<S extends z.ZodType>(): Promise<z.infer<S>> {
    throw new NotGenerativeError(this.name);
  }

  /** Mean-pooled, normalised vectors, one per text. */
  async embed(texts: string[]): Promise<number[][]> {
    await this.initialize();
    if (texts.length === 0) return [];
    const extractor = await (this.extractor as Promise<Extractor>);
    try {
      const out = await extractor(texts, { pooling: 'mean', normalize: true });
      const vectors = checkVectors(this.name, out.tolist(), texts.length);
      this.dimensions = vectors[0]?.length;
      return vectors;
    } catch (err) {
      throw err instanceof ProviderError ? err : new ProviderError('The local embedding model failed.', { kind: 'permanent', provider: this.name, cause: err });
    }
  }

  /** Loads the model if needed; never throws. */
  async healthCheck(): Promise<HealthReport> {
    const started = performance.now();
    const model = { name: this.options.model, generative: false, local: true, ...(this.dimensions ? { embeddingDimensions: this.dimensions } : {}) };
    try {
      await this.initialize();
      return { ok: true, provider: this.name, latencyMs: performance.now() - started, model };
    } catch (err) {
      return { ok: false, provider: this.name, latencyMs: performance.now() - started, model, detail: (err as Error).message };
    }
  }

  /** Drops the pipeline. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.extractor = undefined;
  }
}
