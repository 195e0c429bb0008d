import { createHmac } from 'node:crypto';
import type { SemanticCache } from './semantic-cache.js';

/** An entry an answer is built from, with the revision it had then (an edit changes the revision). */
export interface AnswerSource {
  id: string;
  revision: number;
}

/** What identifies a model answer: its kind, the user-facing query, and everything it was built from. */
export interface AnswerRequest {
  /** Kind of answer, e.g. `ask`, `summary-map`, `summary-reduce`, `session-followup`. */
  scope: string;
  /** The user-facing query whose meaning is compared (for ask, the question). */
  query: string;
  /** The entries the answer is built from; the set (not the order) is part of the fingerprint. */
  sources: readonly AnswerSource[];
  /** Anything else the answer depends on (instructions, settings, exact prompt), part of the fingerprint. */
  context?: string;
}

/** The outcome of a lookup; `store` keeps a freshly computed answer (a no-op after a hit or a skip). */
export interface AnswerLookup {
  status: 'hit' | 'miss' | 'skipped';
  /** The cached answer on a hit. */
  answer: string | null;
  /** Cosine similarity of the query to the cached one on a hit. */
  similarity?: number;
  /** Why caching was skipped (no embedder, embedding failed). */
  reason?: string;
  store(answer: string): void;
}

/** The part of the answer cache that features use (ask, summary, session). */
export interface AnswerCacheLike {
  lookup(request: AnswerRequest): Promise<AnswerLookup>;
}

/** A text embedder with a stable name (part of the fingerprint: vectors of two embedders never meet). */
export interface NamedEmbedder {
  name: string;
  embed(texts: string[]): Promise<number[][]>;
}

/** How an answer cache is built: the semantic cache, the embedder, the model and the fingerprint key. */
export interface AnswerCacheOptions {
  cache: SemanticCache;
  /** Resolves the embedder on first use; null (or a rejection) means caching is skipped, with the reason. */
  embedder: () => Promise<NamedEmbedder | { unavailable: string }>;
  /** Provider and model identity: answers of another model never match. */
  model: string;
  /** Key of the keyed fingerprint hash (the cache key). */
  key: Uint8Array;
  /** Called once when the cache is skipped or an answer could not be stored (never with journal text). */
  onProblem?: (reason: string) => void;
}

/**
 * Cached model answers: a hit needs the same scope and context fingerprint (a keyed hash of the model,
 * the embedder, the entries' ids and revisions and the request's context) and a query whose embedding is
 * at cosine ≥ the cache threshold to the cached one. Never throws for cache trouble: it skips instead.
 */
export class AnswerCache implements AnswerCacheLike {
  private embedder: Promise<NamedEmbedder | { unavailable: string }> | undefined;
  private readonly vectors = new Map<string, number[]>();
  private reported = false;

  constructor(private readonly options: AnswerCacheOptions) {}

  /** The context fingerprint of a request with this embedder. */
  fingerprint(request: AnswerRequest, embedder: string): string {
    const sources = [...new Set(request.sources.map((s) => `${s.id}@${s.revision}`))].sort();
    const material = JSON.stringify([this.options.model, embedder, request.scope, sources, request.context ?? '']);
    return createHmac('sha256', this.options.key).update('companion/answer-fingerprint\0').update(material).digest('hex').slice(0, 32);
  }

  /** Look a request up; on a miss, `store(answer)` keeps the answer computed for it. */
  async lookup(request: AnswerRequest): Promise<AnswerLookup> {
    const skipped = (reason: string): AnswerLookup => {
      this.report(reason);
      return { status: 'skipped', answer: null, reason, store: () => undefined };
    };
    this.embedder ??= this.options.embedder().catch((err: unknown) => ({ unavailable: err instanceof Error ? err.message : String(err) }));
    const embedder = await this.embedder;
    if ('unavailable' in embedder) return skipped(`no embedder for the cache (${embedder.unavailable})`);
    let vector = this.vectors.get(request.query);
    if (!vector) {
      try {
        [vector] = await embedder.embed([request.query]);
      } catch (err) {
        return skipped(`the ${embedder.name} embedder failed (${err instanceof Error ? err.message : String(err)})`);
      }
      if (!vector || vector.length === 0 || !vector.some((x) => x !== 0)) return skipped(`the ${embedder.name} embedder returned no usable vector`);
      this.vectors.set(request.query, vector);
    }
    const fingerprint = this.fingerprint(request, embedder.name);
    const key = { scope: request.scope, fingerprint };
    const found = vector;
    const hit = this.options.cache.lookupVector(found, key);
    if (hit) return { status: 'hit', answer: hit.answer, similarity: hit.similarity, store: () => undefined };
    return {
      status: 'miss', answer: null,
      store: (answer: string) => {
        try {
          this.options.cache.storeVector(found, answer, { ...key, sources: request.sources.map((s) => s.id) });
        } catch (err) {
          this.report(`an answer could not be cached (${err instanceof Error ? err.message : String(err)})`);
        }
      },
    };
  }

  private report(reason: string): void {
    if (this.reported) return;
    this.reported = true;
    this.options.onProblem?.(reason);
  }
}
