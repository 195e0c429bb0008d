import { principalBasis } from './principal-basis.js';

/** The stored arrays of an index, as the cache file keeps them. */
export interface VectorIndexParts {
  dims: number;
  rows: number;
  /**
   * First `headSize(dims)` values of every row, row-major: of each unit row minus its part along the basis
   * (its residual), or of the unit row itself when there is no basis. Kept apart so a search reads little.
   */
  heads: Float32Array;
  /** The remaining values of every row, row-major, `rows × (dims − headSize(dims))`. */
  rests: Float32Array;
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
/**
 * A basis is used when it holds this much more of the rows' energy (mean Σ c²) than it would of random
 * vectors (k/dims): only then do its first coordinates bound the similarity early.
 */
const MIN_GAIN = 0.25;
/** Rounding slack: float32 storage never lets the bound prune a row that reaches the floor. */
const SLACK = 1e-3;

/**
 * A matrix of unit vectors (one row per cached prompt) searched for the most similar row (cosine = dot
 * product of unit vectors). Exact up to float32 rounding, but most rows are never read in full. Each row
 * is split into its coordinates on the leading principal directions of the stored vectors (computed from
 * the index's own contents, kept contiguously) and its residual, orthogonal to them. A search scores the
 * coordinates in stages, then the first quarter of the residual, and skips a row as soon as the partial dot
 * product plus the Cauchy–Schwarz bound of what is left (|q_rest|·|v_rest|) cannot reach the similarity
 * floor. Real sentence embeddings share much of their direction, which the first coordinates capture;
 * for unstructured vectors the residual stage does the pruning.
 */
export class VectorIndex {
  private heads: Float32Array<ArrayBufferLike>;
  private rests: Float32Array<ArrayBufferLike>;
  private basis: Float32Array<ArrayBufferLike> = new Float32Array(0);
  private coords: Float32Array<ArrayBufferLike> = new Float32Array(0);
  private basisSize = 0;
  /** Basis coordinates after which the bound is checked (the last is `basisSize`). */
  private stages: number[] = [];
  /** Residual coordinates scored before the last bound check. */
  private readonly split: number;
  /**
   * Per row, one norm per check: of the row's part orthogonal to the basis directions before each coordinate
   * stage, then of its residual after `split` coordinates.
   */
  private tails = new Float32Array(0);
  private basisRows = 0;
  private rows = 0;
  private capacity: number;

  /** An empty index of vectors of length `dims`. */
  constructor(readonly dims: number, capacity = 64) {
    if (!Number.isInteger(dims) || dims < 1) throw new RangeError('vector length must be a positive integer');
    this.capacity = Math.max(1, capacity);
    this.split = headSize(dims);
    this.heads = new Float32Array(this.split * this.capacity);
    this.rests = new Float32Array((dims - this.split) * this.capacity);
    this.tails = new Float32Array(this.capacity);
  }

  /** An index over stored parts (as read from the cache file); the arrays are used as they are. */
  static fromParts(parts: VectorIndexParts): VectorIndex {
    const index = new VectorIndex(parts.dims, Math.max(1, parts.rows));
    const k = parts.basis.length / parts.dims;
    const m = headSize(parts.dims);
    if (parts.heads.length !== parts.rows * m || parts.rests.length !== parts.rows * (parts.dims - m) || parts.coords.length !== k * parts.rows || !Number.isInteger(k) || k > parts.dims) {
      throw new RangeError('vector index parts have inconsistent sizes');
    }
    index.heads = parts.heads;
    index.rests = parts.rests;
    index.rows = parts.rows;
    index.capacity = Math.max(1, parts.rows);
    index.basis = parts.basis;
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
      heads: this.heads.subarray(0, this.rows * this.split), rests: this.rests.subarray(0, this.rows * (this.dims - this.split)), coords: this.coords.subarray(0, this.rows * this.basisSize),
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
    this.setRow(this.rows, unit);
    this.rows++;
    if (this.rows >= MIN_BASIS_ROWS && this.rows >= 4 * this.basisRows && this.dims > STAGES[0]! * 2) this.rebuildBasis();
    return this.rows - 1;
  }

  /** The stored (unit) vector of a row. */
  row(i: number): Float32Array {
    const d = this.dims;
    const m = this.split;
    const out = new Float64Array(d);
    out.set(this.heads.subarray(i * m, (i + 1) * m));
    out.set(this.rests.subarray(i * (d - m), (i + 1) * (d - m)), m);
    for (let j = 0; j < this.basisSize; j++) {
      const c = this.coords[i * this.basisSize + j]!;
      for (let t = 0; t < d; t++) out[t]! += c * this.basis[j * d + t]!;
    }
    return Float32Array.from(out);
  }

  /** Remove rows for which `drop(row)` is true, keeping the order of the rest; returns the kept old row numbers. */
  compact(drop: (row: number) => boolean): number[] {
    const kept: number[] = [];
    const d = this.dims;
    const k = this.basisSize;
    const n = this.tailsPerRow();
    for (let i = 0; i < this.rows; i++) {
      if (drop(i)) continue;
      const j = kept.length;
      if (j !== i) {
        const m = this.split;
        this.heads.copyWithin(j * m, i * m, (i + 1) * m);
        this.rests.copyWithin(j * (d - m), i * (d - m), (i + 1) * (d - m));
        if (k > 0) this.coords.copyWithin(j * k, i * k, (i + 1) * k);
        if (n > 0) this.tails.copyWithin(j * n, i * n, (i + 1) * n);
      }
      kept.push(i);
    }
    this.rows = kept.length;
    return kept;
  }

  /**
   * The row most similar to `query` (cosine similarity) among rows `accept(row)` allows and with
   * similarity ≥ `floor`, or null when there is none. The result is a full scan's (up to float32 rounding).
   */
  nearest(query: ArrayLike<number>, accept: (row: number) => boolean = () => true, floor = -Infinity): { row: number; similarity: number } | null {
    const q = normalise(query, this.dims);
    const k = this.basisSize;
    const d = this.dims;
    let best = -1;
    let bestSim = floor;
    const m = this.split;
    if (k === 0) {
      // No basis: the first quarter of each row, then the bound on the rest of it.
      const qRest = norm(q, m, d - m);
      const heads = this.heads;
      const rests = this.rests;
      const tails = this.tails;
      const m4 = m - (m % 4);
      for (let r = 0; r < this.rows; r++) {
        const off = r * m;
        let a = 0, b = 0, c = 0, e = 0;
        let i = 0;
        for (; i < m4; i += 4) {
          a += heads[off + i]! * q[i]!;
          b += heads[off + i + 1]! * q[i + 1]!;
          c += heads[off + i + 2]! * q[i + 2]!;
          e += heads[off + i + 3]! * q[i + 3]!;
        }
        for (; i < m; i++) a += heads[off + i]! * q[i]!;
        const head = a + b + c + e;
        if (head + tails[r]! * qRest + SLACK < bestSim) continue;
        const s = head + dot(rests, r * (d - m), q, m, d - m);
        if ((s > bestSim || (best < 0 && s >= bestSim)) && accept(r)) { bestSim = s; best = r; }
      }
      return best < 0 ? null : { row: best, similarity: bestSim };
    }
    const qc = new Float32Array(k);
    const rq = this.residual(q, qc);
    const stages = this.stages;
    // The query's norms left after each check, as for the rows.
    const rqNorm = norm(rq, 0, d);
    const qTail = stages.map((s) => Math.sqrt(tailNorm(qc, s, 0) ** 2 + rqNorm * rqNorm));
    qTail.push(norm(rq, m, d - m));
    const coords = this.coords;
    const heads = this.heads;
    const rests = this.rests;
    const tails = this.tails;
    const n = stages.length;
    const per = n + 1;
    for (let r = 0; r < this.rows; r++) {
      const off = r * k;
      let partial = 0;
      let done = 0;
      let s = 0;
      for (; s < n; s++) {
        const end = stages[s]!;
        partial += dot(coords, off + done, qc, done, end - done);
        done = end;
        if (partial + tails[r * per + s]! * qTail[s]! + SLACK < bestSim) break;
      }
      if (s < n) continue;
      partial += dot(heads, r * m, rq, 0, m);
      if (partial + tails[r * per + n]! * qTail[n]! + SLACK < bestSim) continue;
      const sim = partial + dot(rests, r * (d - m), rq, m, d - m);
      if ((sim > bestSim || (best < 0 && sim >= bestSim)) && accept(r)) { bestSim = sim; best = r; }
    }
    return best < 0 ? null : { row: best, similarity: bestSim };
  }

  /** Recompute the principal basis from the current rows, and every row's coordinates and residual on it. */
  rebuildBasis(): void {
    const originals = new Float32Array(this.rows * this.dims);
    for (let r = 0; r < this.rows; r++) originals.set(this.row(r), r * this.dims);
    const k = Math.min(STAGES.at(-1)!, this.dims);
    const basis = principalBasis(originals, this.dims, k);
    this.basisRows = this.rows;
    // Vectors without shared directions (random ones) gain nothing from a basis: search them without one.
    const useful = capturedEnergy(basis, originals, this.dims) >= Math.min(0.95, k / this.dims + MIN_GAIN);
    this.basis = useful ? basis : new Float32Array(0);
    this.useBasis(useful ? k : 0);
    this.coords = new Float32Array(this.capacity * this.basisSize);
    for (let r = 0; r < this.rows; r++) this.setRow(r, originals.subarray(r * this.dims, (r + 1) * this.dims));
  }

  /** Store a unit vector as row `r`: its basis coordinates, its residual and its tail norms. */
  private setRow(r: number, unit: Float32Array): void {
    if (this.basisSize === 0) {
      this.store(r, unit);
      this.tails[r] = norm(unit, this.split, this.dims - this.split);
      return;
    }
    const c = new Float32Array(this.basisSize);
    this.store(r, this.residual(unit, c));
    this.coords.set(c, r * this.basisSize);
    this.fillTails(r);
  }

  private store(r: number, v: Float32Array): void {
    const m = this.split;
    this.heads.set(v.subarray(0, m), r * m);
    this.rests.set(v.subarray(m), r * (this.dims - m));
  }

  /** Coordinates of `v` on the basis (into `c`) and what is left of `v` after them. */
  private residual(v: Float32Array, c: Float32Array): Float32Array {
    const d = this.dims;
    const rest = Float64Array.from(v);
    for (let j = 0; j < this.basisSize; j++) {
      const cj = dot(this.basis, j * d, v, 0, d);
      c[j] = cj;
      for (let t = 0; t < d; t++) rest[t]! -= cj * this.basis[j * d + t]!;
    }
    return Float32Array.from(rest);
  }

  private tailsPerRow(): number {
    return this.basisSize === 0 ? 1 : this.stages.length + 1;
  }

  private useBasis(k: number): void {
    this.basisSize = k;
    this.stages = k === 0 ? [] : STAGES.filter((s) => s < k).concat(k);
    this.tails = new Float32Array(this.capacity * this.tailsPerRow());
  }

  private fillTails(r: number): void {
    const k = this.basisSize;
    if (k === 0) {
      this.tails[r] = norm(this.rests, r * (this.dims - this.split), this.dims - this.split);
      return;
    }
    const n = this.stages.length;
    const d = this.dims;
    const per = n + 1;
    const m = this.split;
    const rest = Math.hypot(norm(this.heads, r * m, m), norm(this.rests, r * (d - m), d - m));
    for (let s = 0; s < n - 1; s++) this.tails[r * per + s] = Math.sqrt(tailNorm(this.coords, this.stages[s]!, r * k, k) ** 2 + rest * rest);
    this.tails[r * per + n - 1] = rest;
    this.tails[r * per + n] = norm(this.rests, r * (d - m), d - m);
  }

  private grow(capacity: number): void {
    const m = this.split;
    const heads = new Float32Array(capacity * m);
    heads.set(this.heads.subarray(0, this.rows * m));
    this.heads = heads;
    const rests = new Float32Array(capacity * (this.dims - m));
    rests.set(this.rests.subarray(0, this.rows * (this.dims - m)));
    this.rests = rests;
    if (this.basisSize > 0) {
      const coords = new Float32Array(capacity * this.basisSize);
      coords.set(this.coords.subarray(0, this.rows * this.basisSize));
      this.coords = coords;
    }
    const tails = new Float32Array(capacity * this.tailsPerRow());
    tails.set(this.tails.subarray(0, this.rows * this.tailsPerRow()));
    this.tails = tails;
    this.capacity = capacity;
  }
}

/** Dot product of `n` values of `a` from `ai` and `b` from `bi` (four accumulators: V8 overlaps the multiplies). */
function dot(a: Float32Array, ai: number, b: Float32Array, bi: number, n: number): number {
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

/** Norm of the coordinates `from..size` of the `size` coordinates at `at` (all of them from `from` on when size is omitted). */
function tailNorm(coords: Float32Array, from: number, at: number, size = coords.length): number {
  let sum = 0;
  for (let i = from; i < size; i++) sum += coords[at + i]! * coords[at + i]!;
  return Math.sqrt(sum);
}

/**
 * Mean share of the rows' energy along the basis (1 when the rows lie in its span), over up to 512 rows
 * between those the basis was estimated from when there are enough.
 */
function capturedEnergy(basis: Float32Array, rows: Float32Array, dims: number): number {
  const count = rows.length / dims;
  const k = basis.length / dims;
  const step = Math.max(1, Math.floor(count / 512));
  let sum = 0;
  let n = 0;
  for (let r = Math.floor(step / 2); r < count; r += step, n++) {
    for (let j = 0; j < k; j++) sum += dot(basis, j * dims, rows, r * dims, dims) ** 2;
  }
  return n === 0 ? 0 : sum / n;
}

/** Euclidean norm of `n` values of `a` from `at`. */
function norm(a: Float32Array, at: number, n: number): number {
  return Math.sqrt(dot(a, at, a, at, n));
}

/** How many leading values of each row are stored apart (a quarter of the row). */
export function headSize(dims: number): number {
  return Math.floor(dims / 4);
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
