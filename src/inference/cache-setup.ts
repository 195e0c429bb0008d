import type { AIProvider } from '../providers/types.js';
import { AnswerCache, type NamedEmbedder } from './answer-cache.js';
import { cacheKey, SemanticCache, type CacheCounters } from './semantic-cache.js';

/** What opening the answer cache needs; the CLI fills it from its context. */
export interface AnswerCacheSetup {
  /** The cache directory (`ctx.paths.cache`). */
  dir: string;
  /** The unlocked vault (the cache key is derived from it). */
  vault: { deriveKey(label: string): Uint8Array };
  /** `performance.enable_caching` and `performance.cache_similarity_threshold`. */
  performance: { enable_caching: boolean; cache_similarity_threshold: number };
  /** The provider whose answers are cached (its embeddings are preferred). */
  provider: AIProvider;
  /** Provider and model identity (e.g. `llama:model.gguf`, with its pinned hash when there is one). */
  model: string;
  metrics?: CacheCounters;
  /** Clock for the stored time of answers. */
  now?: () => Date;
  /** Told (once) why caching is off or was skipped, and when a damaged cache file was replaced. */
  note?: (line: string) => void;
  /** Loads the local sentence encoder when the provider has no embeddings (default: Universal Sentence Encoder lite). */
  localEmbedder?: () => Promise<NamedEmbedder>;
}

/** An open answer cache, or why there is none. */
export type AnswerCacheOpen = { cache: AnswerCache; off: null } | { cache: null; off: string };

/** Providers whose output is not a model's (templates, classifiers): never cached. */
const NOT_GENERATIVE = new Set(['builtin', 'transformers']);

/** The Universal Sentence Encoder lite (512-d) shipped with companion, as a cache embedder. */
/**
 * A local ONNX sentence-embedding model (transformers.js layout: config.json, tokenizer, onnx/) as the cache's
 * embedder (`performance.cache_embedder`). It is loaded from the folder only, never downloaded; the embedder's
 * name includes the folder name, so answers cached under another embedder never match.
 */
export function onnxEmbedder(folder: string): () => Promise<NamedEmbedder> {
  return async () => {
    const path = await import('node:path');
    const { TransformersProvider } = await import('../providers/transformers-provider.js');
    const full = path.resolve(folder);
    const embedder = new TransformersProvider({ modelDir: path.dirname(full), model: path.basename(full) });
    await embedder.embed(['probe']); // fail here (and skip caching with the reason) rather than at the first lookup
    return { name: `onnx:${path.basename(full)}`, embed: (texts: string[]) => embedder.embed(texts) };
  };
}

async function useEmbedder(): Promise<NamedEmbedder> {
  const { loadSentenceEncoder } = await import('../providers/builtin-provider.js');
  const encoder = await loadSentenceEncoder();
  return { name: 'use-lite-512', embed: (texts) => encoder.embed(texts) };
}

/**
 * Open the cache of model answers, or say why caching is off: `enable_caching` false, or a provider that
 * does not generate (builtin, transformers). The embedder is the provider's own when it has embeddings,
 * else the local sentence encoder, else caching is skipped (told through `note`). A damaged cache file is
 * reported and replaced; it never fails the command.
 */
export function openAnswerCache(setup: AnswerCacheSetup): AnswerCacheOpen {
  if (!setup.performance.enable_caching) return { cache: null, off: 'caching is off (performance.enable_caching)' };
  if (NOT_GENERATIVE.has(setup.provider.name)) return { cache: null, off: `the ${setup.provider.name} provider's output is not cached` };
  const key = cacheKey(setup.vault);
  let semantic: SemanticCache;
  try {
    semantic = SemanticCache.open({ dir: setup.dir, key, threshold: setup.performance.cache_similarity_threshold, ...(setup.now ? { now: setup.now } : {}), ...(setup.metrics ? { metrics: setup.metrics } : {}) });
  } catch (err) {
    return { cache: null, off: `the answer cache could not be opened (${err instanceof Error ? err.message : String(err)})` };
  }
  if (semantic.problem) setup.note?.(`companion: the answer cache was reset: ${semantic.problem}.`);
  const provider = setup.provider;
  const embedder = async (): Promise<NamedEmbedder | { unavailable: string }> => {
    try {
      const [probe] = await provider.embed(['companion answer cache']);
      if (probe && probe.length > 0) return { name: `provider:${setup.model}:${probe.length}`, embed: (texts) => provider.embed(texts) };
    } catch {
      // No provider embeddings: the local encoder below.
    }
    try {
      return await (setup.localEmbedder ?? useEmbedder)();
    } catch (err) {
      return { unavailable: `the local sentence encoder did not load: ${err instanceof Error ? err.message : String(err)}` };
    }
  };
  const cache = new AnswerCache({ cache: semantic, key, model: setup.model, embedder, onProblem: (reason) => setup.note?.(`companion: answers are not cached: ${reason}.`) });
  return { cache, off: null };
}

/** The parts of the provider settings that decide which model answers (see `resolveProviderSettings`). */
export interface ModelSettings {
  provider: string;
  modelPath?: string | null | undefined;
  model?: string | null | undefined;
  ollamaHost?: string | null | undefined;
  openaiBaseUrl?: string | null | undefined;
}

/**
 * The identity of the model behind a provider for the answer cache: provider, model, host, the pinned
 * hash and, for a local file, its size and modification time (a replaced model file changes it).
 */
export function modelIdentity(settings: ModelSettings, extra: { sha256?: string | null; mockFixture?: string | undefined; fileStat?: (p: string) => { size: number; mtimeMs: number } | null }): string {
  const file = settings.modelPath ? extra.fileStat?.(settings.modelPath) ?? null : null;
  return JSON.stringify([settings.provider, settings.modelPath ?? null, settings.model ?? null, settings.ollamaHost ?? settings.openaiBaseUrl ?? null,
    extra.sha256 ?? null, file ? [file.size, file.mtimeMs] : null, settings.provider === 'mock' ? extra.mockFixture ?? null : null]);
}
