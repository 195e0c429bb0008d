import { UsageError } from '../errors.js';
import { ContextOverflowError, NotGenerativeError, ProviderError } from '../../providers/errors.js';
import { generateEach } from '../../providers/batch.js';
import type { AIProvider } from '../../providers/types.js';
import { planBatches, planReduce } from '../summary/batches.js';
import { builtinReflection } from '../summary/reflection.js';
import type { PeriodSummary } from '../summary/summarize.js';
import { estimateTokens } from '../summary/tokens.js';
import type { ModelItem } from './model-context.js';
import { countCall, emptyUsage, type ModelUsage } from './model-usage.js';
import { parseNotes, renderNotes, type Note } from './notes.js';
import { mapPrompt, mergePrompt, reflectionPrompt, type CallPrompt } from './reflection-prompts.js';
import { EchoGuard, validateProse } from './validate-output.js';

/** The written part of a summary: paragraphs, where they came from, and the entries behind them. */
export interface Reflection {
  source: 'model' | 'builtin';
  paragraphs: string[];
  /** Why a model's reflection was not used (unavailable, failed validation); absent when none was tried or it passed. */
  fallbackReason?: string;
  /** Entries the model's notes cited; empty for the built-in reflection, which states only the numbers. */
  supportingEntryIds: string[];
}

/** Progress of a model-written reflection, for a progress indicator and streaming. */
export type ReflectionEvent =
  | { kind: 'map'; batch: number; batches: number }
  | { kind: 'merge'; round: number; rounds: number }
  | { kind: 'writing' }
  | { kind: 'chunk'; text: string };

/** How to write a reflection with a model. */
export interface ReflectionOptions {
  /** The model's context window in tokens. */
  contextTokens: number;
  /** Called as work progresses and for every streamed chunk of the final text. */
  onEvent?: (event: ReflectionEvent) => void;
  signal?: AbortSignal;
  /** Per-call wall-clock limit in milliseconds. */
  timeoutMs?: number;
}

/** A reflection and the model calls it took. */
export interface ReflectionResult {
  reflection: Reflection;
  usage: ModelUsage;
}

const MAP_OUTPUT = 256;
const REDUCE_OUTPUT = 512;

/** Tokens kept back in each call for instructions (the template around the entries) and the model's answer. */
function reserveFor(template: CallPrompt, output: number): number {
  return estimateTokens(template.system) + estimateTokens(template.prompt) + output + 16;
}

/** The built-in reflection of a summary, optionally with the reason a model's was not used. */
export function builtinResult(stats: PeriodSummary, fallbackReason?: string): Reflection {
  return { source: 'builtin', paragraphs: [builtinReflection(stats).join(' ')], supportingEntryIds: [], ...(fallbackReason ? { fallbackReason } : {}) };
}

/** The leading notes whose rendering fits `budget` tokens (a guard: merged notes can cite many dates). */
function fitNotes(notes: readonly Note[], dateOf: (id: string) => string | undefined, budget: number): Note[] {
  const kept: Note[] = [];
  for (const note of notes) {
    if (estimateTokens(renderNotes([...kept, note], dateOf)) > budget) break;
    kept.push(note);
  }
  return kept;
}

function describeFailure(err: unknown): string {
  if (err instanceof NotGenerativeError) return `the ${err.provider ?? 'configured'} provider does not generate text`;
  if (err instanceof ProviderError) return `the model failed (${err.message.replace(/\.$/, '')})`;
  if (err instanceof UsageError) return `the model's context window is too small (${err.message.replace(/\.$/, '')})`;
  throw err;
}

/**
 * Write a reflection on a period with a generative model: map (notes per batch of entries that fits the
 * context window) and reduce (notes merged in rounds that fit, then one streamed reflection). Every note
 * must cite entries of its batch; the final text is validated. On a provider failure, no usable notes, or
 * invalid output, the built-in reflection is returned with the reason. `items` must already be prepared
 * (injection-flagged entries removed, personal data redacted for remote providers).
 */
export async function writeReflection(provider: AIProvider, stats: PeriodSummary, items: readonly ModelItem[], options: ReflectionOptions): Promise<ReflectionResult> {
  const usage = emptyUsage();
  if (items.length === 0) return { reflection: builtinResult(stats), usage };
  let contextTokens = options.contextTokens;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await reflectWithin(provider, stats, items, { ...options, contextTokens }, usage);
    } catch (err) {
      // Batches are planned at about 3 characters per token, generous for common tokenizers but not for
      // every model (a tiny vocabulary spends a token per character or two): when the model's own tokenizer
      // finds a prompt too long, the period is planned again in half the window, at most twice.
      if (err instanceof ContextOverflowError && attempt < OVERFLOW_ATTEMPTS) {
        contextTokens = Math.floor(contextTokens / 2);
        continue;
      }
      return { reflection: builtinResult(stats, describeFailure(err)), usage };
    }
  }
}

/** Planning attempts of one reflection (the window halves after each context overflow). */
const OVERFLOW_ATTEMPTS = 3;

/** One attempt at a model reflection within `options.contextTokens`; throws what writeReflection handles. */
async function reflectWithin(provider: AIProvider, stats: PeriodSummary, items: readonly ModelItem[], options: ReflectionOptions, usage: ModelUsage): Promise<ReflectionResult> {
  const emit = options.onEvent ?? (() => undefined);
  const dateOf = new Map(items.map((i) => [i.id, i.date]));
  const call = { signal: options.signal, timeoutMs: options.timeoutMs, temperature: 0.3 };
  const plan = planBatches(items.map((i) => ({ id: i.id, created: i.created, text: i.text })), options.contextTokens, reserveFor(mapPrompt([]), MAP_OUTPUT));
  let notes: Note[][] = [];
  // Every batch's map call goes out as one generateBatch (several sequences of one local context decode
  // together); providers without it answer one prompt after another.
  const maps = plan.batches.map((batch) => mapPrompt(batch.items.map((b) => ({ ...b, created: b.date }))));
  emit({ kind: 'map', batch: 1, batches: plan.batches.length });
  const outs = await generateEach(provider, maps, { ...call, maxTokens: MAP_OUTPUT });
  for (const [index, batch] of plan.batches.entries()) {
    if (index > 0) emit({ kind: 'map', batch: index + 1, batches: plan.batches.length });
    const scope = batch.items.map((b) => ({ id: b.id, date: b.date }));
    const p = maps[index]!;
    const outcome = outs[index];
    if (outcome?.status !== 'fulfilled') throw outcome?.reason ?? new ProviderError('The model gave no answer for a batch.', { kind: 'permanent' });
    const out = outcome.value;
    countCall(usage, 'map', p.system, p.prompt, out);
    notes.push(parseNotes(out, scope));
  }
  const finalTemplate = reflectionPrompt('', stats);
  const reduceBudget = options.contextTokens - reserveFor(finalTemplate, REDUCE_OUTPUT);
  const rounds = notes.length > 1 && notes.flat().length > 0 && estimateTokens(renderNotes(notes.flat(), (id) => dateOf.get(id))) > reduceBudget
    ? planReduce(notes.length, MAP_OUTPUT + 16, reduceBudget) : [];
  const mergeBudget = options.contextTokens - reserveFor(mergePrompt(''), MAP_OUTPUT);
  for (const [r, groups] of rounds.entries()) {
    emit({ kind: 'merge', round: r + 1, rounds: rounds.length });
    const merged: Note[][] = [];
    let at = 0;
    for (const size of groups) {
      const group = notes.slice(at, at + size).flat();
      at += size;
      if (group.length === 0) continue;
      const scope = [...new Set(group.flatMap((n) => n.entryIds))].map((id) => ({ id, date: dateOf.get(id) ?? '' }));
      const p = mergePrompt(renderNotes(fitNotes(group, (id) => dateOf.get(id), mergeBudget), (id) => dateOf.get(id)));
      const out = await provider.generate(p.prompt, { ...call, system: p.system, maxTokens: MAP_OUTPUT });
      countCall(usage, 'reduce', p.system, p.prompt, out);
      const parsed = parseNotes(out, scope);
      merged.push(parsed.length > 0 ? parsed : group);
    }
    notes = merged;
  }
  const all = fitNotes(notes.flat(), (id) => dateOf.get(id), reduceBudget);
  if (all.length === 0) return { reflection: builtinResult(stats, 'the model gave no notes that cite entries'), usage };
  emit({ kind: 'writing' });
  const p = reflectionPrompt(renderNotes(all, (id) => dateOf.get(id)), stats);
  let out = '';
  const guard = new EchoGuard(p.system);
  for await (const chunk of provider.stream(p.prompt, { ...call, system: p.system, maxTokens: REDUCE_OUTPUT })) {
    out += chunk;
    const visible = guard.push(chunk);
    if (visible) emit({ kind: 'chunk', text: visible });
    if (guard.echoed) break;
  }
  const rest = guard.flush();
  if (rest) emit({ kind: 'chunk', text: rest });
  countCall(usage, 'reduce', p.system, p.prompt, out);
  const allowedDates = new Set([stats.from, stats.to, ...items.map((i) => i.date)]);
  const check = validateProse(out, { minWords: 15, maxWords: 500, allowedDates, system: p.system });
  if (!check.ok) return { reflection: builtinResult(stats, `the model's reflection was not used: ${check.reason}`), usage };
  return {
    reflection: { source: 'model', paragraphs: check.text.split(/\n\s*\n/).map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean), supportingEntryIds: [...new Set(all.flatMap((n) => n.entryIds))] },
    usage,
  };
}
