import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogHistogram } from '../../src/monitoring/histogram.js';
import { createRng as rng } from '../../src/core/prompts/rng.js';


/** The rank-th smallest sample for quantile q, the definition the histogram estimates. */
function exactQuantile(sorted: number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

function checkAccuracy(samples: number[], alpha: number): void {
  const h = new LogHistogram(alpha);
  for (const s of samples) h.record(s);
  const sorted = [...samples].sort((a, b) => a - b);
  for (const q of [0.5, 0.9, 0.95, 0.99, 0.999]) {
    const exact = exactQuantile(sorted, q);
    const estimate = h.quantile(q);
    expect(Math.abs(estimate - exact) / exact, `q=${q} exact=${exact} estimate=${estimate}`).toBeLessThanOrEqual(alpha + 1e-9);
  }
}

describe('LogHistogram percentiles against known distributions', () => {
  const next = rng(42);
  const N = 100_000;

  it('uniform 1..1000 ms: P50 ≈ 500, P95 ≈ 950, P99 ≈ 990 within 1 %', () => {
    const samples = Array.from({ length: N }, () => 1 + next() * 999);
    checkAccuracy(samples, 0.01);
    const h = new LogHistogram();
    for (const s of samples) h.record(s);
    // Also against the distribution's own quantiles (sampling error of 100k draws is far below 2 %).
    expect(h.quantile(0.5)).toBeGreaterThan(500 * 0.98);
    expect(h.quantile(0.5)).toBeLessThan(500 * 1.02);
    expect(h.quantile(0.95)).toBeGreaterThan(950 * 0.98);
    expect(h.quantile(0.99)).toBeLessThan(990 * 1.02);
  });

  it('exponential (mean 20 ms): P50 ≈ 20·ln 2, P99 ≈ 20·ln 100', () => {
    const samples = Array.from({ length: N }, () => -20 * Math.log(1 - next()));
    checkAccuracy(samples, 0.01);
    const h = new LogHistogram();
    for (const s of samples) h.record(s);
    expect(h.quantile(0.5) / (20 * Math.LN2)).toBeCloseTo(1, 1);
    expect(h.quantile(0.99) / (20 * Math.log(100))).toBeCloseTo(1, 1);
  });

  it('log-normal with a heavy tail spanning six orders of magnitude', () => {
    const samples = Array.from({ length: N }, () => {
      const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
      return Math.exp(2 + 2.5 * z);
    });
    checkAccuracy(samples, 0.01);
  });

  it('a bimodal mix (cache hits at 0.2 ms, misses at 800 ms) puts P50 and P99 in the right modes', () => {
    const samples = Array.from({ length: N }, () => (next() < 0.7 ? 0.2 + next() * 0.05 : 800 + next() * 100));
    checkAccuracy(samples, 0.01);
    const h = new LogHistogram();
    for (const s of samples) h.record(s);
    expect(h.quantile(0.5)).toBeLessThan(1);
    expect(h.quantile(0.99)).toBeGreaterThan(800);
  });

  it('any positive samples: every quantile is within α of the exact one (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom(0.005, 0.01, 0.05),
      (samples, q, alpha) => {
        const h = new LogHistogram(alpha);
        for (const s of samples) h.record(s);
        const exact = exactQuantile([...samples].sort((a, b) => a - b), q);
        return Math.abs(h.quantile(q) - exact) / exact <= alpha + 1e-9;
      },
    ));
  });
});

describe('LogHistogram storage', () => {
  it('keeps buckets, not samples: a million samples over 8 decades use under 1,000 buckets', () => {
    const h = new LogHistogram();
    const next = rng(7);
    for (let i = 0; i < 1_000_000; i += 1) h.record(10 ** (-3 + 8 * next()));
    expect(h.count).toBe(1_000_000);
    expect(h.bucketCount).toBeLessThan(1000);
    expect(JSON.stringify(h.toJSON()).length).toBeLessThan(20_000);
  });

  it('zeros, min, max, sum and mean are exact; bad values are ignored', () => {
    const h = new LogHistogram();
    for (const v of [0, 0, 5, 10, -1, NaN, Infinity]) h.record(v);
    expect(h.count).toBe(4);
    expect(h.sum).toBe(15);
    expect(h.min).toBe(0);
    expect(h.max).toBe(10);
    expect(h.quantile(0.5)).toBe(0);
    expect(h.quantile(1)).toBe(10);
    expect(new LogHistogram().quantile(0.5)).toBeNaN();
  });

  it('merging two histograms equals recording everything into one; JSON round-trips', () => {
    const next = rng(3);
    const a = new LogHistogram();
    const b = new LogHistogram();
    const all = new LogHistogram();
    for (let i = 0; i < 5000; i += 1) {
      const v = next() * 100;
      (i % 2 ? a : b).record(v);
      all.record(v);
    }
    a.merge(b);
    const back = LogHistogram.fromJSON(JSON.parse(JSON.stringify(a.toJSON())));
    for (const q of [0.1, 0.5, 0.95, 0.99]) {
      expect(a.quantile(q)).toBe(all.quantile(q));
      expect(back.quantile(q)).toBe(all.quantile(q));
    }
    expect(back.count).toBe(5000);
  });

  it('refuses malformed JSON (count not matching buckets, non-integer counts)', () => {
    const good = new LogHistogram();
    good.record(3);
    const json = good.toJSON();
    expect(() => LogHistogram.fromJSON({ ...json, count: 2 })).toThrow(RangeError);
    expect(() => LogHistogram.fromJSON({ ...json, buckets: { x: 1 } })).toThrow(RangeError);
    expect(() => LogHistogram.fromJSON({ ...json, buckets: { 5: 0.5 } })).toThrow(RangeError);
    expect(() => LogHistogram.fromJSON(null)).toThrow(RangeError);
  });
});
