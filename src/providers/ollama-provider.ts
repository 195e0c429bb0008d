import { Ollama, type Message } from 'ollama';
import type { z } from 'zod';
import { callControl, controlledCall } from './call-control.js';
import { ProviderDisposedError, ProviderError } from './errors.js';
import { sanitizedChunks, stripControlSequences } from './sanitize.js';
import { jsonSchemaFor, parseStructured } from './structured.js';
import { generateConcurrently } from './batch.js';
import type { AIProvider, BatchOutcome, BatchPrompt, GenerateOptions, HealthReport } from './types.js';
import { checkVectors, isLoopback } from './remote-checks.js';
import { toProviderError } from './wrappers/classify-error.js';

/** The default Ollama address: this machine only. */
export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';

/** Settings for the Ollama provider. */
export interface OllamaProviderOptions {
  /** Server address (default 127.0.0.1:11434). */
  host?: string;
  /** Model name, e.g. `llama3.2`. */
  model: string;
  /** Model for `embed` (default: `model`). */
  embedModel?: string;
  /** `chat` (default) uses /api/chat; `generate` uses /api/generate. */
  endpoint?: 'chat' | 'generate';
  /** Context size sent as `num_ctx`. */
  contextSize?: number;
  /** Most requests `generateBatch` keeps in flight at once (`performance.max_batch_size`, default 8). */
  maxBatchSize?: number;
}

function malformed(): ProviderError {
  return new ProviderError('The ollama server sent a malformed response.', { kind: 'transient', provider: 'ollama' });
}

/** Text of one streamed or complete Ollama response part, validated. */
function partText(part: unknown, endpoint: 'chat' | 'generate'): string {
  const p = part as { message?: { content?: unknown }; response?: unknown };
  const text = endpoint === 'chat' ? p?.message?.content : p?.response;
  if (typeof text !== 'string') throw malformed();
  return text;
}

/**
 * Talks to an Ollama server with the official `ollama` client (NDJSON streaming). Only the configured
 * host is contacted; by default that is this machine.
 */
export class OllamaProvider implements AIProvider {
  readonly name = 'ollama' as const;
  private readonly host: string;
  private disposed = false;

  constructor(private readonly options: OllamaProviderOptions) {
    this.host = options.host ?? DEFAULT_OLLAMA_HOST;
  }

  private client(signal: AbortSignal): Ollama {
    return new Ollama({
      host: this.host,
      fetch: (input, init) => fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal }),
    });
  }

  /** Checks the provider is not disposed; the server is contacted on first use. */
  async initialize(): Promise<void> {
    if (this.disposed) throw new ProviderDisposedError(this.name);
  }

  private request(prompt: string, options: GenerateOptions, format?: Record<string, unknown>) {
    const modelOptions = {
      ...(options.maxTokens !== undefined ? { num_predict: options.maxTokens } : {}),
      ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
      ...(options.stop?.length ? { stop: options.stop } : {}),
      ...(this.options.contextSize ? { num_ctx: this.options.contextSize } : {}),
    };
    const messages: Message[] = [...(options.system ? [{ role: 'system', content: options.system }] : []), { role: 'user', content: prompt }];
    return { model: this.options.model, modelOptions, messages, ...(format ? { format } : {}) };
  }

  /** Generates the complete reply, cleaned of control sequences. */
  async generate(prompt: string, options: GenerateOptions = {}): Promise<string> {
    return stripControlSequences(await this.complete(prompt, options));
  }

  private async complete(prompt: string, options: GenerateOptions, format?: Record<string, unknown>): Promise<string> {
    await this.initialize();
    return controlledCall(this.name, options, async (signal) => {
      const r = this.request(prompt, options, format);
      const client = this.client(signal);
      const endpoint = this.options.endpoint ?? 'chat';
      const res = endpoint === 'chat'
        ? await client.chat({ model: r.model, messages: r.messages, stream: false, options: r.modelOptions, ...(format ? { format } : {}) })
        : await client.generate({ model: r.model, prompt, ...(options.system ? { system: options.system } : {}), stream: false, options: r.modelOptions, ...(format ? { format } : {}) });
      return partText(res, endpoint);
    });
  }

  /** Sends the prompts as concurrent requests, at most `maxBatchSize` in flight; outcomes in prompt order. */
  generateBatch(prompts: ReadonlyArray<string | BatchPrompt>, options: GenerateOptions = {}): Promise<BatchOutcome[]> {
    return generateConcurrently(this, prompts, options, this.options.maxBatchSize ?? 8);
  }

  /** Streams NDJSON parts from /api/chat or /api/generate, cleaned of control sequences. */
  async *stream(prompt: string, options: GenerateOptions = {}): AsyncIterable<string> {
    await this.initialize();
    const control = callControl(this.name, options);
    const endpoint = this.options.endpoint ?? 'chat';
    try {
      const r = this.request(prompt, options);
      const client = this.client(control.signal);
      const parts = endpoint === 'chat'
        ? await client.chat({ model: r.model, messages: r.messages, stream: true, options: r.modelOptions })
        : await client.generate({ model: r.model, prompt, ...(options.system ? { system: options.system } : {}), stream: true, options: r.modelOptions });
      yield* sanitizedChunks((async function* () {
        for await (const part of parts as AsyncIterable<unknown>) yield partText(part, endpoint);
      })());
    } catch (err) {
      throw toProviderError(this.name, control.failure(err));
    } finally {
      control.done();
    }
  }

  /** Asks Ollama for output in the schema's JSON Schema (`format`), then validates with zod. */
  async generateStructured<S extends z.ZodType>(prompt: string, schema: S, options: GenerateOptions = {}): Promise<z.infer<S>> {
    const text = await this.complete(prompt, options, jsonSchemaFor(schema));
    return parseStructured(this.name, stripControlSequences(text), schema);
  }

  /** Embeds with /api/embed; vectors are checked for count, equal length and finiteness. */
  async embed(texts: string[]): Promise<number[][]> {
    await this.initialize();
    if (texts.length === 0) return [];
    return controlledCall(this.name, {}, async (signal) => {
      const res = await this.client(signal).embed({ model: this.options.embedModel ?? this.options.model, input: texts });
      return checkVectors(this.name, (res as { embeddings?: unknown }).embeddings, texts.length);
    });
  }

  /** Lists the server's models (/api/tags); `ok` only when the configured model is installed. */
  async healthCheck(): Promise<HealthReport> {
    const started = performance.now();
    const model = { name: this.options.model, generative: true, local: isLoopback(this.host) };
    try {
      await this.initialize();
      const control = callControl(this.name, { timeoutMs: 5000 });
      try {
        const { models } = await this.client(control.signal).list();
        const found = models.some((m) => m.name === this.options.model || m.name === `${this.options.model}:latest`);
        return { ok: found, provider: this.name, latencyMs: performance.now() - started, model, ...(found ? {} : { detail: `Model ${this.options.model} is not installed on the ollama server.` }) };
      } finally {
        control.done();
      }
    } catch (err) {
      return { ok: false, provider: this.name, latencyMs: performance.now() - started, model, detail: toProviderError(this.name, err).message };
    }
  }

  /** Marks the provider disposed (no connections are kept open between calls). */
  async dispose(): Promise<void> {
    this.disposed = true;
  }
}
