import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { BuiltinProvider } from '../../../src/providers/builtin-provider.js';
import { LlamaProvider } from '../../../src/providers/llama-provider.js';
import { MockProvider } from '../../../src/providers/mock-provider.js';
import { OllamaProvider } from '../../../src/providers/ollama-provider.js';
import { OpenAIProvider } from '../../../src/providers/openai-provider.js';
import { TransformersProvider } from '../../../src/providers/transformers-provider.js';
import type { AIProvider } from '../../../src/providers/types.js';
import { startFakeOllama } from './fake-ollama.js';
import { startFakeOpenAI } from './fake-openai.js';
import type { FakeServer } from './fake-server.js';
import { writeTinyGguf } from './tiny-gguf.js';
import { writeTinyOnnxModel } from './tiny-onnx.js';

/** The schema every contract subject is asked to fill. */
export const MoodSchema = z.object({ mood: z.enum(['calm', 'sad', 'glad']), score: z.number() });

/** One provider under the contract suite, with what it is expected to support. */
export interface Subject {
  label: string;
  generative: boolean;
  /** Whether structured output must succeed (false: a StructuredOutputError is also acceptable). */
  structuredMustSucceed: boolean;
  /** Builds a fresh provider (resources are created in `setup`). */
  make(): AIProvider;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  /** Why this subject is skipped, if it is. */
  skip?: string;
}

async function tempDir(): Promise<string> {
  return mkdtemp(join(os.tmpdir(), 'companion-providers-'));
}

/** Provider subjects for the contract suite; each owns its temp files and servers. */
export function contractSubjects(): Subject[] {
  let dir = '';
  let ollama: FakeServer | undefined;
  let openai: FakeServer | undefined;
  const realModel = process.env.COMPANION_TEST_MODEL;
  const realMissing = !realModel ? 'COMPANION_TEST_MODEL is not set' : !existsSync(realModel) ? `COMPANION_TEST_MODEL points at a missing file (${realModel})` : undefined;
  const llama = (path: () => string): Pick<Subject, 'make'> => ({
    make: () => new LlamaProvider({ modelPath: path(), contextSize: 512, gpuLayers: 0, threads: os.availableParallelism(), startTimeoutMs: 60_000, timeoutMs: 60_000 }),
  });
  const noop = async (): Promise<void> => undefined;
  return [
    {
      label: 'mock', generative: true, structuredMustSucceed: true, setup: noop, teardown: noop,
      make: () => new MockProvider({ fixture: { replies: [{ match: 'JSON', reply: '{"mood":"glad","score":2}' }, { reply: 'A \u001b[1mmock\u001b[0m reply\u0007 with words.' }] } }),
    },
    { label: 'builtin', generative: false, structuredMustSucceed: false, setup: noop, teardown: noop, make: () => new BuiltinProvider() },
    {
      label: 'transformers (tiny ONNX folder)', generative: false, structuredMustSucceed: false,
      setup: async () => { dir = await tempDir(); await writeTinyOnnxModel(dir, 'tiny-encoder'); },
      teardown: async () => rm(dir, { recursive: true, force: true }),
      make: () => new TransformersProvider({ modelDir: dir, model: 'tiny-encoder' }),
    },
    {
      label: 'llama (generated tiny GGUF)', generative: true, structuredMustSucceed: false,
      setup: async () => { dir = await tempDir(); await writeTinyGguf(join(dir, 'tiny.gguf')); },
      teardown: async () => rm(dir, { recursive: true, force: true }),
      ...llama(() => join(dir, 'tiny.gguf')),
    },
    {
      label: 'llama (stories260K via COMPANION_TEST_MODEL)', generative: true, structuredMustSucceed: false, setup: noop, teardown: noop,
      ...llama(() => realModel ?? ''), ...(realMissing ? { skip: realMissing } : {}),
    },
    {
      label: 'ollama /api/chat (local NDJSON server)', generative: true, structuredMustSucceed: true,
      setup: async () => { ollama = await startFakeOllama(); }, teardown: async () => ollama?.close(),
      make: () => new OllamaProvider({ host: ollama?.url ?? '', model: 'tiny' }),
    },
    {
      label: 'ollama /api/generate (local NDJSON server)', generative: true, structuredMustSucceed: true,
      setup: async () => { ollama = await startFakeOllama(); }, teardown: async () => ollama?.close(),
      make: () => new OllamaProvider({ host: ollama?.url ?? '', model: 'tiny', endpoint: 'generate' }),
    },
    {
      label: 'openai (local SSE server)', generative: true, structuredMustSucceed: true,
      setup: async () => { openai = await startFakeOpenAI(); }, teardown: async () => openai?.close(),
      make: () => new OpenAIProvider({ model: 'tiny', baseURL: `${openai?.url ?? ''}/v1` }),
    },
  ];
}
