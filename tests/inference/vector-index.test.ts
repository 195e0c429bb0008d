import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VectorIndex } from '../../src/inference/vector-index.js';

/** The reference answer: a full scan of plain cosine similarities. */
function fullScan(rows: number[][], q: number[], floor: number, accept: (r: number) => boolean): { row: number; similarity: number } | null {
  const unit = (v: number[]) => { const n = Math.hypot(...v); return v.map((x) => x / n); };
  const uq = unit(q);
  let best: { row: number; similarity: number } | null = null;
  rows.forEach((v, r) => {
    const s = unit(v).reduce((acc, x, i) => acc + x * uq[i]!, 0);
    if (s >= floor && accept(r) && (!best || s > best.similarity)) best = { row: r, similarity: s };
  });
  return best;
}

const vec = (dims: number) => fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: dims, maxLength: dims }).filter((v) => Math.hypot(...v) > 1e-3);

describe('VectorIndex', () => {
  it('finds the same row as a full scan, with and without a floor (the bound never prunes a match)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 40 }).chain((dims) => fc.tuple(fc.array(vec(dims), { minLength: 1, maxLength: 30 }), vec(dims), fc.constantFrom(-Infinity, 0, 0.5, 0.85, 0.95))),
      ([rows, q, floor]) => {
        const index = new VectorIndex(q.length, 2);
        rows.forEach((r) => index.add(r));
        const accept = (r: number) => r % 3 !== 1;
        const got = index.nearest(q, accept, floor);
        const want = fullScan(rows, q, floor, accept);
        if (want === null || got === null) {
          // Only a similarity within float32 rounding of the floor may differ.
          const s = (want ?? got)?.similarity;
          return s === undefined || Math.abs(s - floor) < 1e-4;
        }
        return Math.abs(got.similarity - want.similarity) < 1e-4;
      },
    ), { numRuns: 300 });
  });

  it('searches random vectors (no shared direction) without a basis, still exactly', () => {
    const dims = 256;
    let x = 7;
    const rnd = () => ((x = (x * 48271) % 2147483647) / 2147483647) * 2 - 1;
    const rows = Array.from({ length: 1100 }, () => Array.from({ length: dims }, rnd));
    const index = new VectorIndex(dims);
    rows.forEach((r) => index.add(r));
    expect(index.parts().basis.length).toBe(0);
    for (let i = 0; i < 20; i++) {
      const q = rows[i * 13]!.map((v) => v + rnd() * 0.5);
      expect(index.nearest(q, undefined, 0.8)?.row).toBe(fullScan(rows, q, 0.8, () => true)?.row);
    }
  });

  it('returns an exact near-duplicate with a high floor among many rows, and compacts in order', () => {
    const dims = 384;
    const index = new VectorIndex(dims);
    const rnd = (seed: number) => Array.from({ length: dims }, (_, i) => Math.sin(seed * 7919 + i * 104729));
    for (let i = 0; i < 500; i++) index.add(rnd(i));
    const near = rnd(321).map((x, i) => x + (i % 50 === 0 ? 0.01 : 0));
    expect(index.nearest(near, undefined, 0.85)?.row).toBe(321);
    const kept = index.compact((r) => r < 300);
    expect(kept[0]).toBe(300);
    expect(index.size).toBe(200);
    expect(index.nearest(near, undefined, 0.85)?.row).toBe(21);
    const v = rnd(321);
    const n = Math.hypot(...v);
    expect(Array.from(index.row(21)).map((x) => x.toFixed(5))).toEqual(v.map((x) => (x / n).toFixed(5)));
  });

  it('rejects vectors of the wrong length or zero vectors', () => {
    const index = new VectorIndex(3);
    expect(() => index.add([1, 2])).toThrow(RangeError);
    expect(() => index.add([0, 0, 0])).toThrow(RangeError);
  });

  it('with a principal basis (≥ 256 rows sharing a direction) still finds exactly what a full scan finds, also after a round trip through its parts', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom(0.5, 0.8, 0.85, 0.95), (seed, floor) => {
      let x = seed;
      const rnd = () => ((x = (x * 48271) % 2147483647) / 2147483647) * 2 - 1;
      const dims = 128;
      const common = Array.from({ length: dims }, rnd);
      const rows = Array.from({ length: 300 }, () => common.map((c) => c * 1.5 + rnd()));
      const index = new VectorIndex(dims);
      rows.forEach((r) => index.add(r));
      if (index.parts().basis.length === 0) return false; // these rows share a direction: the basis is in use
      const copy = VectorIndex.fromParts(index.parts());
      // Queries: near-copies of rows (similarities near every floor) and fresh vectors.
      const queries = Array.from({ length: 20 }, (_, i) => (i % 2 ? common.map((c) => c * 1.5 + rnd()) : rows[i * 7]!.map((v) => v + rnd() * 0.6)));
      return queries.every((q) => [index, copy].every((ix) => {
        const got = ix.nearest(q, undefined, floor);
        const want = fullScan(rows, q, floor, () => true);
        if (want === null || got === null) return (want ?? got) === null || Math.abs((want ?? got)!.similarity - floor) < 1e-4;
        return Math.abs(got.similarity - want.similarity) < 1e-4;
      }));
    }), { numRuns: 15 });
  });
});
