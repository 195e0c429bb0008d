/** Summary of timing samples in milliseconds. */
export interface Timing {
  n: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

const round = (x: number) => Number(x.toFixed(2));

/** Median, p95 (nearest rank), min and max of a list of samples in milliseconds. */
export function summarize(samples: readonly number[]): Timing {
  if (samples.length === 0) throw new Error('summarize: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  const mid = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { n: sorted.length, medianMs: round(median), p95Ms: round(rank(0.95)), minMs: round(sorted[0]!), maxMs: round(sorted.at(-1)!) };
}

/** Time one call in milliseconds (wall clock). */
export async function timeMs<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}
