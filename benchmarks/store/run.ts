/**
 * Store and CLI performance at 1,000 / 10,000 / 100,000 entries (issue 2).
 *
 *   npm run bench:store -- [--sizes 1000,10000,100000] [--reps 7] [--heavy-reps 5] [--out file.json]
 *
 * For each size: build a synthetic journal fast through the library (real `companion init`, one
 * unlock, one Journal.importEntries batch), then time the real CLI (`node bin/companion.js`, spawned):
 * list 20, search a planted word, export all as JSON to a file, add one entry, and `audit verify`
 * (which must pass). The KDF is measured in the same run by a fresh process that only unlocks, so each
 * figure reads "one KDF + X ms"; --version and --help give the process-start baseline. Every command
 * reports its KDF count through COMPANION_DEBUG_COUNTERS (must be exactly 1). Search and export run
 * --heavy-reps times (at most 3 from 50,000 entries, where one run takes seconds), the rest --reps times.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, cliEnv, runCliOk, staleBuildFiles } from '../lib/cli-runner.js';
import { probeKdf } from '../lib/kdf-probe.js';
import { describeMachine, machineInfo } from '../lib/machine.js';
import { summarize, type Timing } from '../lib/stats.js';
import { ms, renderTable } from '../lib/table.js';
import { makeTempDir, removeTempDir } from '../lib/temp-dir.js';
import { buildStore } from './build-store.js';
import { interleavedAddList } from './interleaved.js';
import { measureStore, type SizeResult } from './measure.js';
import { checkGoals, goalTable, growthTable, sizeTable, type Baseline } from './report.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    reps: { type: 'string', default: '7' },
    'heavy-reps': { type: 'string', default: '5' },
    out: { type: 'string', default: 'benchmarks/results/store.json' },
  },
});
const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
const reps = Number(values.reps);
const heavyReps = Number(values['heavy-reps']);
if (sizes.some((n) => !Number.isInteger(n) || n < 20) || !(reps >= 1) || !(heavyReps >= 1)) {
  console.error('usage: --sizes N,N,... (each ≥ 20) --reps N --heavy-reps N');
  process.exit(2);
}

const started = performance.now();
const machineAtStart = machineInfo();
console.log(describeMachine(machineAtStart));
const stale = staleBuildFiles();
if (stale.length) console.log(`WARNING: dist/ is older than ${stale.length} source file(s) (${stale.slice(0, 5).join(', ')}…): run \`npm run build\` first, the CLI runs dist/.`);

function timed(args: string[], env: Record<string, string>, n: number): Timing & { cpuMedianMs: number | null } {
  runCliOk(args, env); // warm-up
  const runs = Array.from({ length: n }, () => runCliOk(args, env));
  const cpu = runs.every((r) => r.cpuMs !== null) ? summarize(runs.map((r) => r.cpuMs!)).medianMs : null;
  return { ...summarize(runs.map((r) => r.ms)), cpuMedianMs: cpu };
}

const scratch = makeTempDir('companion-bench-store');
const home = path.join(scratch, 'home');
fs.mkdirSync(home);
const bareEnv = cliEnv(path.join(scratch, 'no-journal'), null, home);
const version = timed(['--version'], bareEnv, Math.max(reps, 10));
const help = timed(['--help'], bareEnv, Math.max(reps, 10));
console.log(`--version median ${version.medianMs} ms (CPU ${String(version.cpuMedianMs)} ms), --help median ${help.medianMs} ms (CPU ${String(help.cpuMedianMs)} ms)`);

const results: SizeResult[] = [];
const stores: Array<{ store: Awaited<ReturnType<typeof buildStore>>; root: string }> = [];
const kdfBySize: Record<number, Timing> = {};
const kdfSamples: number[] = [];
const kdfCpuBySize: Record<number, Timing> = {};
const kdfCpuSamples: number[] = [];
for (const n of sizes) {
  const root = makeTempDir(`companion-bench-${n}`);
  console.log(`\nbuilding ${n.toLocaleString('en')} entries…`);
  const store = await buildStore(root, n);
  console.log(`  built in ${(store.timings.totalMs / 1000).toFixed(1)} s (import ${(store.timings.importMs / 1000).toFixed(1)} s, ${(store.timings.importMs / n).toFixed(2)} ms/entry)`);
  const probes = Array.from({ length: reps }, () => probeKdf(store.paths.vault, store.passphrase));
  kdfSamples.push(...probes.map((p) => p.unlockMs));
  kdfCpuSamples.push(...probes.map((p) => p.unlockCpuMs));
  const kdf = summarize(probes.map((p) => p.unlockMs));
  const kdfCpu = summarize(probes.map((p) => p.unlockCpuMs));
  kdfBySize[n] = kdf;
  kdfCpuBySize[n] = kdfCpu;
  const result = measureStore(store, { reps, heavyReps: n >= 50_000 ? Math.min(heavyReps, 3) : heavyReps, kdf: { medianMs: kdf.medianMs, cpuMedianMs: kdfCpu.medianMs }, workDir: root });
  results.push(result);
  console.log(sizeTable(result, kdf, kdfCpu));
  console.log(`  checks: ${Object.entries(result.checks).map(([k, v]) => `${k}: ${v}`).join('; ')}; store ${(result.storeBytes / 2 ** 20).toFixed(1)} MiB`);
  stores.push({ store, root });
}

// Stores are kept until here so add and list can be compared across sizes in rotation.
const interleaved = stores.length > 1 ? interleavedAddList(stores.map((s) => s.store), reps) : [];
for (const { root } of stores) removeTempDir(root);

const baseline: Baseline = { version, help, kdfBySize, kdf: summarize(kdfSamples), kdfCpuBySize, kdfCpu: summarize(kdfCpuSamples) };
const goals = checkGoals(results, baseline, interleaved);
console.log(`\nGrowth (X = command median − KDF median of the same size; one KDF ≈ ${baseline.kdf.medianMs} ms wall, ${baseline.kdfCpu.medianMs} ms CPU; process start (--version) ≈ ${version.medianMs} ms)`);
console.log(growthTable(results));
if (interleaved.length) {
  console.log(`\nadd and list run in rotation over all stores (${reps} rounds; wall medians, comparable across sizes)`);
  console.log(renderTable(['entries', 'add median', 'add p95', 'list median', 'list p95'], interleaved.map((r) => [r.entries.toLocaleString('en'), ms(r.add.medianMs), ms(r.add.p95Ms), ms(r.list.medianMs), ms(r.list.p95Ms)])));
}
console.log('\nGoals (issue 2)');
console.log(goalTable(goals));
removeTempDir(scratch);

const machineAtEnd = machineInfo();
const totalMs = performance.now() - started;
console.log(`\ntotal ${(totalMs / 1000).toFixed(0)} s; load average at end ${machineAtEnd.loadAverage.join(' ')}`);
const out = path.resolve(REPO_ROOT, values.out);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify({ benchmark: 'store', settings: { sizes, reps, heavyReps }, machineAtStart, machineAtEnd, staleBuild: stale, totalMs: Math.round(totalMs), baseline, results, interleaved, goals }, null, 2)}\n`);
console.log(`wrote ${path.relative(REPO_ROOT, out)}`);
