/**
 * Latency of detectPoisoning on a 500-word entry given a precomputed embedding (goal: < 5 ms), and of
 * building the baseline it is scored against.
 *
 *   npx tsx benchmarks/security/poisoning-latency.ts [--out <file.json>]
 *
 * The journal is 60 entries of one synthetic diarist (tests/helpers/one-voice.ts) with stand-in 512-d unit
 * vectors as embeddings (the embedder's own cost is not detectPoisoning's); 20 warm-up and 200 timed runs;
 * median and p95 in milliseconds, with the load average at the start.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { buildStyleBaseline, detectPoisoning } from '../../src/security/poisoning/index.js';
import { createRng } from '../../src/core/prompts/rng.js';
import { diaryEntries, makePersona } from '../../tests/helpers/one-voice.js';

function time(fn: () => void, runs = 200): { medianMs: number; p95Ms: number } {
  for (let i = 0; i < 20; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(runs / 2)]!, p95Ms: samples[Math.floor(runs * 0.95)]! };
}

const rand = createRng(11);
const vector = (): number[] => Array.from({ length: 512 }, () => rand() - 0.5);
const persona = makePersona(11);
const journal = diaryEntries(persona, 60, 11);
const embeddings = journal.map(vector);
const pool = diaryEntries(persona, 400, 12).join(' ').split(/\s+/);
const entry = pool.slice(0, 500).join(' ');
const embedding = vector();
const baseline = buildStyleBaseline(journal, embeddings);
const load = loadavg()[0]!;
const results = {
  words: entry.split(/\s+/).length,
  loadAverage1m: Math.round(load * 100) / 100,
  'detectPoisoning (500 words, with embedding)': time(() => detectPoisoning(entry, baseline, { embedding })),
  'detectPoisoning (500 words, no embedding)': time(() => detectPoisoning(entry, baseline)),
  'buildStyleBaseline (60 entries, with embeddings)': time(() => buildStyleBaseline(journal, embeddings), 20),
};
console.log(`poisoning latency (ms; goal < 5 for detectPoisoning); load average ${load.toFixed(2)}`);
for (const [name, r] of Object.entries(results)) {
  if (typeof r === 'number') continue;
  console.log(`${name.padEnd(50)} median ${r.medianMs.toFixed(2).padStart(7)}  p95 ${r.p95Ms.toFixed(2).padStart(7)}`);
}
const outIdx = process.argv.indexOf('--out');
if (outIdx !== -1 && process.argv[outIdx + 1]) writeFileSync(process.argv[outIdx + 1]!, `${JSON.stringify(results, null, 2)}\n`);
