import { z } from 'zod';

/** Provider names accepted in config and COMPANION_PROVIDER. */
export const PROVIDER_NAMES = ['builtin', 'llama', 'ollama', 'openai', 'transformers', 'mock'] as const;

/**
 * The provider part of companion's config (flat keys, merged into the app config by src/core/config).
 * There is deliberately no API key field: keys come from the environment only.
 */
export const ProviderConfigSchema = z.object({
  /** Which provider answers; null: llama when model_path is set, otherwise builtin. */
  ai_provider: z.enum(PROVIDER_NAMES).nullable().default(null),
  /** GGUF file for the llama provider. */
  model_path: z.string().nullable().default(null),
  /** Model name for ollama/openai, or the model folder for transformers. */
  model: z.string().nullable().default(null),
  /** Directory of local ONNX model folders (transformers). */
  model_dir: z.string().nullable().default(null),
  ollama_host: z.string().default('http://127.0.0.1:11434'),
  /** `chat` (/api/chat) or `generate` (/api/generate). */
  ollama_api: z.enum(['chat', 'generate']).default('chat'),
  /** OpenAI-compatible server; null means OpenAI itself. */
  openai_base_url: z.string().url().nullable().default(null),
  /** Embedding model for ollama/openai (default: `model`). */
  embed_model: z.string().nullable().default(null),
  n_ctx: z.number().int().min(256).max(1_048_576).default(4096),
  gpu_layers: z.union([z.literal('auto'), z.number().int().min(0)]).default('auto'),
  /** Memory ceiling of the llama child process; null = twice the model size plus 1 GiB. */
  llama_memory_limit_mb: z.number().int().min(64).nullable().default(null),
  /** Default wall-clock limit per llama call. */
  llama_timeout_ms: z.number().int().min(100).default(120_000),
}).strict();

/** Validated provider config with defaults applied. */
export type ProviderConfig = z.infer<typeof ProviderConfigSchema>;
