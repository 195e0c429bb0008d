/**
 * Audit log performance (issue 3).
 *
 *   npm run bench:audit -- [--sizes 1000,10000,100000] [--reps 5] [--appends 60] [--out file.json]
 *
 * One journal made by the real `companion init` (default KDF); its audit log is grown through
 * AuditLog.append in batches of 10,000 non-entry events (unlocks, exports, warnings) to each size. At
 * each size: `companion audit verify` spawned (one KDF, MACs checked; must pass), the same with
 * `--no-unlock` (no KDF, chain only), and verifyAudit in-process (the verification alone). Then the cost
 * one appended record adds to a command: AuditLog.append of one event in-process, and the end-of-command
 * path (AuditTrail.record + flush: writer lock + append), on the largest log and on a fresh one.
 * Goals: verify of 100,000 records < one KDF + 1 s; one append < 5 ms.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { auditKeys } from '../../src/security/audit-log.js';
import { verifyAudit } from '../../src/security/audit-verify.js';
import { readVaultHeader } from '../../src/security/vault-header.js';
import { openBenchJournal, initJournal, type BenchJournal } from '../lib/bench-journal.js';
import { REPO_ROOT, runCli, staleBuildFiles } from '../lib/cli-runner.js';
import { probeKdf } from '../lib/kdf-probe.js';
import { describeMachine, machineInfo } from '../lib/machine.js';
import { summarize, type Timing } from '../lib/stats.js';
import { ms, renderTable } from '../lib/table.js';
import { makeTempDir } from '../lib/temp-dir.js';
import { growLog, syntheticEvent } from './build-log.js';
import { seededRandom } from '../lib/synthetic-journal.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    reps: { type: 'string', default: '5' },
    appends: { type: 'string', default: '60' },
    out: { type: 'string', default: 'benchmarks/results/audit.json' },
  },
});
const sizes = values.sizes.split(',').map((s) => Number(s.trim())).sort((a, b) => a - b);
const reps = Number(values.reps);
const appends = Number(values.appends);
if (sizes.some((n) => !Number.isInteger(n) || n < 2) || !(reps >= 1) || !(appends >= 5)) {
  console.error('usage: --sizes N,N,... --reps N --appends N (≥ 5)');
  process.exit(2);
}

const started = performance.now();
const machineAtStart = machineInfo();
console.log(describeMachine(machineAtStart));
const stale = staleBuildFiles();
if (stale.length) console.log(`WARNING: dist/ is older than ${stale.length} source file(s): run \`npm run build\` first, the CLI runs dist/.`);

const dir = initJournal(makeTempDir('companion-bench-audit'));
const open = await openBenchJournal(dir);
const median = (xs: number[]) => summarize(xs).medianMs;

interface VerifyFigures {
  records: number;
  grow: { appended: number; batches: number; ms: number; perRecordMs: number };
  kdf: Timing;
  kdfCpu: Timing;
  cliVerify: Timing & { kdfCounts: Array<number | null>; overKdfMs: number; cpuMedianMs: number | null };
  cliVerifyNoUnlock: Timing & { kdfCounts: Array<number | null>; cpuMedianMs: number | null };
  inProcessVerify: Timing;
}

function cliVerify(args: string[], expectRecords: number): { ms: number; kdf: number | null; cpuMs: number | null } {
  const r = runCli(['audit', 'verify', '--json', ...args], dir.env);
  const report = JSON.parse(r.stdout || '{}') as { ok?: boolean; records?: number };
  if (r.code !== 0 || !report.ok) throw new Error(`audit verify ${args.join(' ')} failed (exit ${String(r.code)}): ${r.stdout.slice(0, 400)} ${r.stderr.trim()}`);
  if ((report.records ?? 0) < expectRecords) throw new Error(`audit verify saw ${String(report.records)} records, expected ≥ ${expectRecords}`);
  return { ms: r.ms, kdf: r.kdf, cpuMs: r.cpuMs };
}

const figures: VerifyFigures[] = [];
let records = fs.readFileSync(dir.paths.audit, 'utf8').split('\n').length - 1;
for (const size of sizes) {
  const grow = await growLog(open, records, size, 10_000, size);
  records = size;
  const probes = Array.from({ length: reps }, () => probeKdf(dir.paths.vault, dir.passphrase));
  const kdf = summarize(probes.map((p) => p.unlockMs));
  const kdfCpu = summarize(probes.map((p) => p.unlockCpuMs));
  cliVerify([], records); // warm-up (page cache); each unlocked verify appends one vault.unlocked record
  const runs = Array.from({ length: reps }, () => cliVerify([], records));
  records += reps + 1;
  const noUnlock = Array.from({ length: reps }, () => cliVerify(['--no-unlock'], records));
  const keys = auditKeys(open.vault);
  const inProc = Array.from({ length: reps }, () => {
    const header = readVaultHeader(dir.paths.vault);
    const start = performance.now();
    const report = verifyAudit({ logText: fs.readFileSync(dir.paths.audit, 'utf8'), vaultId: header.vaultId, checkpoint: header.audit, keys, entries: [] });
    const t = performance.now() - start;
    if (!report.ok) throw new Error(`verifyAudit failed in-process: ${report.problems[0]?.message ?? '?'}`);
    return t;
  });
  const wall = summarize(runs.map((r) => r.ms));
  const cpus = runs.map((r) => r.cpuMs);
  figures.push({
    records: size,
    grow: { ...grow, perRecordMs: Number((grow.ms / Math.max(1, grow.appended)).toFixed(4)) },
    kdf,
    kdfCpu,
    cliVerify: { ...wall, kdfCounts: runs.map((r) => r.kdf), overKdfMs: Number((wall.medianMs - kdf.medianMs).toFixed(1)), cpuMedianMs: cpus.every((c) => c !== null) ? median(cpus as number[]) : null },
    cliVerifyNoUnlock: { ...summarize(noUnlock.map((r) => r.ms)), kdfCounts: noUnlock.map((r) => r.kdf), cpuMedianMs: noUnlock.every((r) => r.cpuMs !== null) ? median(noUnlock.map((r) => r.cpuMs!)) : null },
    inProcessVerify: summarize(inProc),
  });
  console.log(`${size.toLocaleString('en')} records: grown in ${(grow.ms / 1000).toFixed(1)} s; verify median ${ms(wall.medianMs)} (KDF ${ms(kdf.medianMs)})`);
}

/** Time `n` single-event appends (in-process), wall and CPU, after 3 warm-ups. */
async function timeAppends(target: BenchJournal, n: number, viaTrail: boolean): Promise<{ wall: Timing; cpu: Timing }> {
  const rnd = seededRandom(99);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n + 3; i += 1) {
    const event = syntheticEvent(rnd);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    if (viaTrail) {
      target.audit.record(event.type, event.severity, event.details);
      await target.audit.flush();
    } else if (!(await target.lock.withLock(() => target.log.append([event])))) {
      throw new Error('append refused');
    }
    const t = performance.now() - t0;
    const used = process.cpuUsage(c0);
    if (i >= 3) {
      wall.push(t);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  return { wall: summarize(wall), cpu: summarize(cpu) };
}

const fresh = await openBenchJournal(initJournal(makeTempDir('companion-bench-audit-small')));
const largest = sizes.at(-1)!;
const appendRows = {
  [`AuditLog.append(1 event), ${largest.toLocaleString('en')}-record log`]: await timeAppends(open, appends, false),
  [`record + flush (lock + append), ${largest.toLocaleString('en')}-record log`]: await timeAppends(open, appends, true),
  'AuditLog.append(1 event), new log': await timeAppends(fresh, appends, false),
  'record + flush (lock + append), new log': await timeAppends(fresh, appends, true),
};
// The log must still verify after every append above.
cliVerify([], largest);

console.log('\naudit verify (spawned CLI; X = median − KDF median at the same size)');
console.log(renderTable(
  ['records', 'KDF', 'verify wall', 'p95', 'KDF + X', 'CPU', 'KDF CPU', 'KDF runs', '--no-unlock', 'in-process verify', 'build per record'],
  figures.map((f) => [
    f.records.toLocaleString('en'), ms(f.kdf.medianMs), ms(f.cliVerify.medianMs), ms(f.cliVerify.p95Ms), `KDF + ${ms(f.cliVerify.overKdfMs)}`,
    f.cliVerify.cpuMedianMs === null ? '—' : ms(f.cliVerify.cpuMedianMs), ms(f.kdfCpu.medianMs),
    [...new Set(f.cliVerify.kdfCounts.map(String))].join('/'), ms(f.cliVerifyNoUnlock.medianMs), ms(f.inProcessVerify.medianMs), `${(f.grow.perRecordMs * 1000).toFixed(1)} µs`,
  ]),
));
console.log(`\none appended record (${appends} appends each, in-process)`);
console.log(renderTable(['case', 'wall median', 'wall p95', 'CPU median', 'CPU p95'], Object.entries(appendRows).map(([k, v]) => [k, ms(v.wall.medianMs), ms(v.wall.p95Ms), ms(v.cpu.medianMs), ms(v.cpu.p95Ms)])));

const big = figures.find((f) => f.records === 100_000);
const mainAppend = appendRows[`record + flush (lock + append), ${largest.toLocaleString('en')}-record log`]!;
const goals = [
  ...(big ? [{ goal: 'audit verify of 100,000 records < one KDF + 1 s (wall)', measured: `KDF + ${ms(big.cliVerify.overKdfMs)}`, met: big.cliVerify.overKdfMs < 1000 }] : []),
  { goal: 'one appended record < 5 ms (record + flush, median)', measured: `${ms(mainAppend.wall.medianMs)} (p95 ${ms(mainAppend.wall.p95Ms)})`, met: mainAppend.wall.medianMs < 5 },
  { goal: 'exactly one KDF per unlocked verify, none with --no-unlock', measured: figures.every((f) => f.cliVerify.kdfCounts.every((k) => k === 1) && f.cliVerifyNoUnlock.kdfCounts.every((k) => k === 0)) ? 'yes' : 'no', met: figures.every((f) => f.cliVerify.kdfCounts.every((k) => k === 1) && f.cliVerifyNoUnlock.kdfCounts.every((k) => k === 0)) },
];
console.log('\nGoals (issue 3)');
console.log(renderTable(['goal', 'measured', 'met'], goals.map((g) => [g.goal, g.measured, g.met ? 'yes' : 'NO'])));

const machineAtEnd = machineInfo();
const totalMs = performance.now() - started;
console.log(`\ntotal ${(totalMs / 1000).toFixed(0)} s; load average at end ${machineAtEnd.loadAverage.join(' ')}`);
const out = path.resolve(REPO_ROOT, values.out);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify({ benchmark: 'audit', settings: { sizes, reps, appends }, machineAtStart, machineAtEnd, staleBuild: stale, totalMs: Math.round(totalMs), verify: figures, append: appendRows, goals }, null, 2)}\n`);
console.log(`wrote ${path.relative(REPO_ROOT, out)}`);
