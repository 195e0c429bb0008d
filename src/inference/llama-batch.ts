/**
 * Batched local generation with node-llama-cpp: one context with N sequences, and N prompts generated
 * concurrently, one per sequence, so their tokens are decoded together in shared batches instead of one
 * prompt after another. node-llama-cpp is imported lazily, only when a model is loaded.
 */
import type { Llama, LlamaContext, LlamaContextSequence, LlamaModel } from 'node-llama-cpp';

/** What to load. */
export interface BatchModelOptions {
  modelPath: string;
  /** Sequences decoded together (`performance.max_batch_size`, default 8). */
  sequences?: number;
  /** Context tokens per sequence (default 1024). */
  contextPerSequence?: number;
  /** CPU threads (default: node-llama-cpp's choice). */
  threads?: number;
  /** GPU layers (default 'auto'; 0 = CPU only). */
  gpuLayers?: number | 'auto';
  /** Tokens evaluated per decode call (default 512). */
  batchSize?: number;
}

/** Per-call generation settings. */
export interface BatchGenerateOptions {
  maxTokens?: number;
  /** 0 (default) is greedy and deterministic. */
  temperature?: number;
}

/** One generation's text and how many tokens it produced. */
export interface BatchOutput {
  text: string;
  tokens: number;
}

/** A loaded model with an N-sequence context, generating up to N prompts at a time. */
export class LlamaBatchGenerator {
  private constructor(
    private readonly llama: Llama,
    private readonly model: LlamaModel,
    private readonly context: LlamaContext,
    private readonly seqs: LlamaContextSequence[],
  ) {}

  /** Number of sequences (the largest batch decoded together). */
  get sequences(): number {
    return this.seqs.length;
  }

  /** Load the model and create the context. Never downloads or builds llama.cpp. */
  static async load(options: BatchModelOptions): Promise<LlamaBatchGenerator> {
    const { getLlama } = await import('node-llama-cpp');
    const sequences = Math.max(1, options.sequences ?? 8);
    const gpuLayers = options.gpuLayers ?? 'auto';
    const llama = await getLlama({ build: 'never', gpu: gpuLayers === 0 ? false : 'auto', logLevel: 'error' as never, ...(options.threads ? { maxThreads: options.threads } : {}) });
    const model = await llama.loadModel({ modelPath: options.modelPath, gpuLayers });
    const per = Math.min(options.contextPerSequence ?? 1024, model.trainContextSize);
    const context = await model.createContext({
      sequences,
      contextSize: per * sequences,
      batchSize: options.batchSize ?? 512,
      ...(options.threads ? { threads: options.threads } : {}),
    });
    const seqs = Array.from({ length: sequences }, () => context.getSequence());
    return new LlamaBatchGenerator(llama, model, context, seqs);
  }

  /** Generate for each prompt on its own sequence, all at once; results in prompt order. At most `sequences` prompts. */
  async generateBatch(prompts: string[], options: BatchGenerateOptions = {}): Promise<BatchOutput[]> {
    if (prompts.length > this.sequences) throw new RangeError(`at most ${this.sequences} prompts per batch, got ${prompts.length}`);
    const { LlamaCompletion } = await import('node-llama-cpp');
    return Promise.all(prompts.map(async (prompt, i) => {
      const sequence = this.seqs[i]!;
      await sequence.clearHistory(); // each prompt starts fresh, as a one-at-a-time call would
      const completion = new LlamaCompletion({ contextSequence: sequence });
      let tokens = 0;
      try {
        const text = await completion.generateCompletion(prompt, {
          maxTokens: options.maxTokens ?? 64,
          temperature: options.temperature ?? 0,
          onToken: (t) => { tokens += t.length; },
        });
        return { text, tokens };
      } finally {
        completion.dispose({ disposeSequence: false });
      }
    }));
  }

  /** Generate for one prompt on one sequence (the unbatched baseline). */
  async generateOne(prompt: string, options: BatchGenerateOptions = {}): Promise<BatchOutput> {
    const [out] = await this.generateBatch([prompt], options);
    return out!;
  }

  /** Free the context and the model. */
  async dispose(): Promise<void> {
    await this.context.dispose();
    await this.model.dispose();
    await this.llama.dispose();
  }
}
