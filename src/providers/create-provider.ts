import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { BuiltinProvider } from './builtin-provider.js';
import { PROVIDER_NAMES, ProviderConfigSchema, type ProviderConfig } from './config.js';
import { listModels } from './models.js';
import type { AIProvider, ProviderName } from './types.js';
import { CircuitBreaker, type CircuitBreakerOptions } from './wrappers/circuit-breaker.js';
import { FallbackProvider, type FallbackNotice } from './wrappers/fallback.js';
import { withRetry, type RetryOptions } from './wrappers/retry.js';
import { withCircuitBreaker } from './wrappers/circuit-breaker.js';

/** Everything `createProvider` decided, before any provider is built (for `companion models info`). */
export interface ProviderSettings {
  provider: ProviderName;
  modelPath: string | null;
  model: string | null;
  modelDir: string | null;
  ollamaHost: string;
  ollamaApi: 'chat' | 'generate';
  openaiBaseUrl: string | null;
  embedModel: string | null;
  contextSize: number;
  gpuLayers: number | 'auto';
  memoryLimitBytes: number | undefined;
  timeoutMs: number;
}

/** Services `createProvider` needs from the caller; injected so tests never touch the home directory. */
export interface ProviderDeps {
  /** Where GGUF models live (`~/.companion/models` from the paths module). */
  modelsDir: string;
  /** Announced once when a call falls back to builtin. */
  onFallback?: (notice: FallbackNotice) => void;
  retry?: RetryOptions;
  breaker?: CircuitBreakerOptions;
  /** Mock fixture file (COMPANION_MOCK_FIXTURE is used when absent). */
  mockFixturePath?: string;
  /**
   * Called with the GGUF path before a llama provider is built; throws (e.g. `IntegrityError` from
   * `verifyPinnedModel`) to refuse a model. Its error propagates: it is not a reason to fall back.
   */
  verifyModel?: (modelPath: string) => Promise<void>;
  /** Prompts generated together by `generateBatch` (config `performance.max_batch_size`; default 8). */
  maxBatchSize?: number;
}

type Env = Record<string, string | undefined>;

/**
 * Applies env overrides (COMPANION_PROVIDER, COMPANION_MODEL_PATH, COMPANION_MODEL, COMPANION_MODEL_DIR,
 * COMPANION_OLLAMA_HOST, COMPANION_OPENAI_BASE_URL, COMPANION_N_CTX) to `config` and validates the result.
 * With no provider named, a model path means llama; otherwise builtin. Throws `UsageError` naming the bad
 * variable or key.
 */
export function resolveProviderSettings(config: Partial<ProviderConfig> | Record<string, unknown>, env: Env): ProviderSettings {
  const merged: Record<string, unknown> = { ...config };
  const str = (name: string, key: string): void => { const v = env[name]; if (v !== undefined && v !== '') merged[key] = v; };
  if (env.COMPANION_PROVIDER) {
    const p = env.COMPANION_PROVIDER.toLowerCase();
    if (!(PROVIDER_NAMES as readonly string[]).includes(p)) throw new UsageError(`COMPANION_PROVIDER must be one of ${PROVIDER_NAMES.join(', ')}.`);
    merged.ai_provider = p;
  }
  str('COMPANION_MODEL_PATH', 'model_path');
  str('COMPANION_MODEL', 'model');
  str('COMPANION_MODEL_DIR', 'model_dir');
  str('COMPANION_OLLAMA_HOST', 'ollama_host');
  str('COMPANION_OPENAI_BASE_URL', 'openai_base_url');
  if (env.COMPANION_N_CTX) {
    const n = Number(env.COMPANION_N_CTX);
    if (!Number.isInteger(n) || n < 256) throw new UsageError('COMPANION_N_CTX must be a whole number of tokens, at least 256.');
    merged.n_ctx = n;
  }
  const known = new Set(Object.keys(ProviderConfigSchema.shape));
  for (const k of Object.keys(merged)) if (!known.has(k)) delete merged[k];
  const parsed = ProviderConfigSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`Invalid config value for ${issue?.path.join('.') ?? 'provider'}: ${issue?.message ?? 'invalid'}.`);
  }
  const c = parsed.data;
  return {
    provider: c.ai_provider ?? (c.model_path ? 'llama' : 'builtin'),
    modelPath: c.model_path,
    model: c.model,
    modelDir: c.model_dir,
    ollamaHost: c.ollama_host,
    ollamaApi: c.ollama_api,
    openaiBaseUrl: c.openai_base_url,
    embedModel: c.embed_model,
    contextSize: c.n_ctx,
    gpuLayers: c.gpu_layers,
    memoryLimitBytes: c.llama_memory_limit_mb === null ? undefined : c.llama_memory_limit_mb * 1024 * 1024,
    timeoutMs: c.llama_timeout_ms,
  };
}

function requireModel(settings: ProviderSettings): string {
  if (!settings.model) throw new UsageError(`The ${settings.provider} provider needs a model name.`, 'Set COMPANION_MODEL or `model` in the config.');
  return settings.model;
}

/**
 * Builds the configured provider, wrapped for production use: remote providers get retry, a circuit
 * breaker and fallback to builtin; llama gets fallback (its sandbox enforces its own limits); builtin,
 * transformers and mock are returned as they are. Nothing is loaded or contacted until first use.
 */
export async function createProvider(config: Partial<ProviderConfig> | Record<string, unknown>, env: Env, deps: ProviderDeps): Promise<AIProvider> {
  const s = resolveProviderSettings(config, env);
  const fallback = (p: AIProvider): AIProvider => new FallbackProvider(p, new BuiltinProvider(), deps.onFallback ? { onFallback: deps.onFallback } : {});
  const batch = deps.maxBatchSize ? { maxBatchSize: deps.maxBatchSize } : {};
  const resilient = (p: AIProvider): AIProvider => fallback(withCircuitBreaker(withRetry(p, deps.retry), new CircuitBreaker(p.name, deps.breaker)));
  switch (s.provider) {
    case 'builtin':
      return new BuiltinProvider();
    // Each backend's library is imported only when it is the one configured: the SDKs cost hundreds of
    // milliseconds to load, which every command that touches AI would otherwise pay.
    case 'mock': {
      const { MockProvider } = await import('./mock-provider.js');
      const fixturePath = deps.mockFixturePath ?? env.COMPANION_MOCK_FIXTURE;
      return new MockProvider(fixturePath ? { fixturePath } : {});
    }
    case 'transformers': {
      const { TransformersProvider } = await import('./transformers-provider.js');
      return new TransformersProvider({ modelDir: s.modelDir ?? join(deps.modelsDir, 'onnx'), model: requireModel(s) });
    }
    case 'ollama': {
      const { OllamaProvider } = await import('./ollama-provider.js');
      return resilient(new OllamaProvider({ host: s.ollamaHost, model: requireModel(s), endpoint: s.ollamaApi, contextSize: s.contextSize, ...(s.embedModel ? { embedModel: s.embedModel } : {}), ...batch }));
    }
    case 'openai': {
      const { OpenAIProvider } = await import('./openai-provider.js');
      const apiKey = env.COMPANION_OPENAI_API_KEY;
      return resilient(new OpenAIProvider({ model: requireModel(s), ...(s.openaiBaseUrl ? { baseURL: s.openaiBaseUrl } : {}), ...(apiKey ? { apiKey } : {}), ...(s.embedModel ? { embedModel: s.embedModel } : {}), ...batch }));
    }
    case 'llama': {
      const { LlamaProvider } = await import('./llama-provider.js');
      const modelPath = s.modelPath ?? (await listModels(deps.modelsDir, { hash: false }))[0]?.path ?? join(deps.modelsDir, 'model.gguf');
      await deps.verifyModel?.(modelPath);
      return fallback(new LlamaProvider({
        modelPath, contextSize: s.contextSize, gpuLayers: s.gpuLayers, timeoutMs: s.timeoutMs,
        ...(s.memoryLimitBytes ? { memoryLimitBytes: s.memoryLimitBytes } : {}), ...batch,
      }));
    }
  }
}
