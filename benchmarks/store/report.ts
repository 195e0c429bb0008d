import { ms, renderTable } from '../lib/table.js';
import type { Timing } from '../lib/stats.js';
import type { InterleavedResult } from './interleaved.js';
import type { SizeResult } from './measure.js';

/** The baseline figures measured in the same run. */
export interface Baseline {
  version: Timing & { cpuMedianMs: number | null };
  help: Timing & { cpuMedianMs: number | null };
  /** Fresh-process unlock (one KDF) time inside the process, per store size. */
  kdfBySize: Record<number, Timing>;
  /** Median KDF over every probe of the run. */
  kdf: Timing;
  /** CPU time of the fresh-process unlock, per store size and over the run. */
  kdfCpuBySize: Record<number, Timing>;
  kdfCpu: Timing;
}

/** One goal of issue 2 and whether this run met it. */
export interface GoalCheck {
  goal: string;
  measured: string;
  met: boolean;
}

const COMMANDS = [
  ['add', 'add one entry (write)'],
  ['addDated', 'add "Day N: …" (date parser)'],
  ['list', 'list last 20'],
  ['search', 'search planted word'],
  ['export', 'export --format json'],
  ['verify', 'audit verify (after adds)'],
] as const;

const opt = (x: number | null) => (x === null ? '—' : ms(x));

/** Per-size table: wall median, p95, "KDF + X", CPU median and CPU beyond the KDF, and the KDF counts. */
export function sizeTable(r: SizeResult, kdf: Timing, kdfCpu: Timing): string {
  const rows = COMMANDS.map(([key, label]) => {
    const c = r.commands[key];
    const counts = [...new Set(c.kdfCounts.map(String))].join('/');
    return [label, String(c.n), ms(c.medianMs), ms(c.p95Ms), `KDF + ${ms(c.overKdfMs)}`, opt(c.cpuMedianMs), c.cpuOverKdfMs === null ? '—' : `KDF + ${ms(c.cpuOverKdfMs)}`, counts];
  });
  rows.unshift(['one KDF (fresh process)', String(kdf.n), ms(kdf.medianMs), ms(kdf.p95Ms), '', ms(kdfCpu.medianMs), '', '']);
  return renderTable([`${r.entries.toLocaleString('en')} entries`, 'n', 'wall median', 'wall p95', 'wall: KDF + X', 'CPU median', 'CPU: KDF + X', 'KDF runs'], rows);
}

/** How each command's X (time beyond one KDF) grows from the smallest to the largest store. */
export function growthTable(results: SizeResult[]): string {
  const header = ['X = median − KDF (wall | CPU)', ...results.map((r) => r.entries.toLocaleString('en')), 'largest ÷ smallest (wall)'];
  const rows = COMMANDS.map(([key, label]) => {
    const xs = results.map((r) => r.commands[key].overKdfMs);
    const ratio = xs.length > 1 && xs[0]! > 0 ? `×${(xs.at(-1)! / xs[0]!).toFixed(1)}` : '';
    return [label, ...results.map((r) => `${ms(r.commands[key].overKdfMs)} | ${opt(r.commands[key].cpuOverKdfMs)}`), ratio];
  });
  rows.push(['build (init+import)', ...results.map((r) => ms(r.build.totalMs)), '']);
  rows.push(['  import per entry', ...results.map((r) => `${r.build.perEntryImportMs.toFixed(2)} ms`), '']);
  return renderTable(header, rows);
}

/** Check the goals of issue 2 against this run (at 10,000 entries, where measured). */
export function checkGoals(results: SizeResult[], base: Baseline, interleaved: InterleavedResult[]): GoalCheck[] {
  const goals: GoalCheck[] = [
    { goal: '--version < 150 ms (wall)', measured: `${ms(base.version.medianMs)} (CPU ${opt(base.version.cpuMedianMs)})`, met: base.version.medianMs < 150 },
    { goal: '--help < 150 ms (wall)', measured: `${ms(base.help.medianMs)} (CPU ${opt(base.help.cpuMedianMs)})`, met: base.help.medianMs < 150 },
  ];
  const at10k = results.find((r) => r.entries === 10_000);
  if (at10k) {
    const budget: Array<[keyof SizeResult['commands'], number]> = [['add', 150], ['list', 150], ['search', 300], ['export', 1000]];
    for (const [key, limit] of budget) {
      const c = at10k.commands[key];
      goals.push({ goal: `${key} at 10,000 ≤ KDF + ${limit} ms (wall)`, measured: `KDF + ${ms(c.overKdfMs)} (CPU: KDF + ${opt(c.cpuOverKdfMs)})`, met: c.overKdfMs <= limit });
    }
  }
  const small = interleaved[0];
  const large = interleaved.at(-1);
  if (small && large && large !== small) {
    const a = small.add.medianMs;
    const b = large.add.medianMs;
    const slack = Math.max(10, 0.1 * a);
    goals.push({
      goal: `add at ${large.entries.toLocaleString('en')} no slower than at ${small.entries.toLocaleString('en')} (in rotation; within max(10 ms, 10%))`,
      measured: `${ms(b)} vs ${ms(a)}`,
      met: b <= a + slack,
    });
  }
  for (const r of results) {
    const bad = Object.entries(r.commands).filter(([, c]) => c.kdfCounts.some((k) => k !== 1)).map(([name]) => name);
    goals.push({ goal: `exactly one KDF per command at ${r.entries.toLocaleString('en')}`, measured: bad.length ? `not 1 in: ${bad.join(', ')}` : 'all 1', met: bad.length === 0 });
  }
  return goals;
}

/** Render the goal checks. */
export function goalTable(goals: GoalCheck[]): string {
  return renderTable(['goal', 'measured', 'met'], goals.map((g) => [g.goal, g.measured, g.met ? 'yes' : 'NO']));
}
