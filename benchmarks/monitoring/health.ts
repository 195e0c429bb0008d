/**
 * `companion health --json` on a large journal (issue 8 goal: ≤ one KDF + 300 ms at 10,000 entries).
 *
 *   npm run bench:health -- [--entries 10000] [--reps 5] [--out benchmarks/monitoring/results/health.json]
 *
 * Builds a synthetic journal fast through the library (real `companion init` with the default KDF, one
 * unlock, one Journal.importEntries batch), then spawns the built CLI (`node bin/companion.js`): the
 * process-start baseline (`--version`), a fresh-process KDF probe, `health --json` (must exit 0 with
 * exactly one KDF) and `health --json --no-unlock`. Reports health as "one KDF + X", with the median
 * time of every check from the JSON report.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCliOk, staleBuildFiles } from '../lib/cli-runner.js';
import { probeKdf } from '../lib/kdf-probe.js';
import { describeMachine, machineInfo } from '../lib/machine.js';
import { summarize } from '../lib/stats.js';
import { ms, renderTable } from '../lib/table.js';
import { makeTempDir, removeTempDir } from '../lib/temp-dir.js';
import { buildStore } from '../store/build-store.js';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '10000' },
    reps: { type: 'string', default: '5' },
    out: { type: 'string', default: 'benchmarks/monitoring/results/health.json' },
  },
});
const entries = Number(values.entries);
const reps = Number(values.reps);
if (!Number.isInteger(entries) || entries < 1 || !Number.isInteger(reps) || reps < 1) {
  console.error('usage: --entries N --reps N');
  process.exit(2);
}

const GOAL_OVER_KDF_MS = 300;
const machine = machineInfo();
console.log(describeMachine(machine));
const stale = staleBuildFiles();
if (stale.length) console.log(`WARNING: dist/ is older than ${stale.length} source file(s) (${stale.slice(0, 5).join(', ')}…): run \`npm run build\` first.`);

const scratch = makeTempDir('companion-bench-health');
console.log(`building a journal of ${entries} entries…`);
const store = await buildStore(scratch, entries);
console.log(`built in ${ms(store.timings.totalMs)} (import ${ms(store.timings.importMs)})`);

interface HealthJson { healthy: boolean; checks: Array<{ name: string; status: string; durationMs: number }>; journal: { entries: number } }

const runHealth = (extra: string[]) => {
  const r = runCliOk(['health', '--json', ...extra], store.env);
  const report = JSON.parse(r.stdout) as HealthJson;
  if (report.journal.entries !== entries) throw new Error(`health saw ${report.journal.entries} entries, expected ${entries}`);
  return { ms: r.ms, kdf: r.kdf, report };
};

runCliOk(['--version'], store.env); // warm-up
const version = summarize(Array.from({ length: Math.max(reps, 5) }, () => runCliOk(['--version'], store.env).ms));
const kdfRuns = Array.from({ length: reps }, () => probeKdf(store.paths.vault, store.passphrase));
const kdf = summarize(kdfRuns.map((k) => k.unlockMs));

runHealth([]); // warm-up (file cache)
const full = Array.from({ length: reps }, () => runHealth([]));
for (const r of full) {
  if (r.kdf !== 1) throw new Error(`health ran ${String(r.kdf)} KDFs, expected exactly 1`);
  const failed = r.report.checks.filter((c) => c.status === 'fail');
  if (failed.length) throw new Error(`health failed: ${failed.map((c) => c.name).join(', ')}`);
}
const noUnlock = Array.from({ length: reps }, () => runHealth(['--no-unlock']));
for (const r of noUnlock) if (r.kdf !== 0) throw new Error(`health --no-unlock ran ${String(r.kdf)} KDFs`);

const health = summarize(full.map((r) => r.ms));
const healthNoUnlock = summarize(noUnlock.map((r) => r.ms));
const overKdf = health.medianMs - kdf.medianMs;
const checkNames = full[0]!.report.checks.map((c) => c.name);
const perCheck = Object.fromEntries(checkNames.map((name) => [name, summarize(full.map((r) => r.report.checks.find((c) => c.name === name)!.durationMs))]));

console.log('');
console.log(renderTable(['run', 'median', 'p95', 'min', 'max'], [
  ['node bin/companion.js --version (process start)', version],
  ['KDF alone (fresh-process unlock probe)', kdf],
  [`health --json (${entries} entries)`, health],
  [`health --json --no-unlock`, healthNoUnlock],
].map(([label, t]) => [label as string, ...[(t as typeof kdf).medianMs, (t as typeof kdf).p95Ms, (t as typeof kdf).minMs, (t as typeof kdf).maxMs].map(ms)])));
console.log('');
console.log(renderTable(['check (inside health --json)', 'median', 'max'], checkNames.map((n) => [n, ms(perCheck[n]!.medianMs), ms(perCheck[n]!.maxMs)])));
console.log('');
const met = overKdf <= GOAL_OVER_KDF_MS;
console.log(`health --json = one KDF (${ms(kdf.medianMs)}) + ${ms(overKdf)} (process start ${ms(version.medianMs)} included); goal ≤ KDF + ${GOAL_OVER_KDF_MS} ms: ${met ? 'MET' : 'NOT MET'}`);

const result = {
  benchmark: 'health',
  command: `npm run bench:health -- --entries ${entries} --reps ${reps}`,
  machine,
  staleBuild: stale,
  entries,
  build: store.timings,
  versionMs: version,
  kdfMs: kdf,
  healthMs: health,
  healthNoUnlockMs: healthNoUnlock,
  healthOverKdfMedianMs: Number(overKdf.toFixed(1)),
  goalOverKdfMs: GOAL_OVER_KDF_MS,
  goalMet: met,
  checksMs: perCheck,
};
fs.mkdirSync(path.dirname(values.out), { recursive: true });
fs.writeFileSync(values.out, JSON.stringify(result, null, 2) + '\n');
console.log(`wrote ${values.out}`);
removeTempDir(scratch);
