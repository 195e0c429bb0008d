import type { CheckResult, CheckStatus } from './types.js';

/** What a check body returns: its status and one line of reason. */
export interface CheckOutcome {
  status: CheckStatus;
  reason: string;
}

/** Keep a reason to one short line. */
export function oneLine(text: string, max = 160): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? line.slice(0, max - 1) + '…' : line;
}

/**
 * Run one check body and time it (from `startedAt` when its work began earlier, e.g. a KDF started
 * ahead). A body that throws fails the check with the error's message (errors in companion never carry
 * journal text).
 */
export async function timedCheck(name: string, body: () => CheckOutcome | Promise<CheckOutcome>, startedAt?: number): Promise<CheckResult> {
  const start = startedAt ?? performance.now();
  let outcome: CheckOutcome;
  try {
    outcome = await body();
  } catch (err) {
    outcome = { status: 'fail', reason: err instanceof Error ? err.message : String(err) };
  }
  return { name, status: outcome.status, reason: oneLine(outcome.reason), durationMs: performance.now() - start };
}

/** Human size: 1.5 GiB, 320 MiB, 12 KiB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${v >= 10 || i === 0 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}
