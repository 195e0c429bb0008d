/** One provider's figures: time to first chunk, throughput and peak memory. */
export interface Row {
  provider: string;
  ttftMs: number;
  /** Tokens per second after the first token (chunks per second where tokens are not visible). */
  perSecond: number;
  unit: 'tokens/s' | 'chunks/s' | 'texts/s';
  peakRssMb: number;
  note: string;
}

/** Median of a non-empty list. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Streams once, returning time to first chunk, total time and chunk count. */
export async function timeStream(stream: AsyncIterable<string>): Promise<{ ttftMs: number; totalMs: number; chunks: number }> {
  const start = performance.now();
  let first = 0;
  let chunks = 0;
  for await (const _ of stream) {
    if (!first) first = performance.now() - start;
    chunks++;
  }
  return { ttftMs: first, totalMs: performance.now() - start, chunks };
}

/** Prints rows as an aligned table. */
export function printTable(rows: Row[]): void {
  const head = ['provider', 'first chunk ms', 'throughput', 'peak RSS MB', 'note'];
  const body = rows.map((r) => [r.provider, r.ttftMs.toFixed(1), `${r.perSecond.toFixed(1)} ${r.unit}`, r.peakRssMb.toFixed(0), r.note]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
}
