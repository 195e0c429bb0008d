import type { Interval } from './metrics.js';

/** A row of figures to print: fractions shown as percentages with their 95% interval. */
export interface TableRow {
  name: string;
  n: number;
  precision?: number;
  recall?: number;
  f1?: number;
  fpr?: number;
  precisionCI?: Interval;
  recallCI?: Interval;
  fprCI?: Interval;
}

function pct(x: number | undefined, ci?: Interval): string {
  if (x === undefined) return '—';
  const base = `${(x * 100).toFixed(1)}%`;
  return ci ? `${base} [${(ci.low * 100).toFixed(1)}–${(ci.high * 100).toFixed(1)}]` : base;
}

/** Renders rows as a fixed-width text table (precision, recall, F1, FPR, n, with 95% Wilson intervals). */
export function renderTable(title: string, rows: readonly TableRow[]): string {
  const header = ['', 'precision [95% CI]', 'recall [95% CI]', 'F1', 'FPR [95% CI]', 'n'];
  const body = rows.map((r) => [r.name, pct(r.precision, r.precisionCI), pct(r.recall, r.recallCI), pct(r.f1), pct(r.fpr, r.fprCI), String(r.n)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [`\n${title}`, line(header), ...body.map(line)].join('\n');
}
