import { runCli } from '../lib/cli-runner.js';
import { summarize, type Timing } from '../lib/stats.js';
import type { BuiltStore } from './build-store.js';

/** Medians per store size of commands run in rotation, so drift in machine load hits every size alike. */
export interface InterleavedResult {
  entries: number;
  add: Timing;
  list: Timing;
}

/**
 * Run `add` and `list` on every store in turn (1k, 10k, 100k, 1k, …) `rounds` times. Per-size runs that
 * happen minutes apart can differ by tens of percent on a shared machine; rotating makes the comparison
 * between sizes fair.
 */
export function interleavedAddList(stores: BuiltStore[], rounds: number): InterleavedResult[] {
  const samples = stores.map(() => ({ add: [] as number[], list: [] as number[] }));
  for (let round = 0; round < rounds; round += 1) {
    stores.forEach((store, i) => {
      const add = runCli(['write', `Tea and an early night, rotation note ${round} @bench`], store.env);
      const list = runCli(['list'], store.env);
      for (const r of [add, list]) if (r.code !== 0 || r.kdf !== 1) throw new Error(`interleaved run failed on ${store.entries}: ${r.stderr.trim()}`);
      samples[i]!.add.push(add.ms);
      samples[i]!.list.push(list.ms);
    });
  }
  return stores.map((s, i) => ({ entries: s.entries, add: summarize(samples[i]!.add), list: summarize(samples[i]!.list) }));
}
