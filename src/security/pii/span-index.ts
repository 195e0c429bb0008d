/**
 * Overlap queries over spans in O(log n) rather than a scan of every span, so that the passes after the tagger stay
 * near linear on a long entry (a 400,000-character text of short lists took 12.6 s in detectPII with scans, most of it
 * in mergePlaceNames and resolveOverlaps).
 */
import { lowerBound } from '../lower-bound.js';

interface Range {
  start: number;
  end: number;
}

/**
 * Ranges that never overlap one another, added one at a time: whether a range overlaps one of them, and which one holds
 * a range. Kept sorted by start, so that their ends are sorted too and only the last ranges starting before a range's
 * end can overlap it.
 */
export class DisjointRanges<T extends Range> {
  private readonly starts: number[] = [];
  private readonly ranges: T[] = [];

  /** Adds a range that overlaps none of those added. */
  add(range: T): void {
    const at = lowerBound(this.starts, range.start);
    this.starts.splice(at, 0, range.start);
    this.ranges.splice(at, 0, range);
  }

  /**
   * The added range that overlaps [start, end), if any: walking back from the last one starting before `end`, the first
   * that reaches past `start`; a range of some length that does not ends the walk (every one before it ends before it
   * starts), an empty one does not.
   */
  overlapping(start: number, end: number): T | undefined {
    for (let j = lowerBound(this.starts, end) - 1; j >= 0; j--) {
      const range = this.ranges[j]!;
      if (range.end > start) return range;
      if (range.end > range.start) return undefined;
    }
    return undefined;
  }

  /** The added range that holds [start, end) whole, if any. */
  holding(start: number, end: number): T | undefined {
    const range = this.overlapping(start, end);
    return range && range.start <= start && end <= range.end ? range : undefined;
  }
}

/**
 * Spans that may overlap one another, indexed once: those that overlap a range, in the order of `spans`. Sorted by start
 * with the running greatest end, so that a query walks back only over spans that may still reach the range.
 */
export class SpanIndex<T extends Range> {
  private readonly sorted: { span: T; at: number }[];
  private readonly starts: number[];
  private readonly reach: number[];

  constructor(spans: readonly T[]) {
    this.sorted = spans.map((span, at) => ({ span, at })).sort((a, b) => a.span.start - b.span.start || a.at - b.at);
    this.starts = this.sorted.map((s) => s.span.start);
    this.reach = [];
    let reach = -Infinity;
    for (const { span } of this.sorted) this.reach.push((reach = Math.max(reach, span.end)));
  }

  /** The spans that overlap [start, end), in the order they were given. */
  overlapping(start: number, end: number): T[] {
    const found: { span: T; at: number }[] = [];
    for (let j = lowerBound(this.starts, end) - 1; j >= 0 && this.reach[j]! > start; j--) {
      if (this.sorted[j]!.span.end > start) found.push(this.sorted[j]!);
    }
    return found.sort((a, b) => a.at - b.at).map((s) => s.span);
  }
}
