import type { z } from 'zod';
import { NotGenerativeError, ProviderDisposedError, ProviderError } from './errors.js';
import { inspectOnnxFolder, loadLocalPipeline } from './local-onnx.js';
import { checkVectors } from './remote-checks.js';
import { TextClassifier, type LabelScore } from './text-classifier.js';
import type { AIProvider, HealthReport } from './types.js';

/** Settings for the Transformers.js provider: a local model folder, never a hub. */
export interface TransformersProviderOptions {
  /** Directory holding model folders (COMPANION_MODEL_DIR). */
  modelDir: string;
  /** Folder name inside `modelDir`, e.g. `all-MiniLM-L6-v2`. */
  model: string;
  /** Folder name of the text classifier used by `classify` (default: `model`). */
  classifier?: string;
}

type Extractor = (texts: string[], options: { pooling: 'mean'; normalize: boolean }) => Promise<{ tolist(): unknown; dims: number[] }>;

/**
 * Sentence embeddings with Transformers.js `feature-extraction` (mean pooling, L2-normalised) and text
 * classification (`classify`) from ONNX model folders on this machine. Remote model loading is switched
 * off. Not generative.
 */
export class TransformersProvider implements AIProvider {
  readonly name = 'transformers' as const;
  private extractor: Promise<Extractor> | undefined;
  private dimensions: number | undefined;
  private disposed = false;
  private classifier: TextClassifier | undefined;

  constructor(private readonly options: TransformersProviderOptions) {}

  private async load(): Promise<Extractor> {
    const { modelDir, model } = this.options;
    const found = await inspectOnnxFolder(this.name, modelDir, model);
    return (await loadLocalPipeline(this.name, 'feature-extraction', modelDir, model, found.quantized)) as Extractor;
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

  /**
   * Every label of the classifier folder (`classifier`, default `model`) with its probability, highest
   * first, one list per text; `[]` for `[]`. Throws `ModelNotFoundError` when the folder is missing,
   * `ClassifierNotAvailableError` when it holds no classifier, `ProviderDisposedError` after `dispose()`.
   */
  async classify(texts: string[]): Promise<LabelScore[][]> {
    if (this.disposed) throw new ProviderDisposedError(this.name);
    this.classifier ??= new TextClassifier({ modelDir: this.options.modelDir, model: this.options.classifier ?? this.options.model });
    return this.classifier.classify(texts);
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
    await this.classifier?.dispose();
    this.classifier = undefined;
  }
}
