/**
 * Latency of the built-in analyzer and summary (no model, no KDF).
 *
 *   npm run bench:insight -- [--out <json>]
 *
 * Times analyzeEntry (sentiment + themes) on synthetic entries of about 50, 150 and 300 words against a
 * corpus built from 200 entries, and summarizePeriod + builtinReflection over 50 analysed entries.
 * Targets (issue 5): one entry ≤ 5 ms; summary of 50 entries ≤ 500 ms on top of one KDF.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeEntry, analyzeSentiment, buildThemeCorpus, extractThemes } from '../../src/core/analysis/index.js';
import { builtinReflection, summarizePeriod } from '../../src/core/summary/index.js';
import { countWords, type Entry } from '../../src/core/entry.js';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'benchmarks/insight/results/latency.json' } } });

const SENTENCES = [
  'Had coffee with Sarah at the cafe near the station this morning.',
  'Work was stressful and the meeting with my manager ran long.',
  'I went running along the river after and felt a lot better.',
  'Mum called about the plans for the holidays, she sounded tired.',
  'I keep thinking about the job offer and whether I should take it.',
  'The evening was quiet, I read a few chapters and made soup.',
  'Could not sleep well, worried about money and the rent again.',
  'Priya and I went climbing at the gym and laughed the whole time.',
  'It rained all day so I stayed home and painted for hours.',
  'Honestly I feel stuck but also a little hopeful about next week.',
];

function text(words: number, seed: number): string {
  const out: string[] = [];
  for (let i = 0; countWords(out.join(' ')) < words; i += 1) out.push(SENTENCES[(seed * 3 + i * 7) % SENTENCES.length] ?? '');
  return out.join(' ');
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { n: sorted.length, medianMs: Number(at(0.5).toFixed(3)), p95Ms: Number(at(0.95).toFixed(3)), maxMs: Number((sorted.at(-1) ?? 0).toFixed(3)) };
}

const corpus = buildThemeCorpus(Array.from({ length: 200 }, (_, i) => text(120, i)));
const rows: Record<string, ReturnType<typeof stats>> = {};
for (const words of [50, 150, 300]) {
  const inputs = Array.from({ length: 60 }, (_, i) => text(words, i + words));
  for (const t of inputs.slice(0, 10)) analyzeEntry(t, corpus); // warm-up
  const samples = inputs.map((t) => {
    const start = performance.now();
    analyzeEntry(t, corpus);
    return performance.now() - start;
  });
  rows[`analyzeEntry ${words} words`] = stats(samples);
  const time = (f: (t: string) => unknown) => stats(inputs.map((t) => { const start = performance.now(); f(t); return performance.now() - start; }));
  rows[`  sentiment only ${words} words`] = time(analyzeSentiment);
  rows[`  themes only ${words} words`] = time((t) => extractThemes(t, corpus));
}

const entries: Entry[] = Array.from({ length: 50 }, (_, i) => {
  const body = text(150, i);
  const created = new Date(Date.UTC(2024, 4, 1 + Math.floor(i / 7), 6 + (i % 16))).toISOString();
  const analysis = analyzeEntry(body, corpus);
  return { id: `a${String(i).padStart(11, 'a')}`.slice(0, 12), created, updated: created, revision: 1, text: body, tags: [], starred: false, promptUsed: null, wordCount: countWords(body), durationSeconds: null, ...analysis };
});
const now = new Date(Date.UTC(2024, 4, 8, 20));
const summarySamples = Array.from({ length: 30 }, () => {
  const start = performance.now();
  builtinReflection(summarizePeriod(entries, { from: '2024-05-01', to: '2024-05-08' }, entries, now, { utcOffsetMinutes: 0 }));
  return performance.now() - start;
});
rows['summary of 50 entries (builtin)'] = stats(summarySamples);

console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
console.log('case                               n    median ms  p95 ms   max ms');
for (const [name, r] of Object.entries(rows)) console.log(`${name.padEnd(34)} ${String(r.n).padEnd(4)} ${String(r.medianMs).padEnd(10)} ${String(r.p95Ms).padEnd(8)} ${r.maxMs}`);
const out = resolve(values.out ?? 'benchmarks/insight/results/latency.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ node: process.version, rows }, null, 2)}\n`);
console.log(`wrote ${out}`);
