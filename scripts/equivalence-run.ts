/**
 * The command line shared by the equivalence checks (scripts/detector-equivalence.ts, scripts/pii-equivalence.ts):
 * `--write <file.json>` records a detector's output before a change, `--check <file.json>` compares the output after
 * it, prints the number of items compared and the first differences, and exits 1 when one differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** Paths at which two JSON values differ (at most `limit`). */
function differences(a: unknown, b: unknown, path: string, out: string[], limit = 50): void {
  if (out.length >= limit) return;
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    if (!Object.is(a, b)) out.push(`${path}: ${JSON.stringify(a)?.slice(0, 200)} -> ${JSON.stringify(b)?.slice(0, 200)}`);
    return;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out, limit);
}

/**
 * Runs an equivalence check from the command line: `record(dir)` gives every recorded item by a stable label
 * (`--data <dir>`, default fixtures/data), `summarize` says what was recorded, `script` names the check in
 * its usage line. Exits 2 without --write or --check.
 */
export function runEquivalence(script: string, record: (dir: string) => Record<string, unknown>, summarize: (now: Record<string, unknown>) => string): void {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(name);
    return i === -1 ? undefined : process.argv[i + 1];
  };
  const writeTo = arg('--write');
  const checkAgainst = arg('--check');
  if (!writeTo && !checkAgainst) {
    console.error(`usage: ${script} --write <file.json> | --check <file.json> [--data <dir>]`);
    process.exit(2);
  }
  const started = Date.now();
  const now = JSON.parse(JSON.stringify(record(arg('--data') ?? 'fixtures/data'))) as Record<string, unknown>;
  const summary = summarize(now);
  const seconds = (): string => ((Date.now() - started) / 1000).toFixed(1);
  if (writeTo) {
    writeFileSync(writeTo, JSON.stringify(now));
    console.log(`wrote ${summary} to ${writeTo} (${seconds()} s)`);
    return;
  }
  const before = JSON.parse(readFileSync(checkAgainst!, 'utf8')) as Record<string, unknown>;
  const diffs: string[] = [];
  differences(before, now, '', diffs);
  const changed = Object.keys({ ...before, ...now }).filter((k) => {
    const d: string[] = [];
    differences(before[k], now[k], k, d, 1);
    return d.length > 0;
  });
  console.log(`compared ${summary} (${seconds()} s): ${changed.length} differ`);
  for (const d of diffs) console.log(`  ${d}`);
  process.exit(changed.length ? 1 : 0);
}
