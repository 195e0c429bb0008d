import { ms, renderTable } from '../lib/table.js';
import type { Timing } from '../lib/stats.js';
import type { SizeResult } from './measure.js';

/** The baseline figures measured in the same run. */
export interface Baseline {
  version: Timing;
  help: Timing;
  /** Fresh-process unlock (one KDF) time inside the process, per store size. */
  kdfBySize: Record<number, Timing>;
  /** Median KDF over every probe of the run. */
  kdf: Timing;
}

/** One goal of issue 2 and whether this run met it. */
export interface GoalCheck {
  goal: string;
  measured: string;
  met: boolean;
}

const COMMANDS = [
  ['add', 'add one entry (write)'],
  ['list', 'list last 20'],
  ['search', 'search planted word'],
  ['export', 'export --format json'],
  ['verify', 'audit verify (after adds)'],
] as const;

/** Per-size table: median, p95, "KDF + X" and the KDF counts of every command. */
export function sizeTable(r: SizeResult, kdf: Timing): string {
  const rows = COMMANDS.map(([key, label]) => {
    const c = r.commands[key];
    const counts = [...new Set(c.kdfCounts.map(String))].join('/');
    return [label, String(c.n), ms(c.medianMs), ms(c.p95Ms), `KDF + ${ms(c.overKdfMs)}`, counts];
  });
  rows.unshift(['one KDF (fresh process)', String(kdf.n), ms(kdf.medianMs), ms(kdf.p95Ms), '', '']);
  return renderTable([`${r.entries.toLocaleString('en')} entries`, 'n', 'median', 'p95', 'one KDF + X', 'KDF runs'], rows);
}

/** How each command's X (time beyond one KDF) grows from the smallest to the largest store. */
export function growthTable(results: SizeResult[]): string {
  const header = ['X = median − KDF', ...results.map((r) => r.entries.toLocaleString('en')), 'largest ÷ smallest'];
  const rows = COMMANDS.map(([key, label]) => {
    const xs = results.map((r) => r.commands[key].overKdfMs);
    const ratio = xs.length > 1 && xs[0]! > 0 ? `×${(xs.at(-1)! / xs[0]!).toFixed(1)}` : '';
    return [label, ...xs.map(ms), ratio];
  });
  rows.push(['build (init+import)', ...results.map((r) => ms(r.build.totalMs)), '']);
  rows.push(['  import per entry', ...results.map((r) => `${r.build.perEntryImportMs.toFixed(2)} ms`), '']);
  return renderTable(header, rows);
}

/** Check the goals of issue 2 against this run (at 10,000 entries, where measured). */
export function checkGoals(results: SizeResult[], base: Baseline): GoalCheck[] {
  const goals: GoalCheck[] = [
    { goal: '--version < 150 ms', measured: ms(base.version.medianMs), met: base.version.medianMs < 150 },
    { goal: '--help < 150 ms', measured: ms(base.help.medianMs), met: base.help.medianMs < 150 },
  ];
  const at10k = results.find((r) => r.entries === 10_000);
  if (at10k) {
    const budget: Array<[keyof SizeResult['commands'], number]> = [['add', 150], ['list', 150], ['search', 300], ['export', 1000]];
    for (const [key, limit] of budget) {
      const c = at10k.commands[key];
      goals.push({ goal: `${key} at 10,000 ≤ KDF + ${limit} ms`, measured: `KDF + ${ms(c.overKdfMs)}`, met: c.overKdfMs <= limit });
    }
  }
  const small = results[0];
  const large = results.at(-1);
  if (small && large && large !== small) {
    const a = small.commands.add.medianMs;
    const b = large.commands.add.medianMs;
    const slack = Math.max(10, 0.1 * a);
    goals.push({
      goal: `add at ${large.entries.toLocaleString('en')} no slower than at ${small.entries.toLocaleString('en')} (within max(10 ms, 10%) for noise)`,
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
