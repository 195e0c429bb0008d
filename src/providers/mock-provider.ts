import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { UsageError } from '../core/errors.js';
import { callControl } from './call-control.js';
import { ProviderDisposedError } from './errors.js';
import { hashedEmbedding } from './hashed-embedding.js';
import { StreamSanitizer, stripControlSequences } from './sanitize.js';
import { parseStructured } from './structured.js';
import { inProcessHealth } from './in-process-health.js';
import { generateOneByOne } from './batch.js';
import type { AIProvider, BatchOutcome, BatchPrompt, GenerateOptions, HealthReport } from './types.js';

/** A mock fixture file: replies chosen by the first rule whose `match` occurs in the prompt. */
export const MockFixtureSchema = z.object({
  replies: z.array(z.object({ match: z.string().optional(), reply: z.string() })).default([]),
  default: z.string().optional(),
  embeddingDimensions: z.number().int().min(2).max(4096).default(16),
});

/** Parsed mock fixture. */
export type MockFixture = z.infer<typeof MockFixtureSchema>;

/** Options for the mock provider. */
export interface MockProviderOptions {
  /** Replies given inline. */
  fixture?: z.input<typeof MockFixtureSchema>;
  /** A JSON fixture file to replay replies from (overrides `fixture`). */
  fixturePath?: string;
  /** Delay before each streamed chunk, to exercise timeouts and cancellation in tests. */
  chunkDelayMs?: number;
}

/** Reads and validates a mock fixture file; throws `UsageError` naming the file when it is invalid. */
export function loadMockFixture(path: string): MockFixture {
  try {
    return MockFixtureSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (err) {
    throw new UsageError(`Mock fixture ${path} is not valid: ${(err as Error).message.split('\n')[0]}`);
  }
}

/**
 * Deterministic provider for tests: the same prompt always gets the same reply, streamed word by word,
 * and embeddings are hashed bags of words. Output passes through the same hygiene as real models.
 */
export class MockProvider implements AIProvider {
  readonly name = 'mock' as const;
  private readonly fixture: MockFixture;
  private disposed = false;

  constructor(private readonly options: MockProviderOptions = {}) {
    this.fixture = options.fixturePath ? loadMockFixture(options.fixturePath) : MockFixtureSchema.parse(options.fixture ?? {});
  }

  /** No-op besides the disposed check. */
  async initialize(): Promise<void> {
    if (this.disposed) throw new ProviderDisposedError(this.name);
  }

  private reply(prompt: string, options: GenerateOptions): string {
    const rule = this.fixture.replies.find((r) => r.match === undefined || prompt.includes(r.match));
    let text = rule?.reply ?? this.fixture.default ?? `Mock reply to a prompt of ${prompt.length} characters.`;
    for (const stop of options.stop ?? []) {
      const at = stop ? text.indexOf(stop) : -1;
      if (at >= 0) text = text.slice(0, at);
    }
    if (options.maxTokens !== undefined) text = (text.match(/\S+\s*/g) ?? []).slice(0, options.maxTokens).join('');
    return text;
  }

  /** Returns the fixture reply for `prompt`, cleaned of control sequences. */
  async generate(prompt: string, options: GenerateOptions = {}): Promise<string> {
    let out = '';
    for await (const chunk of this.stream(prompt, options)) out += chunk;
    return out;
  }

  /** The fixture reply for each prompt, in order, one outcome per prompt (a batch in one call). */
  generateBatch(prompts: ReadonlyArray<string | BatchPrompt>, options: GenerateOptions = {}): Promise<BatchOutcome[]> {
    return generateOneByOne(this, prompts, options);
  }

  /** Yields the reply word by word (after `chunkDelayMs` each), honouring abort and timeout. */
  async *stream(prompt: string, options: GenerateOptions = {}): AsyncIterable<string> {
    await this.initialize();
    const control = callControl(this.name, options);
    const sanitizer = new StreamSanitizer();
    try {
      for (const word of this.reply(prompt, options).match(/\S*\s*/g) ?? []) {
        if (!word) continue;
        if (this.options.chunkDelayMs) await sleep(this.options.chunkDelayMs, undefined, { signal: control.signal }).catch((e: unknown) => { throw control.failure(e); });
        if (control.signal.aborted) throw control.failure(control.signal.reason);
        const clean = sanitizer.push(word);
        if (clean) yield clean;
      }
      const rest = sanitizer.flush();
      if (rest) yield rest;
    } finally {
      control.done();
    }
  }

  /** Parses the fixture reply as JSON and validates it; `StructuredOutputError` when it does not fit. */
  async generateStructured<S extends z.ZodType>(prompt: string, schema: S, options: GenerateOptions = {}): Promise<z.infer<S>> {
    const text = await this.generate(prompt, { ...options, maxTokens: undefined });
    return parseStructured(this.name, text, schema);
  }

  /** Hashed bag-of-words vectors of the fixture's dimension. */
  async embed(texts: string[]): Promise<number[][]> {
    await this.initialize();
    return texts.map((t) => hashedEmbedding(stripControlSequences(t), this.fixture.embeddingDimensions));
  }

  /** Always healthy until disposed. */
  async healthCheck(): Promise<HealthReport> {
    return inProcessHealth(this.name, this.disposed, { name: 'mock', generative: true, local: true, embeddingDimensions: this.fixture.embeddingDimensions });
  }

  /** Marks the provider disposed. */
  async dispose(): Promise<void> {
    this.disposed = true;
  }
}
