import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/analysis/days.js';
import { writeReflection, type ModelItem } from '../../src/core/insight/index.js';
import { estimateTokens, summarizePeriod } from '../../src/core/summary/index.js';
import { FORTNIGHT_NOW, entryId } from '../analysis/fortnight.js';
import { RecordingProvider, type RecordedCall } from './helpers.js';
import { ContextOverflowError } from '../../src/providers/errors.js';
import type { BatchOutcome, BatchPrompt, GenerateOptions } from '../../src/providers/types.js';

const WORDS = 'walked along the canal after work and thought about the move, the new job, my sister and the garden we left behind'.split(' ');

function items(n: number, words: number): ModelItem[] {
  return Array.from({ length: n }, (_, i) => {
    const date = addDays('2024-01-01', i);
    const text = Array.from({ length: words }, (_, w) => WORDS[(w + i) % WORDS.length]).join(' ') + '.';
    return { id: entryId(i), created: `${date}T20:00:00Z`, date, text };
  });
}

function fixture(dates: string[], notesPerBatch: number) {
  const cite = `[${dates.join(', ')}]`;
  const map = Array.from({ length: notesPerBatch }, (_, i) => `- Walks by the canal and thoughts of the move, part ${i + 1} ${cite}`).join('\n');
  return {
    replies: [
      { match: 'Write up to 6 short notes', reply: map },
      { match: 'Merge these notes', reply: `- The canal walks and the move kept coming back ${cite}` },
      { match: 'Write a reflection on this period', reply: `You walked by the canal again and again, starting on ${dates[0]}, and the move and the new job ran through those evenings. Your sister and the garden came up as you looked back.` },
    ],
  };
}

function fits(call: RecordedCall, contextTokens: number): boolean {
  return estimateTokens(call.system) + estimateTokens(call.prompt) + (call.maxTokens ?? 0) <= contextTokens;
}

function stats(list: ModelItem[]) {
  return summarizePeriod([], { from: list[0]!.date, to: list.at(-1)!.date }, [], FORTNIGHT_NOW, { utcOffsetMinutes: 0 });
}

describe('map-reduce reflection', () => {
  it('summarises 200 entries on a 4096-token context, every entry in exactly one batch and every call fitting', async () => {
    const list = items(200, 60);
    const provider = new RecordingProvider({ fixture: fixture(list.map((i) => i.date), 1) });
    const { reflection, usage } = await writeReflection(provider, stats(list), list, { contextTokens: 4096 });
    expect(reflection.source).toBe('model');
    const maps = provider.calls.filter((c) => c.prompt.includes('Write up to 6 short notes'));
    expect(usage.mapCalls).toBe(maps.length);
    expect(maps.length).toBeGreaterThan(1);
    for (const item of list) expect(maps.filter((c) => c.prompt.includes(`[${item.date} ${item.id}]`))).toHaveLength(1);
    expect(usage.calls).toBe(provider.calls.length);
    expect(usage.reduceCalls).toBe(provider.calls.length - maps.length);
    expect(provider.calls.every((c) => fits(c, 4096))).toBe(true);
    expect(reflection.supportingEntryIds).toHaveLength(200);
  });

  it('merges notes in rounds when they do not fit one reduce call on a tiny context', async () => {
    const list = items(40, 60);
    const provider = new RecordingProvider({ fixture: fixture(list.map((i) => i.date), 3) });
    const { reflection, usage } = await writeReflection(provider, stats(list), list, { contextTokens: 1400 });
    const maps = provider.calls.filter((c) => c.prompt.includes('Write up to 6 short notes')).length;
    const merges = provider.calls.filter((c) => c.prompt.includes('Merge these notes')).length;
    expect(reflection.source).toBe('model');
    expect(maps).toBeGreaterThanOrEqual(4);
    expect(merges).toBeGreaterThan(0);
    expect(usage).toMatchObject({ mapCalls: maps, reduceCalls: merges + 1, calls: maps + merges + 1 });
    expect(provider.calls.every((c) => fits(c, 1400))).toBe(true);
    expect(usage.promptTokens).toBeGreaterThan(0);
    expect(usage.outputTokens).toBeGreaterThan(0);
  });

  it('says the context is too small instead of overflowing it', async () => {
    const list = items(5, 20);
    const provider = new RecordingProvider({ fixture: fixture(list.map((i) => i.date), 1) });
    const { reflection } = await writeReflection(provider, stats(list), list, { contextTokens: 400 });
    expect(reflection.source).toBe('builtin');
    expect(reflection.fallbackReason).toMatch(/context window is too small/);
    expect(provider.calls).toHaveLength(0);
  });
});

/** A model whose tokenizer spends a token per 1.5 characters (a tiny vocabulary): the estimate's plans overflow it. */
class SmallVocabularyProvider extends RecordingProvider {
  overflows = 0;
  constructor(options: ConstructorParameters<typeof RecordingProvider>[0], private readonly window: number) {
    super(options);
  }
  private tooLong(prompt: string, system = ''): boolean {
    return Math.ceil((prompt.length + system.length) / 1.5) + 256 > this.window;
  }
  override async generateBatch(prompts: ReadonlyArray<string | BatchPrompt>, options: GenerateOptions = {}): Promise<BatchOutcome[]> {
    const out: BatchOutcome[] = [];
    for (const p of prompts) {
      const { prompt, system } = typeof p === 'string' ? { prompt: p, system: options.system } : p;
      if (this.tooLong(prompt, system)) {
        this.overflows += 1;
        out.push({ status: 'rejected', reason: new ContextOverflowError(this.name) });
      } else {
        out.push((await super.generateBatch([p], options))[0]!);
      }
    }
    return out;
  }
}

describe('a model whose tokenizer finds the planned prompts too long', () => {
  it('is planned again in a smaller window instead of falling back to the built-in reflection', async () => {
    const list = items(50, 60);
    const provider = new SmallVocabularyProvider({ fixture: fixture(list.map((i) => i.date), 1) }, 4096);
    const { reflection } = await writeReflection(provider, stats(list), list, { contextTokens: 4096 });
    expect(provider.overflows).toBeGreaterThan(0);
    expect(reflection.source).toBe('model');
    expect(reflection.supportingEntryIds).toHaveLength(50);
  });

  it('falls back with the reason once halving the window twice is not enough', async () => {
    const list = items(10, 60);
    const provider = new SmallVocabularyProvider({ fixture: fixture(list.map((i) => i.date), 1) }, 300);
    const { reflection } = await writeReflection(provider, stats(list), list, { contextTokens: 4096 });
    expect(reflection.source).toBe('builtin');
    expect(reflection.fallbackReason).toMatch(/does not fit|too small/);
  });
});
