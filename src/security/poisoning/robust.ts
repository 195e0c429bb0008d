import { cosine } from './style-features.js';

/** Robust location and spread of one measurement over a journal's entries (a few foreign entries barely move it). */
export interface RobustStat {
  median: number;
  /** 1.4826 × median absolute deviation: the standard deviation for normal data, unmoved by outliers. */
  spread: number;
}

/** Median of `xs` (0 for none). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Median and MAD-based spread of `xs`. */
export function robustStat(xs: readonly number[]): RobustStat {
  const m = median(xs);
  return { median: m, spread: 1.4826 * median(xs.map((x) => Math.abs(x - m))) };
}

/** Cosine distance (1 − cosine similarity) of two equal-length vectors; 1 when either is all zeros. */
export function cosineDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return 1 - cosine(a, b);
}

function unit(v: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i]! * v[i]!;
  const out = new Float64Array(v.length);
  const s = n === 0 ? 0 : 1 / Math.sqrt(n);
  for (let i = 0; i < v.length; i++) out[i] = v[i]! * s;
  return out;
}

function sum(vectors: readonly Float64Array[], dim: number): Float64Array {
  const c = new Float64Array(dim);
  for (const v of vectors) for (let i = 0; i < dim; i++) c[i]! += v[i]!;
  return c;
}

/** A centroid of member profiles and how far members typically lie from it. */
export interface CentroidProfile {
  /** Mean of the kept members' unit vectors. */
  centroid: number[];
  /** Leave-one-out cosine distances of kept members to the centroid of the others: what a new own entry looks like. */
  distance: RobustStat;
  /** Members left out as the farthest (trimmed) before the centroid was taken. */
  trimmed: number;
}

/**
 * Builds a centroid robust to a few foreign members: unit-normalise, take the mean, drop the `trimFraction`
 * farthest members (at least one when there are 10 or more), and re-take the mean of the rest. The distance
 * distribution is leave-one-out over the kept members, so it matches a new entry scored against the centroid.
 */
export function robustCentroid(vectors: readonly ArrayLike<number>[], trimFraction = 0.1): CentroidProfile {
  const dim = vectors[0]?.length ?? 0;
  const units = vectors.map(unit);
  const first = sum(units, dim);
  const byDistance = units.map((u, i) => ({ i, d: cosineDistance(u, first) })).sort((a, b) => b.d - a.d);
  const drop = units.length >= 10 ? Math.max(1, Math.floor(units.length * trimFraction)) : 0;
  const dropped = new Set(byDistance.slice(0, drop).map((x) => x.i));
  const kept = units.filter((_, i) => !dropped.has(i));
  const total = sum(kept, dim);
  const loo = kept.map((u) => {
    const others = new Float64Array(dim);
    for (let i = 0; i < dim; i++) others[i] = total[i]! - u[i]!;
    return cosineDistance(u, others);
  });
  const centroid = [...total].map((x) => x / Math.max(1, kept.length));
  return { centroid, distance: robustStat(loo), trimmed: drop };
}
