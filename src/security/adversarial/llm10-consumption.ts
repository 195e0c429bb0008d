import { Sandbox } from './sandbox.js';
import { check, type CheckResult, type CliRunner } from './types.js';

/** Entries in the many-entries check. */
export const MANY_ENTRIES = 2000;
/** Time bounds (ms) for the many-entries check: import, search, the one-time analysis, a month summary. */
export const BOUNDS = { import: 60_000, search: 15_000, analyze: 120_000, summary: 15_000 } as const;
/** Size of the oversized entry and passphrase file: far beyond any real diary entry or passphrase. */
const HUGE_ENTRY_CHARS = 2_000_000;
const HUGE_PASSPHRASE_CHARS = 1_000_000;

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await f();
  return [v, performance.now() - t0];
}

const countOf = (stdout: string): number => (JSON.parse(stdout) as { entries: unknown[] }).entries.length;

/**
 * LLM10 unbounded consumption: an oversized entry and an oversized passphrase file are refused without
 * being processed, and thousands of entries are imported, searched and summarised within time bounds.
 */
export async function unboundedConsumption(runner: CliRunner): Promise<CheckResult[]> {
  const checks: CheckResult[] = [];
  const box = await Sandbox.create(runner);
  try {
    const [huge, hugeMs] = await timed(() => box.run(['write'], { stdin: 'a'.repeat(HUGE_ENTRY_CHARS) }));
    const after = await box.run(['list', '--json', '--limit', '0']);
    const stored = after.code === 0 ? countOf(after.stdout) : -1;
    checks.push(check(`a ${HUGE_ENTRY_CHARS.toLocaleString('en')}-character entry is refused`, huge.code === 2 && stored === 0,
      `write exit ${huge.code} in ${hugeMs.toFixed(0)} ms; ${stored} entries stored; "${huge.stderr.split('\n')[0] ?? ''}"`));

    const longPass = box.file('long-pass', 'p'.repeat(HUGE_PASSPHRASE_CHARS) + '\n');
    const [pass, passMs] = await timed(() => box.run(['list'], { env: { COMPANION_PASSPHRASE_FILE: longPass } }));
    checks.push(check(`a ${HUGE_PASSPHRASE_CHARS.toLocaleString('en')}-character passphrase file is refused before any key derivation`, pass.code !== 0 && pass.code !== 3 && passMs < 5000,
      `list exit ${pass.code} in ${passMs.toFixed(0)} ms; "${pass.stderr.split('\n')[0] ?? ''}"`));

    const start = Date.now() - MANY_ENTRIES * 60_000;
    const entries = Array.from({ length: MANY_ENTRIES }, (_, i) => {
      const d = new Date(start + i * 60_000).toISOString();
      return { date: d.slice(0, 10), time: d.slice(11, 16), title: `Day note ${i}`, body: `Walked, cooked, read a little. Entry number n${i}x.`, tags: [], starred: false };
    });
    const file = box.file('many.json', JSON.stringify({ entries }));
    const [imported, importMs] = await timed(() => box.run(['import', '--from', 'jrnl', file, '--json']));
    const count = imported.code === 0 ? (JSON.parse(imported.stdout) as { imported: number }).imported : 0;
    checks.push(check(`${MANY_ENTRIES} entries import within ${BOUNDS.import / 1000} s`, count === MANY_ENTRIES && importMs < BOUNDS.import, `exit ${imported.code}, ${count} imported in ${(importMs / 1000).toFixed(1)} s`));
    const needle = `n${MANY_ENTRIES - 7}x`;
    const [search, searchMs] = await timed(() => box.run(['search', needle, '--json']));
    const hits = search.code === 0 ? countOf(search.stdout) : -1;
    checks.push(check(`search over ${MANY_ENTRIES} entries within ${BOUNDS.search / 1000} s`, hits === 1 && searchMs < BOUNDS.search, `exit ${search.code}, ${hits} hit(s) in ${(searchMs / 1000).toFixed(1)} s`));
    const [analyze, analyzeMs] = await timed(() => box.run(['analyze', '--json']));
    checks.push(check(`one-time analysis of ${MANY_ENTRIES} entries within ${BOUNDS.analyze / 1000} s`, analyze.code === 0 && analyzeMs < BOUNDS.analyze, `analyze exit ${analyze.code} in ${(analyzeMs / 1000).toFixed(1)} s`));
    const [summary, summaryMs] = await timed(() => box.run(['summary', '--month', '--json']));
    checks.push(check(`month summary of ${MANY_ENTRIES} entries within ${BOUNDS.summary / 1000} s`, summary.code === 0 && summaryMs < BOUNDS.summary, `exit ${summary.code} in ${(summaryMs / 1000).toFixed(1)} s (built-in provider)`));
  } finally {
    box.dispose();
  }
  return checks;
}
