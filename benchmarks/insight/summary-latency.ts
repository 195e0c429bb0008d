/**
 * `companion summary --week` over 50 entries with the builtin provider, through the real CLI (spawned).
 *
 *   npm run build && npx tsx benchmarks/insight/summary-latency.ts [--runs 5] [--out <json>]
 *
 * Builds a journal with the real `companion init` (default KDF) and imports 50 entries spread over the last
 * 7 days through the library. Times the first summary (which analyses and stores all 50 entries), then
 * warm runs, against two baselines measured in the same run: `companion list -n 1` (one KDF + start-up)
 * and a fresh process that only unlocks the vault (one KDF). Goal (issue 5): ≤ one KDF + 500 ms.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { initJournal, openBenchJournal } from '../lib/bench-journal.js';
import { runCliOk, staleBuildFiles } from '../lib/cli-runner.js';
import { probeKdf } from '../lib/kdf-probe.js';
import { describeMachine, machineInfo } from '../lib/machine.js';
import { summarize } from '../lib/stats.js';
import { syntheticJournal } from '../lib/synthetic-journal.js';
import { ms, renderTable } from '../lib/table.js';
import { makeTempDir, removeTempDir } from '../lib/temp-dir.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, out: { type: 'string', default: 'benchmarks/insight/results/summary-latency.json' } } });
const runs = Number(values.runs);
const stale = staleBuildFiles();
if (stale.length > 0) console.warn(`warning: dist/ is older than ${stale.length} source file(s) (e.g. ${stale[0]}); run npm run build`);

const root = makeTempDir('companion-bench-summary');
try {
  const dir = initJournal(root);
  const now = new Date();
  const bench = await openBenchJournal(dir);
  const items = [...syntheticJournal(50, { words: 120, from: new Date(now.getTime() - 6.5 * 86_400_000), to: now })];
  await bench.journal.importEntries(items.map((e) => ({ entry: { text: e.text, tags: e.tags, created: e.created } })));

  const cold = runCliOk(['summary', '--week', '--json'], dir.env);
  const coldReport = JSON.parse(cold.stdout) as { entries: number; analysedNow: number };
  const time = (args: string[]) => {
    const samples: number[] = [];
    const kdfs = new Set<number | null>();
    for (let i = 0; i < runs; i += 1) {
      const r = runCliOk(args, dir.env);
      samples.push(r.ms);
      kdfs.add(r.kdf);
    }
    return { timing: summarize(samples), kdf: [...kdfs] };
  };
  const summaryPlain = time(['summary', '--week']);
  const summaryJson = time(['summary', '--week', '--json']);
  const list = time(['list', '-n', '1']);
  const probes = Array.from({ length: runs }, () => probeKdf(dir.paths.vault, dir.passphrase));
  const kdfProcess = summarize(probes.map((p) => p.processMs));
  const kdfUnlock = summarize(probes.map((p) => p.unlockMs));
  const over = summaryPlain.timing.medianMs - kdfProcess.medianMs;

  const rows = [
    ['summary --week (first run: analyses 50)', ms(cold.ms), String(cold.kdf), `${coldReport.analysedNow} analysed, ${coldReport.entries} entries`],
    ['summary --week (plain, warm)', ms(summaryPlain.timing.medianMs), summaryPlain.kdf.join('/'), `p95 ${ms(summaryPlain.timing.p95Ms)}`],
    ['summary --week --json (warm)', ms(summaryJson.timing.medianMs), summaryJson.kdf.join('/'), `p95 ${ms(summaryJson.timing.p95Ms)}`],
    ['baseline: list -n 1', ms(list.timing.medianMs), list.kdf.join('/'), ''],
    ['baseline: process that only unlocks (one KDF)', ms(kdfProcess.medianMs), '1', `KDF itself ${ms(kdfUnlock.medianMs)}`],
  ];
  console.log(`${describeMachine(machineInfo())}\n`);
  console.log(renderTable(['run (median of ' + runs + ')', 'wall', 'KDFs', 'notes'], rows));
  console.log(`\nsummary (warm) − one-KDF process = ${ms(over)} (goal ≤ 500 ms: ${over <= 500 ? 'met' : 'NOT met'}); summary − list = ${ms(summaryPlain.timing.medianMs - list.timing.medianMs)}`);
  fs.mkdirSync(path.dirname(values.out), { recursive: true });
  fs.writeFileSync(values.out, JSON.stringify({
    machine: machineInfo(), runs, entries: 50,
    firstRun: { ms: cold.ms, kdf: cold.kdf, analysed: coldReport.analysedNow },
    summaryPlain, summaryJson, list, kdfProcess, kdfUnlock, overOneKdfMs: over, goalMet: over <= 500,
  }, null, 2) + '\n');
} finally {
  removeTempDir(root);
}
