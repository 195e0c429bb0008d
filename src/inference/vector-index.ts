import { principalBasis } from './principal-basis.js';

/** The stored arrays of an index, as the cache file keeps them. */
export interface VectorIndexParts {
  dims: number;
  rows: number;
  /** Row-major unit vectors, `rows × dims`. */
  vectors: Float32Array;
  /** Orthonormal basis rows, `basisSize × dims` (empty when the index has no basis yet). */
  basis: Float32Array;
  /** Coordinates of every row on the basis, `rows × basisSize`. */
  coords: Float32Array;
  /** Rows the basis was computed from (the basis is recomputed once the index has grown fourfold). */
  basisRows: number;
}

/** Below this many rows a plain scan is fast enough and no basis is computed. */
const MIN_BASIS_ROWS = 256;
/** Bound checks after this many basis coordinates (and after all of them). */
const STAGES = [8, 24, 64];
/** Rounding slack: float32 storage never lets the bound prune a row that reaches the floor. */
const SLACK = 1e-3;

/**
 * A matrix of unit vectors (one row per cached prompt) searched for the most similar row (cosine = dot
 * product of unit vectors). Exact, but most rows are never read in full: each row's coordinates on the
 * leading principal directions of the stored vectors (computed from the index's own contents) are kept
 * contiguously, and a row is skipped as soon as its partial dot product plus the Cauchy–Schwarz bound of
 * the remainder (|q_rest|·|v_rest|) cannot reach the similarity floor. Real sentence embeddings share much
 * of their direction, which the first coordinates capture, so the bound is tight early.
 */
export class VectorIndex {
  private vectors: Float32Array<ArrayBufferLike>;
  private basis: Float32Array<ArrayBufferLike> = new Float32Array(0);
  private coords: Float32Array<ArrayBufferLike> = new Float32Array(0);
  private basisSize = 0;
  /** Basis coordinates after which the bound is checked (the last is `basisSize`). */
  private stages: number[] = [];
  /** Per row and stage: norm of the row's part orthogonal to the basis directions before that stage. */
  private tails = new Float32Array(0);
  private basisRows = 0;
  private rows = 0;
  private capacity: number;

  /** An empty index of vectors of length `dims`. */
  constructor(readonly dims: number, capacity = 64) {
    if (!Number.isInteger(dims) || dims < 1) throw new RangeError('vector length must be a positive integer');
    this.capacity = Math.max(1, capacity);
    this.vectors = new Float32Array(dims * this.capacity);
  }

  /** An index over stored parts (as read from the cache file); the arrays are used as they are. */
  static fromParts(parts: VectorIndexParts): VectorIndex {
    const index = new VectorIndex(parts.dims, Math.max(1, parts.rows));
    const k = parts.basis.length / parts.dims;
    if (parts.vectors.length !== parts.rows * parts.dims || parts.coords.length !== k * parts.rows || !Number.isInteger(k) || k > parts.dims) {
      throw new RangeError('vector index parts have inconsistent sizes');
    }
    index.vectors = parts.vectors;
    index.rows = parts.rows;
    index.capacity = Math.max(1, parts.rows);
    index.basis = parts.basis;
    index.basisSize = k;
    index.coords = parts.coords;
    index.basisRows = parts.basisRows;
    index.useBasis(k);
    for (let r = 0; r < parts.rows; r++) index.fillTails(r);
    return index;
  }

  /** The arrays to store (trimmed to the rows in use). */
  parts(): VectorIndexParts {
    return {
      dims: this.dims, rows: this.rows, basisRows: this.basisRows, basis: this.basis,
      vectors: this.vectors.subarray(0, this.rows * this.dims), coords: this.coords.subarray(0, this.rows * this.basisSize),
    };
  }

  /** Number of rows. */
  get size(): number {
    return this.rows;
  }

  /** Append a vector (normalised here); returns its row number. RangeError for a wrong length or a zero vector. */
  add(vector: ArrayLike<number>): number {
    const unit = normalise(vector, this.dims);
    if (this.rows + 1 > this.capacity) this.grow(this.capacity * 2);
    this.vectors.set(unit, this.rows * this.dims);
    if (this.basisSize > 0) {
      this.project(unit, this.coords, this.rows * this.basisSize);
      this.fillTails(this.rows);
    }
    this.rows++;
    if (this.rows >= MIN_BASIS_ROWS && this.rows >= 4 * this.basisRows && this.dims > STAGES[0]! * 2) this.rebuildBasis();
    return this.rows - 1;
  }

  /** The stored (unit) vector of a row. */
  row(i: number): Float32Array {
    return this.vectors.slice(i * this.dims, (i + 1) * this.dims);
  }

  /** Remove rows for which `drop(row)` is true, keeping the order of the rest; returns the kept old row numbers. */
  compact(drop: (row: number) => boolean): number[] {
    const kept: number[] = [];
    const d = this.dims;
    const k = this.basisSize;
    for (let i = 0; i < this.rows; i++) {
      if (drop(i)) continue;
      const j = kept.length;
      if (j !== i) {
        this.vectors.copyWithin(j * d, i * d, (i + 1) * d);
        if (k > 0) this.coords.copyWithin(j * k, i * k, (i + 1) * k);
        const n = this.stages.length;
        if (n > 0) this.tails.copyWithin(j * n, i * n, (i + 1) * n);
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
    const k = this.basisSize;
    let best = -1;
    let bestSim = floor;
    if (k === 0 || !Number.isFinite(floor)) {
      for (let r = 0; r < this.rows; r++) {
        const s = dot(this.vectors, r * this.dims, q, 0, this.dims);
        if ((s > bestSim || (best < 0 && s >= bestSim)) && accept(r)) { bestSim = s; best = r; }
      }
      return best < 0 ? null : { row: best, similarity: bestSim };
    }
    const qc = new Float64Array(k);
    this.project(q, qc, 0);
    const stages = this.stages;
    // Norm of the query's part orthogonal to the first `stage` basis directions, per stage.
    const qTail = stages.map((s) => tailNorm(qc, s));
    const coords = this.coords;
    const tails = this.tails;
    const n = stages.length;
    for (let r = 0; r < this.rows; r++) {
      const off = r * k;
      let partial = 0;
      let done = 0;
      let s = 0;
      for (; s < n; s++) {
        const end = stages[s]!;
        partial += dot(coords, off + done, qc, done, end - done);
        done = end;
        if (partial + tails[r * n + s]! * qTail[s]! + SLACK < bestSim) break;
      }
      if (s < n) continue;
      const sim = dot(this.vectors, r * this.dims, q, 0, this.dims);
      if ((sim > bestSim || (best < 0 && sim >= bestSim)) && accept(r)) { bestSim = sim; best = r; }
    }
    return best < 0 ? null : { row: best, similarity: bestSim };
  }

  /** Recompute the principal basis from the current rows and every row's coordinates on it. */
  rebuildBasis(): void {
    const k = Math.min(STAGES.at(-1)!, this.dims);
    this.basis = principalBasis(this.vectors.subarray(0, this.rows * this.dims), this.dims, k);
    this.basisRows = this.rows;
    this.useBasis(k);
    this.coords = new Float32Array(this.capacity * k);
    for (let r = 0; r < this.rows; r++) {
      this.project(this.vectors.subarray(r * this.dims, (r + 1) * this.dims), this.coords, r * k);
      this.fillTails(r);
    }
  }

  private useBasis(k: number): void {
    this.basisSize = k;
    this.stages = k === 0 ? [] : STAGES.filter((s) => s < k).concat(k);
    this.tails = new Float32Array(this.capacity * this.stages.length);
  }

  private fillTails(r: number): void {
    const k = this.basisSize;
    const n = this.stages.length;
    let head = 0;
    let done = 0;
    for (let s = 0; s < n; s++) {
      for (; done < this.stages[s]!; done++) head += this.coords[r * k + done]! ** 2;
      this.tails[r * n + s] = Math.sqrt(Math.max(0, 1 - head));
    }
  }

  private project(v: ArrayLike<number>, out: Float32Array | Float64Array, at: number): void {
    for (let j = 0; j < this.basisSize; j++) out[at + j] = dot(this.basis, j * this.dims, v, 0, this.dims);
  }

  private grow(capacity: number): void {
    const vectors = new Float32Array(capacity * this.dims);
    vectors.set(this.vectors.subarray(0, this.rows * this.dims));
    this.vectors = vectors;
    if (this.basisSize > 0) {
      const coords = new Float32Array(capacity * this.basisSize);
      coords.set(this.coords.subarray(0, this.rows * this.basisSize));
      this.coords = coords;
      const tails = new Float32Array(capacity * this.stages.length);
      tails.set(this.tails.subarray(0, this.rows * this.stages.length));
      this.tails = tails;
    }
    this.capacity = capacity;
  }
}

/** Dot product of `n` values of `a` from `ai` and `b` from `bi` (four accumulators: V8 overlaps the multiplies). */
function dot(a: ArrayLike<number>, ai: number, b: ArrayLike<number>, bi: number, n: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = 0;
  const n4 = n - (n % 4);
  for (; i < n4; i += 4) {
    s0 += a[ai + i]! * b[bi + i]!;
    s1 += a[ai + i + 1]! * b[bi + i + 1]!;
    s2 += a[ai + i + 2]! * b[bi + i + 2]!;
    s3 += a[ai + i + 3]! * b[bi + i + 3]!;
  }
  for (; i < n; i++) s0 += a[ai + i]! * b[bi + i]!;
  return s0 + s1 + s2 + s3;
}

/** Norm of a unit vector's part orthogonal to its first `from` (orthonormal) coordinates. */
function tailNorm(coords: Float64Array, from: number): number {
  let head = 0;
  for (let i = 0; i < from; i++) head += coords[i]! * coords[i]!;
  return Math.sqrt(Math.max(0, 1 - head));
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
