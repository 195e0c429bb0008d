import OpenAI from 'openai';
import type { z } from 'zod';
import { callControl, controlledCall } from './call-control.js';
import { ProviderDisposedError, ProviderError } from './errors.js';
import { checkVectors, isLoopback } from './remote-checks.js';
import { sanitizedChunks, stripControlSequences } from './sanitize.js';
import { jsonSchemaFor, parseStructured } from './structured.js';
import { generateConcurrently } from './batch.js';
import type { AIProvider, BatchOutcome, BatchPrompt, GenerateOptions, HealthReport } from './types.js';
import { toProviderError } from './wrappers/classify-error.js';

/** OpenAI's own endpoint, used only when the user picks the openai provider without a base URL. */
export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/** Settings for the OpenAI-compatible provider. The API key comes from the environment, never config. */
export interface OpenAIProviderOptions {
  model: string;
  /** Any OpenAI-compatible server (vLLM, llama.cpp server, LM Studio); default OpenAI. */
  baseURL?: string;
  /** From COMPANION_OPENAI_API_KEY; optional for servers on this machine. */
  apiKey?: string;
  /** Model for `embed` (default: `model`). */
  embedModel?: string;
  /** Most requests `generateBatch` keeps in flight at once (`performance.max_batch_size`, default 8). */
  maxBatchSize?: number;
}

type ChatMessage = { role: 'system' | 'user'; content: string };

/**
 * Chat completions (SSE streaming) and embeddings through the official `openai` client, against OpenAI
 * or any compatible server. The SDK's own retries are off: retry lives in the wrappers.
 */
export class OpenAIProvider implements AIProvider {
  readonly name = 'openai' as const;
  private readonly baseURL: string;
  private client: OpenAI | undefined;
  private disposed = false;

  constructor(private readonly options: OpenAIProviderOptions) {
    this.baseURL = options.baseURL ?? OPENAI_BASE_URL;
  }

  /** Creates the client. Throws an `auth` ProviderError when a remote server is configured without a key. */
  async initialize(): Promise<void> {
    if (this.disposed) throw new ProviderDisposedError(this.name);
    if (this.client) return;
    const local = isLoopback(this.baseURL);
    if (!this.options.apiKey && !local) {
      throw new ProviderError(`No API key for ${this.baseURL}.`, { kind: 'auth', provider: this.name, hint: 'Set COMPANION_OPENAI_API_KEY in the environment (never in the config file).' });
    }
    const silent = (): void => undefined;
    // The SDK would otherwise print unparseable stream data (model output) to the console.
    this.client = new OpenAI({
      apiKey: this.options.apiKey ?? 'no-key-needed-for-local-server', baseURL: this.baseURL, maxRetries: 0, timeout: 600_000,
      logLevel: 'off', logger: { error: silent, warn: silent, info: silent, debug: silent },
    });
  }

  private messages(prompt: string, options: GenerateOptions): ChatMessage[] {
    return [...(options.system ? [{ role: 'system' as const, content: options.system }] : []), { role: 'user' as const, content: prompt }];
  }

  private params(prompt: string, options: GenerateOptions) {
    return {
      model: this.options.model,
      messages: this.messages(prompt, options),
      ...(options.maxTokens !== undefined ? { max_tokens: options.maxTokens } : {}),
      ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
      ...(options.stop?.length ? { stop: options.stop.slice(0, 4) } : {}),
    };
  }

  private async complete(prompt: string, options: GenerateOptions, schema?: Record<string, unknown>): Promise<string> {
    await this.initialize();
    return controlledCall(this.name, options, async (signal) => {
      const res = await (this.client as OpenAI).chat.completions.create({
        ...this.params(prompt, options),
        ...(schema ? { response_format: { type: 'json_schema', json_schema: { name: 'answer', schema, strict: true } } } : {}),
      }, { signal });
      const text = res?.choices?.[0]?.message?.content;
      if (typeof text !== 'string') throw new ProviderError('The openai server sent a malformed response.', { kind: 'transient', provider: this.name });
      return text;
    });
  }

  /** Returns the first choice's text, cleaned of control sequences. */
  async generate(prompt: string, options: GenerateOptions = {}): Promise<string> {
    return stripControlSequences(await this.complete(prompt, options));
  }

  /** Sends the prompts as concurrent requests, at most `maxBatchSize` in flight; outcomes in prompt order. */
  generateBatch(prompts: ReadonlyArray<string | BatchPrompt>, options: GenerateOptions = {}): Promise<BatchOutcome[]> {
    return generateConcurrently(this, prompts, options, this.options.maxBatchSize ?? 8);
  }

  /** Streams chat completion deltas (server-sent events), cleaned of control sequences. */
  async *stream(prompt: string, options: GenerateOptions = {}): AsyncIterable<string> {
    await this.initialize();
    const control = callControl(this.name, options);
    try {
      const events = await (this.client as OpenAI).chat.completions.create({ ...this.params(prompt, options), stream: true }, { signal: control.signal });
      const provider = this.name;
      yield* sanitizedChunks((async function* () {
        for await (const event of events) {
          const delta: unknown = event?.choices?.[0]?.delta?.content;
          if (delta === undefined || delta === null) continue;
          if (typeof delta !== 'string') throw new ProviderError('The openai server sent a malformed stream event.', { kind: 'transient', provider });
          yield delta;
        }
      })());
    } catch (err) {
      throw toProviderError(this.name, control.failure(err));
    } finally {
      control.done();
    }
  }

  /** Requests `response_format: json_schema` (strict) and validates the reply with zod. */
  async generateStructured<S extends z.ZodType>(prompt: string, schema: S, options: GenerateOptions = {}): Promise<z.infer<S>> {
    const text = await this.complete(prompt, options, jsonSchemaFor(schema));
    return parseStructured(this.name, stripControlSequences(text), schema);
  }

  /** Embeds through /embeddings, ordered by the returned `index`. */
  async embed(texts: string[]): Promise<number[][]> {
    await this.initialize();
    if (texts.length === 0) return [];
    return controlledCall(this.name, {}, async (signal) => {
      const res = await (this.client as OpenAI).embeddings.create({ model: this.options.embedModel ?? this.options.model, input: texts, encoding_format: 'float' }, { signal });
      const data = Array.isArray(res?.data) ? [...res.data].sort((a, b) => a.index - b.index).map((d) => d.embedding) : undefined;
      return checkVectors(this.name, data, texts.length);
    });
  }

  /** Lists models (/models); `ok` when the server answers. */
  async healthCheck(): Promise<HealthReport> {
    const started = performance.now();
    const model = { name: this.options.model, generative: true, local: isLoopback(this.baseURL) };
    try {
      await this.initialize();
      const control = callControl(this.name, { timeoutMs: 5000 });
      try {
        await (this.client as OpenAI).models.list({ signal: control.signal });
      } finally {
        control.done();
      }
      return { ok: true, provider: this.name, latencyMs: performance.now() - started, model };
    } catch (err) {
      return { ok: false, provider: this.name, latencyMs: performance.now() - started, model, detail: toProviderError(this.name, err).message };
    }
  }

  /** Drops the client. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.client = undefined;
  }
}
