import { describe, expect, it, vi } from 'vitest';
import { addDays } from '../../src/core/analysis/days.js';
import { writeReflection, type ModelItem } from '../../src/core/insight/index.js';
import { summarizePeriod } from '../../src/core/summary/index.js';
import { MockProvider } from '../../src/providers/mock-provider.js';
import { ProviderError } from '../../src/providers/errors.js';
import { FORTNIGHT_NOW, entryId } from '../analysis/fortnight.js';

const WORDS = 'walked along the canal after work and thought about the move, the new job and the garden'.split(' ');

function items(n: number): ModelItem[] {
  return Array.from({ length: n }, (_, i) => {
    const date = addDays('2024-01-01', i);
    return { id: entryId(i), created: `${date}T20:00:00Z`, date, text: Array.from({ length: 60 }, (_, w) => WORDS[(w + i) % WORDS.length]).join(' ') + '.' };
  });
}

function fixture(dates: string[]) {
  return { replies: [
    { match: 'Write up to 6 short notes', reply: `- Canal walks and the move [${dates.join(', ')}]` },
    { match: 'Merge these notes', reply: `- The canal walks kept coming back [${dates.join(', ')}]` },
    { match: 'Write a reflection on this period', reply: `You walked by the canal again and again from ${dates[0]}, and the move and the new job ran through those evenings as you looked back.` },
  ] };
}

const stats = (list: ModelItem[]) => summarizePeriod([], { from: list[0]!.date, to: list.at(-1)!.date }, [], FORTNIGHT_NOW, { utcOffsetMinutes: 0 });

describe('summary map step through generateBatch', () => {
  it('sends the map prompts of all N batches in one generateBatch call, in batch order', async () => {
    const list = items(60);
    const provider = new MockProvider({ fixture: fixture(list.map((i) => i.date)) });
    const batch = vi.spyOn(provider, 'generateBatch');
    const { reflection, usage } = await writeReflection(provider, stats(list), list, { contextTokens: 1400 });
    expect(reflection.source).toBe('model');
    expect(usage.mapCalls).toBeGreaterThan(2);
    expect(batch).toHaveBeenCalledTimes(1);
    const prompts = batch.mock.calls[0]![0].map((p) => (typeof p === 'string' ? p : p.prompt));
    expect(prompts).toHaveLength(usage.mapCalls);
    // every entry appears in exactly one prompt, and the prompts keep the entries' order
    const firstEntry = prompts.map((p) => list.findIndex((i) => p.includes(`[${i.date} ${i.id}]`)));
    expect(firstEntry).toEqual([...firstEntry].sort((a, b) => a - b));
    for (const item of list) expect(prompts.filter((p) => p.includes(`[${item.date} ${item.id}]`))).toHaveLength(1);
  });

  it('falls back to the builtin reflection with the reason when one batch of the map step fails', async () => {
    const list = items(60);
    const provider = new MockProvider({ fixture: fixture(list.map((i) => i.date)) });
    vi.spyOn(provider, 'generateBatch').mockImplementation(async (prompts) => prompts.map((_, i) => (i === 1
      ? { status: 'rejected', reason: new ProviderError('The prompt does not fit the model\'s context.', { kind: 'permanent', provider: 'mock' }) }
      : { status: 'fulfilled', value: '- nothing' })));
    const { reflection } = await writeReflection(provider, stats(list), list, { contextTokens: 1400 });
    expect(reflection.source).toBe('builtin');
    expect(reflection.fallbackReason).toMatch(/does not fit/);
  });
});
