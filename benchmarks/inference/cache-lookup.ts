/**
 * Semantic cache at 1,000 and 10,000 cached prompts: time to open the cache file (read, decrypt, decode)
 * and of `lookupVector` (the exact search and the scope/fingerprint check; embedding the prompt is the
 * embedder's cost and not included), median and p95. Prompts: real Universal Sentence Encoder vectors of
 * journal questions (see cache-lookup-corpus.ts; queries are paraphrases of stored prompts and questions
 * about unseen texts), plus synthetic vectors (random, and around one shared direction). Every lookup is
 * checked against a full scan of the same vectors, and the full scan is timed as the baseline.
 * All answers share one scope and fingerprint: the worst case for the search. Target: lookup < 2 ms.
 * Run: npx tsx benchmarks/inference/cache-lookup.ts [--use-only]   (--use-only: the USE case alone, for a
 * quick rerun of the headline figure; results then go to results/cache-lookup-use.json)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SemanticCache } from '../../src/inference/semantic-cache.js';
import { semanticCacheFile } from '../../src/inference/cache-file.js';
import { describeMachine, machineInfo } from '../lib/machine.js';
import { summarize, type Timing } from '../lib/stats.js';
import { renderTable, ms } from '../lib/table.js';
import { makeTempDir, removeTempDir } from '../lib/temp-dir.js';
import { promptCorpus } from './cache-lookup-corpus.js';

const THRESHOLD = 0.85;
const KEY = { scope: 'ask', fingerprint: 'f'.repeat(32) };

/** Stored and query vectors of one case, unit length, row-major. */
interface Case { name: string; dims: number; stored: Float32Array; queries: Float32Array }

interface Row {
  case: string; dims: number; entries: number; meanPairCos: number; queries: number; hits: number;
  agreeWithFullScan: number; lookup: Timing; fullScan: Timing; open: Timing; fileBytes: number;
}

function unitRows(a: Float32Array, dims: number): Float32Array {
  const out = new Float32Array(a.length);
  for (let r = 0; r < a.length / dims; r++) {
    let n = 0;
    for (let i = 0; i < dims; i++) n += a[r * dims + i]! ** 2;
    n = Math.sqrt(n);
    for (let i = 0; i < dims; i++) out[r * dims + i] = a[r * dims + i]! / n;
  }
  return out;
}

/** Random vectors, or with `shared` > 0 vectors around one common direction (pairwise cosine ≈ shared / (shared + (1 − shared)/3)·…). */
function synthetic(count: number, dims: number, shared: number): Float32Array {
  const common = Array.from({ length: dims }, () => Math.random() * 2 - 1);
  const cn = Math.hypot(...common);
  const out = new Float32Array(count * dims);
  const scale = Math.sqrt(shared / (1 - shared + 1e-9)) * Math.sqrt(dims / 3);
  for (let r = 0; r < count; r++) for (let i = 0; i < dims; i++) out[r * dims + i] = Math.random() * 2 - 1 + scale * common[i]! / cn;
  return unitRows(out, dims);
}

/** Synthetic queries: half near-copies of stored rows (hits), half fresh vectors (misses). */
function syntheticQueries(stored: Float32Array, dims: number, count: number, shared: number): Float32Array {
  const fresh = synthetic(count, dims, shared);
  const rows = stored.length / dims;
  for (let j = 0; j < count; j += 2) {
    const r = (j * 7919) % rows;
    for (let i = 0; i < dims; i++) fresh[j * dims + i] = stored[r * dims + i]! + (Math.random() - 0.5) * 0.02;
  }
  return unitRows(fresh, dims);
}

function fullScan(stored: Float32Array, dims: number, rows: number, q: Float32Array): number | null {
  let best = -Infinity;
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let i = 0; i < dims; i++) s += stored[r * dims + i]! * q[i]!;
    if (s > best) best = s;
  }
  return best >= THRESHOLD ? best : null;
}

function meanPairCos(stored: Float32Array, dims: number, rows: number): number {
  let sum = 0;
  const n = 2000;
  for (let k = 0; k < n; k++) {
    const a = (k * 7919) % rows, b = (k * 104729 + 1) % rows;
    let s = 0;
    for (let i = 0; i < dims; i++) s += stored[a * dims + i]! * stored[b * dims + i]!;
    sum += s;
  }
  return sum / n;
}

function measure(c: Case, entries: number): Row {
  const dir = makeTempDir('companion-bench-cache');
  const key = crypto.randomBytes(32);
  const d = c.dims;
  const cache = SemanticCache.open({ dir, key, maxEntries: entries, threshold: THRESHOLD });
  for (let i = 0; i < entries; i++) cache.storeVector(c.stored.subarray(i * d, (i + 1) * d), `answer ${i}`, { ...KEY, sources: [`e${i}`], write: false });
  cache.save();
  const opens: number[] = [];
  let reopened = cache;
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    reopened = SemanticCache.open({ dir, key, threshold: THRESHOLD }); // as a command sees it: loaded from the file
    opens.push(performance.now() - start);
  }
  const stored = c.stored.subarray(0, entries * d);
  const nq = c.queries.length / d;
  const samples: number[] = [];
  const scans: number[] = [];
  let hits = 0;
  let agree = 0;
  for (let round = 0; round < 2; round++) {
    for (let j = 0; j < nq; j++) {
      const q = c.queries.subarray(j * d, (j + 1) * d);
      let start = performance.now();
      const hit = reopened.lookupVector(q, KEY);
      const t = performance.now() - start;
      start = performance.now();
      const want = fullScan(stored, d, entries, q);
      const scan = performance.now() - start;
      if (round === 0) {
        hits += hit ? 1 : 0;
        if ((hit === null && want === null) || (hit !== null && want !== null && Math.abs(hit.similarity - want) < 1e-5)) agree++;
      } else {
        samples.push(t); // the first round warms the code up
        scans.push(scan);
      }
    }
  }
  const fileBytes = fs.statSync(semanticCacheFile(dir)).size;
  removeTempDir(dir);
  return {
    case: c.name, dims: d, entries, meanPairCos: meanPairCos(stored, d, entries), queries: nq, hits, agreeWithFullScan: agree,
    lookup: summarize(samples), fullScan: summarize(scans), open: summarize(opens), fileBytes,
  };
}

const log = (line: string) => console.error(line);
const machine = machineInfo();
const use = await promptCorpus(10_000, 250, log);
const useQueries = new Float32Array(use.paraphrase.length + use.fresh.length);
useQueries.set(use.paraphrase);
useQueries.set(use.fresh, use.paraphrase.length);
const cases: Case[] = [
  { name: 'USE sentences', dims: 512, stored: unitRows(use.stored, 512), queries: unitRows(useQueries, 512) },
];
const useOnly = process.argv.includes('--use-only');
for (const [dims, shared] of useOnly ? [] : [[384, 0], [768, 0], [384, 0.25], [768, 0.25]] as const) {
  const stored = synthetic(10_000, dims, shared);
  cases.push({ name: shared === 0 ? 'random' : `shared direction ${shared}`, dims, stored, queries: syntheticQueries(stored, dims, 500, shared) });
}
const rows: Row[] = [];
for (const c of cases) for (const n of [1_000, 10_000]) {
  rows.push(measure(c, n));
  log(`${c.name} ${c.dims}-d ${n}: lookup median ${rows.at(-1)!.lookup.medianMs} ms`);
}
console.log(describeMachine(machine));
console.log(renderTable(['case', 'dims', 'entries', 'pair cos', 'hits', 'exact', 'lookup median', 'lookup p95', 'full scan median', 'open median', 'open p95', 'file MB'],
  rows.map((r) => [r.case, String(r.dims), String(r.entries), r.meanPairCos.toFixed(2), `${r.hits}/${r.queries}`, `${r.agreeWithFullScan}/${r.queries}`,
    ms(r.lookup.medianMs), ms(r.lookup.p95Ms), ms(r.fullScan.medianMs), ms(r.open.medianMs), ms(r.open.p95Ms), (r.fileBytes / 2 ** 20).toFixed(1)])));
const out = path.join(import.meta.dirname, 'results', useOnly ? 'cache-lookup-use.json' : 'cache-lookup.json');
fs.writeFileSync(out, JSON.stringify({ machine, target: 'lookup < 2 ms at 10,000 cached prompts', threshold: THRESHOLD, rows }, null, 2) + '\n');
console.log(`wrote ${out}`);
