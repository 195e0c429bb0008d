/**
 * Writing-session performance on a large journal (issue 7).
 *
 *   npm run bench:session -- [--entries 10000] [--reps 5] [--out benchmarks/session/results.json]
 *
 * Builds a synthetic journal fast through the library (as bench:store does), then runs the built binary
 * (`npm run build` first) on a pseudo-terminal (util-linux `script`, 80×24) and measures:
 *  - launch → editor ready: spawn until "Start writing" is drawn (passphrase from a file: one KDF),
 *    against a fresh-process KDF probe and `--version` measured in the same run;
 *  - keystroke → screen: a key written to the terminal until its character is drawn, while idle and
 *    just after the idle threshold, when the continuation prompt is being generated;
 *  - save: Ctrl+D until "Saved." is drawn (PII and injection checks, encryption, write, audit append).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCliOk, staleBuildFiles } from '../lib/cli-runner.js';
import { probeKdf } from '../lib/kdf-probe.js';
import { describeMachine, machineInfo } from '../lib/machine.js';
import { summarize, type Timing } from '../lib/stats.js';
import { ms, renderTable } from '../lib/table.js';
import { makeTempDir, removeTempDir } from '../lib/temp-dir.js';
import { buildStore } from '../store/build-store.js';
import { startPty } from './pty.js';

const { values } = parseArgs({ options: { entries: { type: 'string', default: '10000' }, reps: { type: 'string', default: '5' }, out: { type: 'string', default: 'benchmarks/session/results.json' } } });
const entries = Number(values.entries);
const reps = Number(values.reps);
console.log(describeMachine(machineInfo()));
const stale = staleBuildFiles();
if (stale.length) console.log(`WARNING: dist/ is older than ${stale.length} source file(s): run \`npm run build\` first.`);

const scratch = makeTempDir('companion-bench-session');
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));
try {
  const built = await buildStore(scratch, entries);
  console.log(`journal: ${entries} entries built in ${ms(built.timings.totalMs)}`);
  fs.writeFileSync(built.paths.config, JSON.stringify({ prompts: { timing_threshold_seconds: 1 } }));
  const env = { ...built.env, COMPANION_AUTOSAVE_MS: '60000' };
  delete (env as Record<string, string | undefined>).COMPANION_DEBUG_COUNTERS;

  const launch: number[] = [];
  const kdf: number[] = [];
  const version: number[] = [];
  const idleKeys: number[] = [];
  const busyKeys: number[] = [];
  const saves: number[] = [];
  const alphabet = 'abcdefghijklmnopqrstuvwxyz';
  const typeKey = async (pty: ReturnType<typeof startPty>, typed: { text: string }) => {
    const ch = alphabet[typed.text.length % alphabet.length]!;
    typed.text += ch;
    const from = pty.output().length;
    const start = performance.now();
    pty.send(ch);
    const seen = await pty.waitFor(typed.text.slice(-8), from);
    return seen - start;
  };
  for (let i = 0; i < reps; i += 1) {
    version.push(runCliOk(['--version'], env).ms);
    kdf.push(probeKdf(built.paths.vault, built.passphrase).unlockMs);
    const start = performance.now();
    const pty = startPty(env);
    launch.push((await pty.waitFor('Start writing')) - start);
    await pty.waitFor('?', 0); // the opening prompt is drawn
    const typed = { text: '' };
    for (let k = 0; k < 10; k += 1) idleKeys.push(await typeKey(pty, typed));
    await sleep(1_000); // the idle threshold passes: the continuation prompt is being generated now
    for (let k = 0; k < 10; k += 1) busyKeys.push(await typeKey(pty, typed));
    const from = pty.output().length;
    const saveStart = performance.now();
    pty.send('\x04');
    saves.push((await pty.waitFor('Saved.', from)) - saveStart);
    await pty.exited;
  }
  const rows: Array<[string, Timing]> = [
    ['process start (--version)', summarize(version)],
    ['KDF (fresh process, unlock only)', summarize(kdf)],
    ['launch → editor ready', summarize(launch)],
    ['keystroke → screen (idle)', summarize(idleKeys)],
    ['keystroke → screen (prompt generating)', summarize(busyKeys)],
    ['save (Ctrl+D → "Saved.")', summarize(saves)],
  ];
  console.log(renderTable(['measure', 'n', 'median', 'p95', 'max'], rows.map(([name, t]) => [name, String(t.n), ms(t.medianMs), ms(t.p95Ms), ms(t.maxMs)])));
  const overKdf = summarize(launch).medianMs - summarize(kdf).medianMs;
  console.log(`launch → editor ready = one KDF + ${ms(overKdf)} (goal: under 1 s plus one KDF: ${overKdf < 1000 ? 'met' : 'NOT met'})`);
  fs.mkdirSync(path.dirname(values.out), { recursive: true });
  fs.writeFileSync(values.out, JSON.stringify({ entries, reps, machine: machineInfo(), results: Object.fromEntries(rows), launchOverKdfMs: overKdf }, null, 2) + '\n');
  console.log(`wrote ${values.out}`);
} finally {
  removeTempDir(scratch);
}
