import fs from 'node:fs';
import path from 'node:path';
import { runCli, type CliRun } from '../lib/cli-runner.js';
import { summarize, type Timing } from '../lib/stats.js';
import { PLANTED_WORD } from '../lib/synthetic-journal.js';
import type { BuiltStore } from './build-store.js';

/** Timings of one CLI command over several runs, with the KDF count of every run. */
export interface CommandFigure extends Timing {
  /** KDF runs each run reported (must all be 1). */
  kdfCounts: Array<number | null>;
  /** Median minus the median KDF of the same run: the "X" of "one KDF + X ms". */
  overKdfMs: number;
  /** Median CPU time (user + system) of the process; null without /usr/bin/time. */
  cpuMedianMs: number | null;
  /** Median CPU time minus the KDF's median CPU time: X in CPU terms, less disturbed by machine load. */
  cpuOverKdfMs: number | null;
}

/** The KDF figures a size's commands are compared with. */
export interface KdfReference {
  medianMs: number;
  cpuMedianMs: number;
}

/** Everything measured on one store size. */
export interface SizeResult {
  entries: number;
  planted: number;
  build: BuiltStore['timings'] & { perEntryImportMs: number };
  commands: Record<'list' | 'search' | 'export' | 'add' | 'addDated' | 'verify', CommandFigure>;
  /** Checks that the output was right (number of lines, matches, exported entries, verify verdict). */
  checks: Record<string, string>;
  storeBytes: number;
}

/** Run `args` `reps` times (plus one untimed warm-up that fills the page cache) and summarise. */
function repeat(store: BuiltStore, args: () => string[], reps: number, kdf: KdfReference, check: (r: CliRun) => void, warmup = true): CommandFigure {
  if (warmup) check(runOk(store, args()));
  const runs: CliRun[] = [];
  for (let i = 0; i < reps; i += 1) {
    const r = runOk(store, args());
    check(r);
    runs.push(r);
  }
  const t = summarize(runs.map((r) => r.ms));
  const cpu = runs.every((r) => r.cpuMs !== null) ? summarize(runs.map((r) => r.cpuMs!)).medianMs : null;
  return {
    ...t,
    kdfCounts: runs.map((r) => r.kdf),
    overKdfMs: Number((t.medianMs - kdf.medianMs).toFixed(1)),
    cpuMedianMs: cpu,
    cpuOverKdfMs: cpu === null ? null : Number((cpu - kdf.cpuMedianMs).toFixed(1)),
  };
}

function runOk(store: BuiltStore, args: string[]): CliRun {
  const r = runCli(args, store.env);
  if (r.code !== 0) throw new Error(`companion ${args[0]} exited ${String(r.code)} on ${store.entries} entries: ${r.stderr.trim()}`);
  return r;
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? dirBytes(p) : fs.statSync(p).size;
  }
  return total;
}

/**
 * Measure the real CLI on a built store: list 20, search the planted word, export everything as JSON to
 * a file, then add entries (which change the store, so they come last) and finally `audit verify`,
 * which must pass. `heavyReps` applies to search and export, whose cost grows with the store.
 */
export function measureStore(store: BuiltStore, opts: { reps: number; heavyReps: number; kdf: KdfReference; workDir: string }): SizeResult {
  const checks: Record<string, string> = {};
  const { reps, heavyReps, kdf } = opts;

  const list = repeat(store, () => ['list'], reps, kdf, (r) => {
    const lines = r.stdout.split('\n').filter((l) => l.trim() !== '').length;
    if (lines !== 20) throw new Error(`list printed ${lines} lines, expected 20`);
  });
  checks.list = '20 lines';

  const found = JSON.parse(runOk(store, ['search', PLANTED_WORD, '--json']).stdout) as { entries: unknown[] };
  if (found.entries.length !== store.planted) throw new Error(`search found ${found.entries.length}, expected ${store.planted}`);
  checks.search = `${found.entries.length} matches (expected ${store.planted})`;
  const search = repeat(store, () => ['search', PLANTED_WORD], heavyReps, kdf, (r) => {
    const lines = r.stdout.split('\n').filter((l) => l.trim() !== '').length;
    if (lines !== store.planted) throw new Error(`search printed ${lines} lines, expected ${store.planted}`);
  }, false);

  const outFile = path.join(opts.workDir, `export-${store.entries}.json`);
  let exportedBytes = 0;
  const exported = repeat(store, () => ['export', '--format', 'json', '--out', outFile], heavyReps, kdf, () => {
    exportedBytes = fs.statSync(outFile).size;
  }, false);
  const doc = JSON.parse(fs.readFileSync(outFile, 'utf8')) as { entries: unknown[] };
  if (doc.entries.length !== store.entries) throw new Error(`export wrote ${doc.entries.length} entries, expected ${store.entries}`);
  checks.export = `${doc.entries.length} entries, ${(exportedBytes / 2 ** 20).toFixed(1)} MiB`;
  fs.rmSync(outFile, { force: true });

  let k = 0;
  const saved = (r: CliRun) => {
    if (!/^Saved [a-z2-7]{12}/.test(r.stdout)) throw new Error(`write printed: ${r.stdout.trim()}`);
  };
  const add = repeat(store, () => ['write', `A short walk before dinner and an early night, note ${(k += 1)} @bench`], reps, kdf, saved);
  // A leading "word N:" phrase is handed to the natural-date parser (compromise), which loads lazily.
  const addDated = repeat(store, () => ['write', `Day ${(k += 1)}: a short walk before dinner and an early night @bench`], heavyReps, kdf, saved, false);
  checks.add = `${k} entries added`;

  const verify = repeat(store, () => ['audit', 'verify', '--json'], 1, kdf, (r) => {
    const report = JSON.parse(r.stdout) as { ok: boolean; records: number; entriesChecked: number };
    if (!report.ok) throw new Error(`audit verify failed on ${store.entries} entries: ${r.stdout}`);
    checks.verify = `ok, ${report.records} records, ${report.entriesChecked} entries`;
  }, false);

  return {
    entries: store.entries,
    planted: store.planted,
    build: { ...store.timings, perEntryImportMs: Number((store.timings.importMs / store.entries).toFixed(3)) },
    commands: { list, search, export: exported, add, addDated, verify },
    checks,
    storeBytes: dirBytes(store.dataDir),
  };
}
