/**
 * Latency of the built-in analyzer and summary (no model, no KDF).
 *
 *   npm run bench:insight -- [--out <json>]
 *
 * Times analyzeEntry (sentiment + themes) on synthetic entries of about 50, 150, 300 and 500 words (a long
 * diary entry) made of ten diary sentences, and on entries of 150 and 500 words made of distinct real sentences
 * (GoEmotions comments from fixtures/data, so nothing repeats), against a corpus built from 200 entries; and
 * summarizePeriod + builtinReflection over 50 analysed entries. The 500-word distinct texts are also timed on
 * first sight (their warm-up pass), and the first call in a process (lexicons decoded) is reported apart.
 * Wall time per call, and the process's CPU time per call (user + system, all threads), which a busy machine
 * inflates less. Prints the load average.
 * Targets (issue 5): one entry ≤ 5 ms; summary of 50 entries ≤ 500 ms on top of one KDF.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EMPTY_THEME_CORPUS, analyzeEntry, analyzeSentiment, buildThemeCorpus, extractThemes } from '../../src/core/analysis/index.js';
import { builtinReflection, summarizePeriod } from '../../src/core/summary/index.js';
import { countWords, type Entry } from '../../src/core/entry.js';
import { loadGoEmotionsGroup } from './goemotions.js';

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

/** Entries of about `words` words made of consecutive distinct fixture comments, each ended as a sentence. */
function variedTexts(words: number, count: number): string[] {
  const comments = loadGoEmotionsGroup('fixtures/data')?.examples.map((e) => e.text.trim().replace(/([^.!?])$/u, '$1.')) ?? [];
  if (comments.length === 0) return [];
  let next = 0;
  return Array.from({ length: count }, () => {
    const out: string[] = [];
    while (countWords(out.join(' ')) < words) out.push(comments[next++ % comments.length]!);
    return out.join(' ');
  });
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

function stats(samples: { wall: number; cpu: number }[]) {
  const wall = samples.map((s) => s.wall).sort((a, b) => a - b);
  const cpu = samples.map((s) => s.cpu).sort((a, b) => a - b);
  const r = (x: number) => Number(x.toFixed(3));
  return { n: wall.length, medianMs: r(quantile(wall, 0.5)), p95Ms: r(quantile(wall, 0.95)), maxMs: r(wall.at(-1) ?? 0), cpuMedianMs: r(quantile(cpu, 0.5)), cpuP95Ms: r(quantile(cpu, 0.95)) };
}

/** Time `f` on each input: wall clock and this process's CPU time (user + system). */
function time(inputs: string[], f: (t: string) => unknown) {
  return stats(inputs.map((t) => {
    const cpu = process.cpuUsage();
    const start = performance.now();
    f(t);
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    return { wall, cpu: (used.user + used.system) / 1000 };
  }));
}

// The first call in a process (lexicons loaded, nothing compiled yet), as a CLI command that saves one entry pays it.
const firstCall = time([text(500, 503)], (t) => analyzeEntry(t, EMPTY_THEME_CORPUS));
const corpus = buildThemeCorpus(Array.from({ length: 200 }, (_, i) => text(120, i)));
const loadAtStart = os.loadavg().map((x) => Number(x.toFixed(2)));
const rows: Record<string, ReturnType<typeof stats>> = {};
const cases: [string, string[]][] = [
  ...[50, 150, 300, 500].map((words): [string, string[]] => [`${words} words`, Array.from({ length: 100 }, (_, i) => text(words, i + words))]),
  ...[150, 500].map((words): [string, string[]] => [`${words} words, distinct`, variedTexts(words, 100)]).filter(([, inputs]) => inputs.length > 0),
];
// Warm-up: every input once, so the JIT has settled before anything is timed (20 calls were not enough). The
// 500-word distinct texts are warmed last and their warm-up is timed: comments the theme tagger's per-word shape
// memo has mostly not seen (beyond the first ~1,200, shared with the 150-word set), with the JIT settled.
const firstSight = cases.at(-1)?.[0] === '500 words, distinct' ? cases.at(-1) : undefined;
for (const [name, inputs] of cases) if (name !== firstSight?.[0]) for (const t of inputs) analyzeEntry(t, corpus);
if (firstSight) rows['analyzeEntry 500 words, distinct, first sight'] = time(firstSight[1], (t) => analyzeEntry(t, corpus));
for (const [name, inputs] of cases) {
  rows[`analyzeEntry ${name}`] = time(inputs, (t) => analyzeEntry(t, corpus));
  rows[`  sentiment only ${name}`] = time(inputs, analyzeSentiment);
  rows[`  themes only ${name}`] = time(inputs, (t) => extractThemes(t, corpus));
}

const entries: Entry[] = Array.from({ length: 50 }, (_, i) => {
  const body = text(150, i);
  const created = new Date(Date.UTC(2024, 4, 1 + Math.floor(i / 7), 6 + (i % 16))).toISOString();
  const analysis = analyzeEntry(body, corpus);
  return { id: `a${String(i).padStart(11, 'a')}`.slice(0, 12), created, updated: created, revision: 1, text: body, tags: [], starred: false, promptUsed: null, wordCount: countWords(body), durationSeconds: null, ...analysis };
});
const now = new Date(Date.UTC(2024, 4, 8, 20));
rows['analyzeEntry 500 words, first call in process'] = firstCall;
rows['summary of 50 entries (builtin)'] = time(Array.from({ length: 30 }, () => ''), () => builtinReflection(summarizePeriod(entries, { from: '2024-05-01', to: '2024-05-08' }, entries, now, { utcOffsetMinutes: 0 })));
const loadAtEnd = os.loadavg().map((x) => Number(x.toFixed(2)));

console.log(`node ${process.version}, ${process.platform}/${process.arch}, ${os.availableParallelism()} cores, load average ${loadAtStart.join(' ')} at start, ${loadAtEnd.join(' ')} at end`);
console.log(`${'case'.padEnd(42)} n    median ms  p95 ms   max ms   cpu med  cpu p95`);
for (const [name, r] of Object.entries(rows)) console.log(`${name.padEnd(42)} ${String(r.n).padEnd(4)} ${String(r.medianMs).padEnd(10)} ${String(r.p95Ms).padEnd(8)} ${String(r.maxMs).padEnd(8)} ${String(r.cpuMedianMs).padEnd(8)} ${r.cpuP95Ms}`);
const out = resolve(values.out ?? 'benchmarks/insight/results/latency.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ node: process.version, cores: os.availableParallelism(), loadAverage: { start: loadAtStart, end: loadAtEnd }, rows }, null, 2)}\n`);
console.log(`wrote ${out}`);
