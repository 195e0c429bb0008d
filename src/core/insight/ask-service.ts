import { entryDay } from '../analysis/days.js';
import type { Entry } from '../entry.js';
import { UsageError } from '../errors.js';
import { NotGenerativeError, ProviderError } from '../../providers/errors.js';
import type { AIProvider } from '../../providers/types.js';
import type { AnswerCacheLike } from '../../inference/answer-cache.js';
import { Pseudonymizer } from '../../security/pii/pseudonymizer.js';
import { answerPrompt, NO_ANSWER } from './answer-prompt.js';
import { extractiveAnswer, type Quote } from './extractive-answer.js';
import { prepareModelContext, redactLikeContext, type ExcludedEntry, type ModelPolicy } from './model-context.js';
import { countCall, emptyUsage, type ModelUsage } from './model-usage.js';
import { splitQuarantined, type QuarantinedEntry } from './quarantine.js';
import { retrieve, type Retrieval } from './retrieval.js';
import { EchoGuard, validateProse } from './validate-output.js';

/** An entry an answer rests on: id, date and retrieval score. */
export interface Citation {
  entryId: string;
  date: string;
  score: number;
}

/** The stable `companion ask --json` shape. */
export interface AskReport {
  question: string;
  /** False when no entry is relevant: the journal has no answer. */
  found: boolean;
  answer: {
    source: 'model' | 'extractive';
    text: string;
    /** For the extractive answer: the quoted sentences with their entries and dates. */
    quotes: Quote[];
    fallbackReason?: string;
  };
  citations: Citation[];
  retrieval: Retrieval['method'];
  embeddingError?: string;
  excluded: { count: number; entries: ExcludedEntry[] };
  /** Quarantined entries: never searched, never shown to a model. */
  quarantined: { count: number; entries: QuarantinedEntry[] };
  model: ModelUsage | null;
  /**
   * Whether the model's answer came from the answer cache: `hit`, `miss` (asked and stored), `skipped`
   * (no embedder, with the reason) or `off` (caching disabled, no model answer, or no cache given).
   */
  cache: { status: 'hit' | 'miss' | 'skipped' | 'off'; reason?: string };
}

/** How to answer: the provider, the policy for journal text, and call settings. */
export interface AskOptions {
  provider: AIProvider;
  policy: ModelPolicy;
  /** Called with each streamed chunk of a model's answer. */
  onChunk?: (text: string) => void;
  /** Called when a model's streamed answer was discarded in favour of the extractive one. */
  onDiscard?: (reason: string) => void;
  k?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Cache of model answers (a hit needs the same cited entries and revisions, model, and a similar question). */
  cache?: AnswerCacheLike;
  /** Why there is no cache, for the report (e.g. caching is off in config). */
  cacheOff?: string;
}

/** Version of the answer instructions, part of a cached answer's fingerprint (the prompt itself carries random delimiters). */
const ANSWER_CACHE_VERSION = 'ask-answer/1';

/** The sentence used when nothing in the journal answers the question. */
export const NOTHING_FOUND = 'Your journal has nothing that answers this.';

function quoteText(quotes: readonly Quote[]): string {
  return quotes.map((q) => `${q.date}: ${q.text}`).join('\n');
}

/**
 * Answer a question from the journal: retrieve the most relevant entries (provider embeddings fused with
 * BM25 when the provider has embeddings, BM25 otherwise) and answer from them only — a streamed, validated
 * model answer citing dates for a generative provider, or quoted sentences with their dates otherwise.
 * Injection-flagged and quarantined entries are never retrieved and are counted; says so plainly when
 * nothing is relevant.
 */
export async function askJournal(question: string, entries: readonly Entry[], options: AskOptions): Promise<AskReport> {
  if (question.trim().length === 0) throw new UsageError('Ask a question, for example: companion ask "when did I last go running?"');
  const pseudonyms = new Pseudonymizer();
  const { kept, quarantined } = splitQuarantined(entries);
  const context = await prepareModelContext(kept, options.policy, pseudonyms);
  const visible = new Map(context.items.map((i) => [i.id, i]));
  const usable = kept.filter((e) => visible.has(e.id));
  const embed = async (texts: string[]) => options.provider.embed(texts);
  // The question as any model may see it (redacted for a remote provider): for retrieval, the cache and the prompt.
  const visibleQuestion = await redactLikeContext(question, options.policy, pseudonyms);
  const found = await retrieve(question, usable.map((e) => ({ id: e.id, text: e.text, embedText: visible.get(e.id)!.text })), embed, {
    k: options.k ?? 5, embedQuestion: visibleQuestion,
  });
  const byId = new Map(usable.map((e) => [e.id, e]));
  const hits = found.results.map((r) => byId.get(r.id)).filter((e): e is Entry => e !== undefined);
  const off = { status: 'off' as const, ...(options.cacheOff ? { reason: options.cacheOff } : {}) };
  const base = {
    question,
    cache: off,
    citations: found.results.map((r) => ({ entryId: r.id, date: entryDay(byId.get(r.id)!.created), score: r.score })),
    retrieval: found.method,
    ...(found.embeddingError ? { embeddingError: found.embeddingError } : {}),
    excluded: { count: context.excluded.length, entries: context.excluded },
    quarantined: { count: quarantined.length, entries: quarantined },
  };
  if (hits.length === 0) return { ...base, found: false, answer: { source: 'extractive', text: NOTHING_FOUND, quotes: [] }, model: null };
  let cacheState: AskReport['cache'] = off;
  const extractive = (fallbackReason?: string, usage: ModelUsage | null = null): AskReport => {
    const quotes = extractiveAnswer(question, hits);
    return { ...base, cache: cacheState, found: true, answer: { source: 'extractive', text: quoteText(quotes), quotes, ...(fallbackReason ? { fallbackReason } : {}) }, model: usage };
  };
  if (options.provider.name === 'builtin') return extractive();
  const usage = emptyUsage();
  const p = answerPrompt(visibleQuestion, hits.map((e) => visible.get(e.id)!));
  const lookup = options.cache
    ? await options.cache.lookup({ scope: 'ask', query: visibleQuestion, sources: hits.map((e) => ({ id: e.id, revision: e.revision })), context: JSON.stringify([ANSWER_CACHE_VERSION, options.policy]) })
    : null;
  const cache = lookup ? { status: lookup.status, ...(lookup.reason ? { reason: lookup.reason } : {}) } : off;
  cacheState = cache;
  if (lookup?.answer != null) {
    options.onChunk?.(lookup.answer);
    const none = lookup.answer.trim() === NO_ANSWER;
    return { ...base, cache, found: !none, answer: { source: 'model', text: none ? NOTHING_FOUND : lookup.answer, quotes: [] }, model: null };
  }
  let out = '';
  const guard = new EchoGuard(p.system);
  try {
    for await (const chunk of options.provider.stream(p.prompt, { system: p.system, maxTokens: 300, temperature: 0.2, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}), ...(options.signal ? { signal: options.signal } : {}) })) {
      out += chunk;
      const visible = guard.push(chunk);
      if (visible) options.onChunk?.(visible);
      if (guard.echoed) break;
    }
    const rest = guard.flush();
    if (rest) options.onChunk?.(rest);
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    const reason = err instanceof NotGenerativeError ? `the ${err.provider ?? 'configured'} provider does not generate text` : `the model failed (${err.message.replace(/\.$/, '')})`;
    if (out) options.onDiscard?.(reason);
    return extractive(reason, usage.calls > 0 ? usage : null);
  }
  countCall(usage, 'answer', p.system, p.prompt, out);
  const dates = new Set(hits.map((e) => entryDay(e.created)));
  const check = validateProse(out, { minWords: 3, maxWords: 250, allowedDates: dates, system: p.system });
  const reason = !check.ok ? check.reason : check.text.includes(NO_ANSWER) || /\[\d{4}-\d{2}-\d{2}\]/.test(check.text) ? null : 'it cited no entry dates';
  if (reason !== null || !check.ok) {
    const why = `the model's answer was not used: ${reason ?? 'invalid'}`;
    options.onDiscard?.(why);
    return extractive(why, usage);
  }
  lookup?.store(check.text);
  const none = check.text.trim() === NO_ANSWER;
  return { ...base, cache, found: !none, answer: { source: 'model', text: none ? NOTHING_FOUND : check.text, quotes: [] }, model: usage };
}
