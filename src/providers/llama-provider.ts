import { access, constants, stat } from 'node:fs/promises';
import os from 'node:os';
import { basename } from 'node:path';
import type { z } from 'zod';
import { LlamaSandbox, type SandboxOptions } from '../inference/sandbox/llama-sandbox.js';
import { batchPrompt } from './batch.js';
import { ContextOverflowError, GenerationAbortedError, ModelNotFoundError, ProviderDisposedError, ProviderError } from './errors.js';
import { StreamSanitizer, stripControlSequences } from './sanitize.js';
import { jsonSchemaFor, parseStructured } from './structured.js';
import type { AIProvider, BatchOutcome, BatchPrompt, GenerateOptions, HealthReport } from './types.js';

/** Settings for the local llama provider. */
export interface LlamaProviderOptions {
  modelPath: string;
  /** Context size in tokens (default 4096, capped at the model's training context). */
  contextSize?: number;
  /** GPU layers: 'auto' (default) or a count; 0 runs on the CPU only. */
  gpuLayers?: number | 'auto';
  /** CPU threads (default: all available cores). */
  threads?: number;
  /** Memory ceiling for the child process in bytes (default: twice the model size plus 1 GiB). */
  memoryLimitBytes?: number;
  /** Default wall-clock limit per call when the caller gives none (default 120 s). */
  timeoutMs?: number;
  /** Limit for starting the child and loading the model (default 60 s). */
  startTimeoutMs?: number;
  /** Sequences `generateBatch` decodes together (`performance.max_batch_size`, default 8). */
  maxBatchSize?: number;
  /** Context tokens per sequence for `generateBatch` (default: contextSize). */
  batchContextPerSequence?: number;
}

const WHERE = 'Put a GGUF model in ~/.companion/models/ (or set COMPANION_MODEL_PATH) and run `companion models use <file>`.';

/**
 * Local inference with node-llama-cpp on a GGUF file, inside a child-process sandbox with a wall-clock
 * timeout and a memory ceiling. Structured output is constrained by a JSON-schema grammar; embeddings use
 * an embedding context. Never downloads a model.
 */
export class LlamaProvider implements AIProvider {
  readonly name = 'llama' as const;
  private sandbox: LlamaSandbox | undefined;
  private disposed = false;

  constructor(private readonly options: LlamaProviderOptions) {}

  /** The sandbox in use (for benchmarks and tests that inspect memory or the child pid). */
  get sandboxProcess(): LlamaSandbox | undefined {
    return this.sandbox;
  }

  /** Checks the model file, starts the sandbox and loads the model. Throws `ModelNotFoundError` with a hint. */
  async initialize(): Promise<void> {
    if (this.disposed) throw new ProviderDisposedError(this.name);
    if (!this.sandbox) {
      const { modelPath } = this.options;
      let size: number;
      try {
        await access(modelPath, constants.R_OK);
        size = (await stat(modelPath)).size;
      } catch {
        throw new ModelNotFoundError(this.name, `No readable model file at ${modelPath}.`, WHERE);
      }
      const config: SandboxOptions = {
        modelPath,
        contextSize: this.options.contextSize ?? 4096,
        gpuLayers: this.options.gpuLayers ?? 'auto',
        threads: this.options.threads ?? os.availableParallelism(),
        memoryLimitBytes: this.options.memoryLimitBytes ?? size * 2 + 1024 ** 3,
        startTimeoutMs: this.options.startTimeoutMs ?? 60_000,
        batchSequences: this.options.maxBatchSize ?? 8,
        ...(this.options.batchContextPerSequence ? { batchContextPerSequence: this.options.batchContextPerSequence } : {}),
      };
      this.sandbox = new LlamaSandbox(config);
    }
    await this.sandbox.start();
  }

  private prompt(prompt: string, options: GenerateOptions): string {
    return options.system ? `${options.system}\n\n${prompt}` : prompt;
  }

  private async run(prompt: string, options: GenerateOptions, onChunk?: (t: string) => void, jsonSchema?: Record<string, unknown>): Promise<string> {
    await this.initialize();
    if (options.signal?.aborted) throw new GenerationAbortedError(this.name);
    const sandbox = this.sandbox as LlamaSandbox;
    const result = await sandbox.generate(
      { prompt: this.prompt(prompt, options), maxTokens: options.maxTokens ?? 256, temperature: options.temperature ?? 0.7, stop: options.stop ?? [], ...(jsonSchema ? { jsonSchema } : {}) },
      { timeoutMs: options.timeoutMs ?? this.options.timeoutMs ?? 120_000, ...(onChunk ? { onChunk } : {}), ...(options.signal ? { signal: options.signal } : {}) },
    );
    return result.text;
  }

  /** Generates text locally; output is cleaned of control sequences. */
  async generate(prompt: string, options: GenerateOptions = {}): Promise<string> {
    return stripControlSequences(await this.run(prompt, options));
  }

  /** Streams text chunks from the child as they are produced, cleaned of control sequences. */
  async *stream(prompt: string, options: GenerateOptions = {}): AsyncIterable<string> {
    const queue: string[] = [];
    let wake: (() => void) | undefined;
    let finished = false;
    let failure: unknown;
    const stopper = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, stopper.signal]) : stopper.signal;
    const sanitizer = new StreamSanitizer();
    const done = this.run(prompt, { ...options, signal }, (text) => {
      const clean = sanitizer.push(text);
      if (clean) queue.push(clean);
      wake?.();
    }).then(
      () => { finished = true; wake?.(); },
      (err: unknown) => { failure = err; finished = true; wake?.(); },
    );
    try {
      for (;;) {
        const next = queue.shift();
        if (next !== undefined) { yield next; continue; }
        if (finished) break;
        await new Promise<void>((resolve) => { wake = resolve; });
        wake = undefined;
      }
      if (failure !== undefined) throw failure;
      const rest = sanitizer.flush();
      if (rest) yield rest;
    } finally {
      if (!finished) stopper.abort();
      await done;
    }
  }

  /**
   * Generates for several prompts in the sandbox, up to `maxBatchSize` at a time on sequences of one context
   * decoded together; one outcome per prompt in order (a prompt too long for its sequence fails alone). The
   * time limit covers the whole call.
   */
  async generateBatch(prompts: ReadonlyArray<string | BatchPrompt>, options: GenerateOptions = {}): Promise<BatchOutcome[]> {
    if (prompts.length === 0) return [];
    await this.initialize();
    if (options.signal?.aborted) throw new GenerationAbortedError(this.name);
    const full = prompts.map((item) => { const p = batchPrompt(item, options); return this.prompt(p.prompt, p.system !== undefined ? { system: p.system } : {}); });
    const items = await (this.sandbox as LlamaSandbox).generateBatch(
      { prompts: full, maxTokens: options.maxTokens ?? 256, temperature: options.temperature ?? 0.7, stop: options.stop ?? [] },
      { timeoutMs: options.timeoutMs ?? this.options.timeoutMs ?? 120_000, ...(options.signal ? { signal: options.signal } : {}) },
    );
    return items.map((item): BatchOutcome => ('error' in item
      ? { status: 'rejected', reason: item.error === 'prompt_too_long' ? new ContextOverflowError(this.name) : new ProviderError('The local model failed to answer.', { kind: 'permanent', provider: this.name }) }
      : { status: 'fulfilled', value: stripControlSequences(item.text) }));
  }

  /** Generates under a JSON-schema grammar derived from `schema`, then validates with zod. */
  async generateStructured<S extends z.ZodType>(prompt: string, schema: S, options: GenerateOptions = {}): Promise<z.infer<S>> {
    const text = await this.run(prompt, { ...options, maxTokens: options.maxTokens ?? 512 }, undefined, jsonSchemaFor(schema));
    return parseStructured(this.name, stripControlSequences(text), schema);
  }

  /** Embeds with the model's embedding context (vector length = the model's embedding size). */
  async embed(texts: string[]): Promise<number[][]> {
    await this.initialize();
    if (texts.length === 0) return [];
    return (this.sandbox as LlamaSandbox).embed(texts, { timeoutMs: this.options.timeoutMs ?? 120_000 });
  }

  /** Starts the model if needed and reports its facts; never throws. */
  async healthCheck(): Promise<HealthReport> {
    const started = performance.now();
    const name = basename(this.options.modelPath);
    try {
      await this.initialize();
      const m = this.sandbox?.model;
      return {
        ok: true, provider: this.name, latencyMs: performance.now() - started,
        model: { name, generative: true, local: true, ...(m?.embeddingSize ? { embeddingDimensions: m.embeddingSize } : {}), ...(m ? { contextLength: m.contextSize } : {}), ...(m?.architecture ? { architecture: m.architecture } : {}) },
      };
    } catch (err) {
      return { ok: false, provider: this.name, latencyMs: performance.now() - started, model: { name, generative: true, local: true }, detail: (err as Error).message };
    }
  }

  /** Stops the child process. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.sandbox?.stop();
    this.sandbox = undefined;
  }
}
