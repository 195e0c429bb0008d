/**
 * The writing session's save path, timed alone and in-process (no terminal, no rendering): the checks run
 * before saving (PII without NER, as the session uses it; prompt injection), then the encrypted save with its
 * audit record and search-index refresh, on a journal of --entries entries (default 10,000).
 * Issue 6 asks the checks to add under 50 ms to the save path.
 *   npm run build && npx tsx benchmarks/session/save-path.ts [--entries 10000] [--reps 30] [--out file.json]
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildStore } from '../store/build-store.js';
import { openBenchJournal } from '../lib/bench-journal.js';
import { makeTempDir, removeTempDir } from '../lib/temp-dir.js';
import { summarize, timeMs } from '../lib/stats.js';
import { renderTable, ms } from '../lib/table.js';
import { machineInfo, describeMachine } from '../lib/machine.js';
import { detectPII } from '../../src/security/pii/index.js';
import { detectInjection } from '../../src/security/injection/index.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const entries = Number(arg('entries', '10000'));
const reps = Number(arg('reps', '30'));
const out = arg('out', 'benchmarks/results/save-path.json');

const SENTENCES = [
  'Woke up early and walked to the bakery before work.',
  'The meeting ran long, and I felt tired but oddly calm afterwards.',
  'Called my sister in the evening; we talked about the trip in June.',
  'I keep thinking about what Sam said on Tuesday about moving cities.',
  'Rain all afternoon, so I read by the window with a pot of tea.',
];
/** About 500 words of diary-like text, with one e-mail address and one phone number in it. */
function entryText(seed: number): string {
  const words: string[] = [];
  let i = seed;
  while (words.length < 500) words.push(...SENTENCES[i++ % SENTENCES.length]!.split(' '));
  return `${words.join(' ')} Reach me at sam.taylor@example.com or 415-555-0132.`;
}

const root = makeTempDir('companion-save-path-');
try {
  console.log(describeMachine(machineInfo()));
  const store = await buildStore(root, entries);
  const open = await openBenchJournal(store);
  const checks: number[] = [];
  const saves: number[] = [];
  for (let r = 0; r < reps + 3; r += 1) {
    const text = entryText(r);
    const { ms: check } = await timeMs(() => {
      detectPII(text, { ner: false });
      detectInjection(text);
    });
    const started = performance.now();
    await open.journal.create({ text, tags: [] });
    const save = performance.now() - started;
    if (r >= 3) { // the first runs warm the JIT
      checks.push(check);
      saves.push(save);
    }
  }
  const c = summarize(checks);
  const s = summarize(saves);
  console.log(`\nsave path on a ${entries.toLocaleString('en')}-entry journal, 500-word entries, ${reps} runs`);
  console.log(renderTable(['step', 'median', 'p95', 'max'], [
    ['checks (PII without NER + injection)', ms(c.medianMs), ms(c.p95Ms), ms(c.maxMs)],
    ['encrypted save (entry, audit record, search index)', ms(s.medianMs), ms(s.p95Ms), ms(s.maxMs)],
  ]));
  console.log(`checks add ${ms(c.medianMs)} (p95 ${ms(c.p95Ms)}) to the save path: goal < 50 ms ${c.p95Ms < 50 ? 'met' : 'NOT met'}`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ entries, reps, checks: c, save: s, machine: machineInfo() }, null, 2) + '\n');
  console.log(`wrote ${out}`);
} finally {
  removeTempDir(root);
}
