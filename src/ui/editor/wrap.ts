import stringWidth from 'string-width';
import type { TextBuffer } from './text-buffer.js';

/** One screen row of wrapped text: a slice [start, end) of logical line `line`. */
export interface VisualRow {
  line: number;
  start: number;
  end: number;
}

const cache = new Map<string, Array<[number, number]>>();

/**
 * Break one line into slices no wider than `width` terminal columns, at the last space that fits (the space
 * stays on the upper row), or mid-word when a word is longer than the row. Wide characters (CJK, most
 * emoji) take two columns and combining marks none, as the terminal draws them.
 */
export function wrapLine(line: string, width: number): Array<[number, number]> {
  const w = Math.max(1, width);
  const key = `${w}\u0000${line}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const segments = /^[\x20-\x7e]*$/.test(line) ? wrapNarrow(line, w) : wrapWide(line, w);
  if (cache.size > 20_000) cache.clear();
  cache.set(key, segments);
  return segments;
}

/** Printable ASCII: one column per character. */
function wrapNarrow(line: string, w: number): Array<[number, number]> {
  const segments: Array<[number, number]> = [];
  let start = 0;
  while (line.length - start > w) {
    const space = line.lastIndexOf(' ', start + w - 1);
    const end = space >= start ? space + 1 : start + w;
    segments.push([start, end]);
    start = end;
  }
  segments.push([start, line.length]);
  return segments;
}

/** Any text: columns measured per character (offsets stay UTF-16 indexes into the line). */
function wrapWide(line: string, w: number): Array<[number, number]> {
  const segments: Array<[number, number]> = [];
  let start = 0;
  let columns = 0;
  let lastSpaceEnd = -1; // offset just after the last space on the current row
  let at = 0;
  for (const ch of line) {
    const cw = stringWidth(ch);
    if (columns + cw > w && at > start) {
      const end = lastSpaceEnd > start ? lastSpaceEnd : at;
      segments.push([start, end]);
      start = end;
      columns = stringWidth(line.slice(start, at));
      lastSpaceEnd = -1;
    }
    columns += cw;
    at += ch.length;
    if (ch === ' ') lastSpaceEnd = at;
  }
  segments.push([start, line.length]);
  return segments;
}

/** Every visual row of the buffer at a width. */
export function layoutRows(lines: readonly string[], width: number): VisualRow[] {
  const rows: VisualRow[] = [];
  lines.forEach((line, index) => {
    for (const [start, end] of wrapLine(line, width)) rows.push({ line: index, start, end });
  });
  return rows;
}

/** Index of the visual row holding the cursor, and the cursor's column in it. */
export function cursorRow(rows: readonly VisualRow[], b: TextBuffer): { index: number; column: number } {
  for (let i = 0; i < rows.length; i += 1) {
    const r = rows[i]!;
    if (r.line !== b.row) continue;
    const next = rows[i + 1];
    const lastOfLine = !next || next.line !== b.row;
    if (b.col >= r.start && (b.col < r.end || lastOfLine)) return { index: i, column: b.col - r.start };
  }
  return { index: Math.max(0, rows.length - 1), column: 0 };
}

/** Move the cursor `delta` visual rows up (negative) or down, keeping the goal column where possible. */
export function moveVertical(b: TextBuffer, width: number, delta: number, goalColumn?: number): TextBuffer {
  const rows = layoutRows(b.lines, width);
  const { index, column } = cursorRow(rows, b);
  const target = Math.max(0, Math.min(rows.length - 1, index + delta));
  if (target === index) return delta < 0 ? { ...b, col: 0 } : { ...b, col: b.lines[b.row]!.length };
  const row = rows[target]!;
  const next = rows[target + 1];
  const lastOfLine = !next || next.line !== row.line;
  const maxCol = lastOfLine ? row.end : Math.max(row.start, row.end - 1);
  return { lines: b.lines, row: row.line, col: Math.min(row.start + (goalColumn ?? column), maxCol) };
}
