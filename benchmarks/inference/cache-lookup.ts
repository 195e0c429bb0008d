/**
 * Semantic cache lookup at 10,000 cached prompts: time of `lookupVector` (the dot-product scan and the
 * scope check; embedding the prompt is the embedder's cost and not included), for typical embedding
 * sizes, plus the time to open (decrypt and load) the cache file. Target: lookup < 2 ms.
 * Run: npx tsx benchmarks/inference/cache-lookup.ts
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SemanticCache } from '../../src/inference/semantic-cache.js';
import { describeMachine, machineInfo } from '../lib/machine.js';
import { summarize, type Timing } from '../lib/stats.js';
import { renderTable, ms } from '../lib/table.js';
import { makeTempDir } from '../lib/temp-dir.js';

const ENTRIES = 10_000;
const LOOKUPS = 500;

/**
 * Random vectors (pairwise cosine ≈ 0), or, with `shared` > 0, vectors around one common direction as
 * real sentence embeddings are (shared 0.25 gives pairwise cosine ≈ 0.4, 0.8 about 0.9): the harder case for the
 * search's early cut-off.
 */
function randomVector(dims: number, shared = 0): number[] {
  const common = Math.sqrt(shared / (1 - shared + 1e-9)) * Math.sqrt(dims / 3);
  return Array.from({ length: dims }, (_, i) => Math.random() * 2 - 1 + (i % 2 ? common / Math.sqrt(dims) * 2 : 0));
}

interface Row { dims: number; shared: number; pairwiseCos: number; entries: number; lookup: Timing; open: Timing; fileBytes: number }

function measure(dims: number, shared: number): Row {
  const dir = makeTempDir('companion-bench-cache-');
  const key = crypto.randomBytes(32);
  const cache = SemanticCache.open({ dir, key, maxEntries: ENTRIES });
  // storeVector writes the file each time; fill through one write to keep set-up short.
  const fill = cache as unknown as { storeVector: SemanticCache['storeVector']; save(): void };
  const save = fill.save.bind(cache);
  fill.save = () => undefined;
  for (let i = 0; i < ENTRIES; i++) cache.storeVector(randomVector(dims, shared), `answer ${i}`, { scope: i % 2 ? 'summary' : 'reflection', sources: [`e${i}`] });
  fill.save = save;
  save();
  const queries = Array.from({ length: LOOKUPS }, () => randomVector(dims, shared));
  const pairwiseCos = cosine(queries[0]!, queries[1]!);
  const samples: number[] = [];
  const reopened = SemanticCache.open({ dir, key }); // as a command sees it: loaded from the file
  for (const q of queries) {
    const start = performance.now();
    reopened.lookupVector(q, 'reflection');
    samples.push(performance.now() - start);
  }
  const opens: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    SemanticCache.open({ dir, key });
    opens.push(performance.now() - start);
  }
  return { dims, shared, pairwiseCos, entries: cache.size, lookup: summarize(samples.slice(20)), open: summarize(opens), fileBytes: fs.statSync(path.join(dir, 'semantic-cache.bin')).size };
}

function cosine(a: number[], b: number[]): number {
  return a.reduce((s, x, i) => s + x * b[i]!, 0) / (Math.hypot(...a) * Math.hypot(...b));
}

const machine = machineInfo();
const rows = [[384, 0], [768, 0], [384, 0.25], [768, 0.25], [384, 0.8]].map(([d, sh]) => measure(d!, sh!));
console.log(describeMachine(machine));
console.log(renderTable(['dims', 'pair cos', 'entries', 'lookup median', 'lookup p95', 'lookup max', 'open median', 'file MB'],
  rows.map((r) => [String(r.dims), r.pairwiseCos.toFixed(2), String(r.entries), ms(r.lookup.medianMs), ms(r.lookup.p95Ms), ms(r.lookup.maxMs), ms(r.open.medianMs), (r.fileBytes / 2 ** 20).toFixed(1)])));
const out = path.join(import.meta.dirname, 'results', 'cache-lookup.json');
fs.writeFileSync(out, JSON.stringify({ machine, target: 'lookup < 2 ms at 10,000 cached prompts', rows }, null, 2) + '\n');
console.log(`wrote ${out}`);
