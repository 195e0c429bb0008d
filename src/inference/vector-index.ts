/**
 * A flat matrix of unit vectors (one row per cached prompt) searched by a dot-product scan: with
 * normalised rows the dot product is the cosine similarity. Rows are kept contiguous in one
 * Float32Array so a scan over ten thousand rows stays well inside a couple of milliseconds.
 */
export class VectorIndex {
  private data: Float32Array;
  private rows = 0;

  /** An empty index of vectors of length `dims`. */
  constructor(readonly dims: number, capacity = 64) {
    if (!Number.isInteger(dims) || dims < 1) throw new RangeError('vector length must be a positive integer');
    this.data = new Float32Array(dims * Math.max(1, capacity));
  }

  /** Number of rows. */
  get size(): number {
    return this.rows;
  }

  /** Append a vector (normalised here); returns its row number. RangeError for a wrong length or a zero vector. */
  add(vector: ArrayLike<number>): number {
    const unit = normalise(vector, this.dims);
    if ((this.rows + 1) * this.dims > this.data.length) {
      const grown = new Float32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data.set(unit, this.rows * this.dims);
    return this.rows++;
  }

  /** The stored (unit) vector of a row. */
  row(i: number): Float32Array {
    return this.data.subarray(i * this.dims, (i + 1) * this.dims);
  }

  /** Remove rows for which `drop(row)` is true, keeping the order of the rest; returns the kept old row numbers. */
  compact(drop: (row: number) => boolean): number[] {
    const kept: number[] = [];
    for (let i = 0; i < this.rows; i++) {
      if (drop(i)) continue;
      if (kept.length !== i) this.data.copyWithin(kept.length * this.dims, i * this.dims, (i + 1) * this.dims);
      kept.push(i);
    }
    this.rows = kept.length;
    return kept;
  }

  /**
   * The row most similar to `query` (cosine similarity) among rows `accept(row)` allows, or null when the
   * index is empty or nothing is accepted.
   */
  nearest(query: ArrayLike<number>, accept: (row: number) => boolean = () => true): { row: number; similarity: number } | null {
    const q = normalise(query, this.dims);
    const d = this.dims;
    const m = this.data;
    let best = -1;
    let bestSim = -Infinity;
    const d4 = d - (d % 4);
    for (let r = 0, off = 0; r < this.rows; r++, off += d) {
      // Four accumulators: V8 keeps them in registers and overlaps the multiplies (about 1.7× a plain loop).
      let a = 0, b = 0, c = 0, e = 0;
      let k = 0;
      for (; k < d4; k += 4) {
        a += m[off + k]! * q[k]!;
        b += m[off + k + 1]! * q[k + 1]!;
        c += m[off + k + 2]! * q[k + 2]!;
        e += m[off + k + 3]! * q[k + 3]!;
      }
      for (; k < d; k++) a += m[off + k]! * q[k]!;
      const dot = a + b + c + e;
      if (dot > bestSim && accept(r)) {
        bestSim = dot;
        best = r;
      }
    }
    return best < 0 ? null : { row: best, similarity: bestSim };
  }
}

/** A unit-length copy of `v`; RangeError when its length is not `dims` or it is zero or not finite. */
export function normalise(v: ArrayLike<number>, dims: number): Float32Array {
  if (v.length !== dims) throw new RangeError(`vector has length ${v.length}, expected ${dims}`);
  let sum = 0;
  for (let i = 0; i < dims; i++) sum += v[i]! * v[i]!;
  const norm = Math.sqrt(sum);
  if (!Number.isFinite(norm) || norm === 0) throw new RangeError('vector is zero or not finite');
  const out = new Float32Array(dims);
  for (let i = 0; i < dims; i++) out[i] = v[i]! / norm;
  return out;
}
