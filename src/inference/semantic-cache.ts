import { KeyLabel } from '../security/keys.js';
import { readCacheFile, writeCacheFile, type CachedAnswer } from './cache-file.js';
import { VectorIndex } from './vector-index.js';

/** Turns texts into vectors of one fixed length (an AIProvider's `embed`, or a local ONNX embedder). */
export type Embedder = (texts: string[]) => Promise<number[][]>;

/** Where hits and misses are counted (the monitoring `Metrics` service satisfies it). */
export interface CacheCounters {
  recordCacheHit(cache?: string): void;
  recordCacheMiss(cache?: string): void;
}

/** Options of the semantic cache. */
export interface SemanticCacheOptions {
  /** The cache directory (`ctx.paths.cache`). */
  dir: string;
  /** 32-byte key: `vault.deriveKey(KeyLabel.cache)`. */
  key: Uint8Array;
  /** Embeds prompts; only `lookup`, `store` and `answer` need it. */
  embed?: Embedder;
  /** Minimum cosine similarity for a hit (`performance.cache_similarity_threshold`, default 0.85). */
  threshold?: number;
  /** Hit/miss counters (recorded under the cache name `semantic`). */
  metrics?: CacheCounters;
  /** Most answers kept; the oldest go first (default 20,000). */
  maxEntries?: number;
  /** Clock for the stored time (default `new Date()`). */
  now?: () => Date;
}

/** What a hit returns. */
export interface CacheHit {
  answer: string;
  similarity: number;
  sources: string[];
}

/** Which answers a lookup may return: those stored with the same scope and context fingerprint. */
export interface LookupKey {
  scope?: string;
  /** Keyed hash of the context the answer was built from (default: empty, matching answers stored without one). */
  fingerprint?: string;
}

/** Provenance of an answer being stored. */
export interface StoreOptions extends LookupKey {
  /** Ids of the journal entries the answer was derived from. */
  sources?: string[];
  /** False to keep the change in memory until `save()` (default true: write the file now). */
  write?: boolean;
}

/**
 * A cache of model answers keyed by the meaning of the prompt: a prompt whose embedding has cosine
 * similarity ≥ threshold with a cached prompt of the same scope gets that prompt's answer. Stored
 * encrypted (AES-256-GCM) in one file under the cache directory; prompt text is never stored, only its
 * vector. Each answer remembers the entries it came from so deleting an entry purges it.
 */
export class SemanticCache {
  private index: VectorIndex | undefined;
  private entries: CachedAnswer[] = [];
  /**
   * Why an existing cache file could not be used (another format version, another key, altered bytes), or
   * null. Such a cache starts empty and the file is replaced by the next write.
   */
  readonly problem: string | null;
  private readonly threshold: number;

  private constructor(private readonly options: SemanticCacheOptions) {
    this.threshold = options.threshold ?? 0.85;
    const read = readCacheFile(options.dir, options.key);
    this.problem = read.kind === 'damaged' ? read.reason : null;
    if (read.kind === 'ok' && read.doc.entries.length > 0) {
      this.index = VectorIndex.fromParts(read.doc.index);
      this.entries = read.doc.entries;
    }
  }

  /** True when an existing cache file could not be read and the cache started afresh (see `problem`). */
  get discarded(): boolean {
    return this.problem !== null;
  }

  /** Open the cache in `options.dir` (empty when there is no file yet). */
  static open(options: SemanticCacheOptions): SemanticCache {
    return new SemanticCache(options);
  }

  /** Number of cached answers. */
  get size(): number {
    return this.entries.length;
  }

  private async embedOne(prompt: string): Promise<number[]> {
    if (!this.options.embed) throw new Error('this semantic cache was opened without an embedder');
    const [v] = await this.options.embed([prompt]);
    if (!v) throw new Error('the embedder returned no vector');
    return v;
  }

  /**
   * The cached answer for a prompt with this (unit or not) vector stored under the same scope and
   * fingerprint, with cosine similarity ≥ threshold, or null; counts a hit or a miss.
   */
  lookupVector(vector: ArrayLike<number>, key: string | LookupKey = {}): CacheHit | null {
    const { scope = 'default', fingerprint = '' } = typeof key === 'string' ? { scope: key } : key;
    const accept = (r: number) => this.entries[r]!.scope === scope && this.entries[r]!.fingerprint === fingerprint;
    const found = this.index && this.index.dims === vector.length ? this.index.nearest(vector, accept, this.threshold) : null;
    if (found) {
      this.options.metrics?.recordCacheHit('semantic');
      const e = this.entries[found.row]!;
      return { answer: e.answer, similarity: found.similarity, sources: [...e.sources] };
    }
    this.options.metrics?.recordCacheMiss('semantic');
    return null;
  }

  /** Embed `prompt` and return the cached answer of a similar enough prompt with the same key, or null. */
  async lookup(prompt: string, key: string | LookupKey = {}): Promise<CacheHit | null> {
    return this.lookupVector(await this.embedOne(prompt), key);
  }

  /**
   * Add an answer for a prompt vector and write the cache file. A vector of another length than the
   * cached ones (the embedder changed) replaces the whole cache.
   */
  storeVector(vector: ArrayLike<number>, answer: string, options: StoreOptions = {}): void {
    if (!this.index || this.index.dims !== vector.length) {
      this.index = new VectorIndex(vector.length);
      this.entries = [];
    }
    this.index.add(vector);
    this.entries.push({
      scope: options.scope ?? 'default', fingerprint: options.fingerprint ?? '', answer,
      sources: [...new Set(options.sources ?? [])], created: (this.options.now?.() ?? new Date()).toISOString(),
    });
    const max = this.options.maxEntries ?? 20_000;
    if (this.entries.length > max) this.keep(this.index.compact((r) => r < this.entries.length - max));
    if (options.write !== false) this.save();
  }

  /** Embed `prompt` and store its answer. */
  async store(prompt: string, answer: string, options: StoreOptions = {}): Promise<void> {
    this.storeVector(await this.embedOne(prompt), answer, options);
  }

  /** The cached answer for `prompt`, else `compute()`'s answer, stored (one embedding either way). */
  async answer(prompt: string, compute: () => Promise<string>, options: StoreOptions = {}): Promise<{ answer: string; cached: boolean }> {
    const vector = await this.embedOne(prompt);
    const hit = this.lookupVector(vector, options);
    if (hit) return { answer: hit.answer, cached: true };
    const answer = await compute();
    this.storeVector(vector, answer, options);
    return { answer, cached: false };
  }

  /** Remove every answer derived from journal entry `id` and write the file; returns how many went. */
  purgeEntry(id: string): number {
    if (!this.index) return 0;
    const before = this.entries.length;
    this.keep(this.index.compact((r) => this.entries[r]!.sources.includes(id)));
    const removed = before - this.entries.length;
    if (removed > 0) this.save();
    return removed;
  }

  /** Remove every cached answer and write the (empty) file. */
  clear(): void {
    this.index = undefined;
    this.entries = [];
    this.save();
  }

  private keep(rows: number[]): void {
    this.entries = rows.map((r) => this.entries[r]!);
  }

  /** Write the cache file now (encrypted, atomically). */
  save(): void {
    writeCacheFile(this.options.dir, this.options.key, { index: (this.index ?? new VectorIndex(1)).parts(), entries: this.entries });
  }
}

/** The cache key of an unlocked vault (`vault.deriveKey(KeyLabel.cache)`). */
export function cacheKey(vault: { deriveKey(label: string): Uint8Array }): Uint8Array {
  return vault.deriveKey(KeyLabel.cache);
}

/**
 * Purge the answers derived from a deleted journal entry from the semantic cache in `dir` (no embedder
 * needed). Returns how many answers were removed; a missing or unreadable cache removes none.
 */
export function purgeCachedAnswers(dir: string, vault: { deriveKey(label: string): Uint8Array }, entryId: string): number {
  return SemanticCache.open({ dir, key: cacheKey(vault) }).purgeEntry(entryId);
}
