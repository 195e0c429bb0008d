import { describe, expect, it } from 'vitest';
import { DisjointRanges, SpanIndex } from '../../../src/security/pii/span-index.js';

interface Range {
  start: number;
  end: number;
  id: number;
}

const overlaps = (a: { start: number; end: number }, start: number, end: number): boolean => a.start < end && start < a.end;

/** A small random generator with a seed, so that a failure repeats. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('span index', () => {
  it('DisjointRanges answers as a scan of the ranges added, empty ranges among them', () => {
    const next = random(7);
    for (let round = 0; round < 200; round++) {
      const ranges = new DisjointRanges<Range>();
      const added: Range[] = [];
      for (let k = 0; k < 40; k++) {
        const start = Math.floor(next() * 200);
        const range = { start, end: start + Math.floor(next() * 12) * (next() < 0.1 ? 0 : 1), id: k };
        // Only ranges that overlap none added (as resolveOverlaps and mergePlaceNames add them).
        if (added.some((a) => overlaps(a, range.start, range.end) || overlaps(range, a.start, a.end))) continue;
        ranges.add(range);
        added.push(range);
      }
      for (let q = 0; q < 60; q++) {
        const start = Math.floor(next() * 210);
        const end = start + Math.floor(next() * 15);
        const found = ranges.overlapping(start, end);
        const expected = added.filter((a) => overlaps(a, start, end));
        if (expected.length) expect(expected).toContain(found);
        else expect(found).toBeUndefined();
        const holding = added.find((a) => a.start <= start && end <= a.end && overlaps(a, start, end));
        expect(ranges.holding(start, end)).toBe(holding);
      }
    }
  });

  it('SpanIndex gives the spans overlapping a range in their given order, whatever they overlap among themselves', () => {
    const next = random(11);
    for (let round = 0; round < 200; round++) {
      const spans: Range[] = Array.from({ length: Math.floor(next() * 50) }, (_, id) => {
        const start = Math.floor(next() * 300);
        return { start, end: start + 1 + Math.floor(next() * (next() < 0.05 ? 200 : 10)), id };
      });
      const index = new SpanIndex(spans);
      for (let q = 0; q < 40; q++) {
        const start = Math.floor(next() * 320);
        const end = start + 1 + Math.floor(next() * 20);
        expect(index.overlapping(start, end)).toEqual(spans.filter((s) => overlaps(s, start, end)));
      }
    }
  });
});
