import { afterEach, describe, expect, it, vi } from 'vitest';
import { Batcher } from '../../src/inference/batcher.js';

afterEach(() => vi.useRealTimers());

describe('Batcher', () => {
  it('runs a full batch at once and gives every caller its own result, in order', async () => {
    const seen: number[][] = [];
    const b = new Batcher<number, string>({ maxBatchSize: 3, maxWaitMs: 10_000, run: async (xs) => { seen.push(xs); return xs.map((x) => `r${x}`); } });
    const out = await b.submitAll([1, 2, 3, 4, 5, 6]);
    expect(out).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    expect(seen).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it('keeps order when later batches finish faster than earlier ones', async () => {
    const order: number[] = [];
    const b = new Batcher<number, number>({ maxBatchSize: 2, maxWaitMs: 0, run: async (xs) => {
      await new Promise((r) => setTimeout(r, xs[0] === 1 ? 30 : 1));
      order.push(xs[0]!);
      return xs.map((x) => x * 10);
    } });
    expect(await b.submitAll([1, 2, 3, 4])).toEqual([10, 20, 30, 40]);
    expect(order).toEqual([1, 3]);
  });

  it('runs a partial batch only after the timeout', async () => {
    vi.useFakeTimers();
    const run = vi.fn(async (xs: string[]) => xs.map((x) => x.toUpperCase()));
    const b = new Batcher<string, string>({ maxBatchSize: 8, maxWaitMs: 50, run });
    const p = b.submitAll(['a', 'b']);
    await vi.advanceTimersByTimeAsync(49);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(await p).toEqual(['A', 'B']);
    expect(run).toHaveBeenCalledTimes(1);
    expect(b.batchSizes).toEqual([2]);
  });

  it('rejects every item of a failed batch and keeps serving later ones', async () => {
    let calls = 0;
    const b = new Batcher<number, number>({ maxBatchSize: 2, maxWaitMs: 0, run: async (xs) => {
      if (calls++ === 0) throw new Error('model crashed');
      return xs;
    } });
    const first = b.submitAll([1, 2]);
    await expect(first).rejects.toThrow('model crashed');
    expect(await b.submitAll([3, 4])).toEqual([3, 4]);
  });

  it('rejects when run returns the wrong number of results', async () => {
    const b = new Batcher<number, number>({ maxBatchSize: 2, maxWaitMs: 0, run: async () => [1] });
    await expect(b.submitAll([1, 2])).rejects.toThrow(/1 results for 2 items/);
  });
});
