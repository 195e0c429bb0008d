/**
 * Batched vs one-at-a-time analysis of 8 entries on the fixture model (tests/providers/helpers/tiny-gguf.ts),
 * measured side by side in one process: the same 8 prompts generated one after another on one sequence,
 * then through the Batcher onto 8 sequences of one context decoded together. Target: batched ≥ 2× faster.
 * One CPU thread by default: on a shared 2-core machine more threads spin against other work.
 * Run: npx tsx benchmarks/inference/batching.ts [--embedding 256] [--layers 4] [--threads 1]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Batcher } from '../../src/inference/batcher.js';
import { LlamaBatchGenerator, type BatchOutput } from '../../src/inference/llama-batch.js';
import { writeTinyGguf } from '../../tests/providers/helpers/tiny-gguf.js';
import { describeMachine, machineInfo } from '../lib/machine.js';
import { summarize } from '../lib/stats.js';
import { renderTable, ms } from '../lib/table.js';
import { makeTempDir } from '../lib/temp-dir.js';

const ENTRIES = [
  'Walked to the market in the rain and bought oranges.',
  'Long call with my sister about the move; felt lighter after.',
  'Could not sleep, kept thinking about the deadline at work.',
  'Cooked soup for the neighbours, they loved it.',
  'Quiet Sunday, read half a novel by the window.',
  'Argued with Sam about money again. Tired of it.',
  'First swim of the year, cold water, great mood.',
  'Finished the report early and went for a run.',
];
const prompt = (text: string) => `Entry: ${text}\nMood (one word) and two themes:`;
const { values } = parseArgs({ options: { embedding: { type: 'string', default: '256' }, layers: { type: 'string', default: '4' }, threads: { type: 'string', default: '1' } } });
const THREADS = Number(values.threads);
const EMBEDDING = Number(values.embedding);
const LAYERS = Number(values.layers);
const ROUNDS = 5;
const MAX_TOKENS = 32;

const dir = makeTempDir('companion-bench-batch-');
const modelPath = path.join(dir, 'tiny.gguf');
await writeTinyGguf(modelPath, { layers: LAYERS, embedding: EMBEDDING, heads: 4, headsKv: 2, feedForward: EMBEDDING * 2 });
const gen = await LlamaBatchGenerator.load({ modelPath, sequences: 8, contextPerSequence: 256, gpuLayers: 0, threads: THREADS });
const options = { maxTokens: MAX_TOKENS, temperature: 0 };
const batcher = new Batcher<string, BatchOutput>({ maxBatchSize: 8, maxWaitMs: 5, run: (ps) => gen.generateBatch(ps, options) });

const one: number[] = [];
const batched: number[] = [];
let tokensOne = 0;
let tokensBatched = 0;
for (let round = 0; round <= ROUNDS; round++) {
  let start = performance.now();
  let outs: BatchOutput[] = [];
  for (const e of ENTRIES) outs.push(await gen.generateOne(prompt(e), options));
  const a = performance.now() - start;
  const ta = outs.reduce((s, o) => s + o.tokens, 0);
  start = performance.now();
  outs = await batcher.submitAll(ENTRIES.map(prompt));
  const b = performance.now() - start;
  const tb = outs.reduce((s, o) => s + o.tokens, 0);
  if (round === 0) continue; // warm-up
  one.push(a); batched.push(b); tokensOne += ta; tokensBatched += tb;
}
await gen.dispose();

const machine = machineInfo();
const sOne = summarize(one);
const sBatch = summarize(batched);
const speedup = sOne.medianMs / sBatch.medianMs;
console.log(describeMachine(machine));
console.log(renderTable(['mode (8 entries)', 'median', 'p95', 'tokens/round', 'tokens/s'], [
  ['one at a time', ms(sOne.medianMs), ms(sOne.p95Ms), String(tokensOne / ROUNDS), (tokensOne / ROUNDS / (sOne.medianMs / 1000)).toFixed(0)],
  ['batched (8 sequences)', ms(sBatch.medianMs), ms(sBatch.p95Ms), String(tokensBatched / ROUNDS), (tokensBatched / ROUNDS / (sBatch.medianMs / 1000)).toFixed(0)],
]));
console.log(`speed-up (median): ${speedup.toFixed(2)}× (target ≥ 2×); batch sizes seen: ${[...new Set(batcher.batchSizes)].join(', ')}`);
const out = path.join(import.meta.dirname, 'results', 'batching.json');
fs.writeFileSync(out, JSON.stringify({ machine, model: `tiny-gguf layers ${LAYERS}, embedding ${EMBEDDING}, feed-forward ${EMBEDDING * 2}, F32`, maxTokens: MAX_TOKENS, rounds: ROUNDS, threads: THREADS, one: sOne, batched: sBatch, tokensOne, tokensBatched, speedup }, null, 2) + '\n');
console.log(`wrote ${out}`);
