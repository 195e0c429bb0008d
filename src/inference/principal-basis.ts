/** Rows sampled (evenly spaced) to estimate the principal directions. */
const SAMPLE_ROWS = 512;
/** Rounds of orthogonal iteration. */
const ROUNDS = 4;

/**
 * An orthonormal basis of `k` directions (rows of the result, `k × dims`) along which the rows of
 * `vectors` (row-major, `dims` per row) have the most energy, leading direction first: the top
 * eigenvectors of the uncentred second-moment matrix, estimated by orthogonal iteration on an evenly
 * spaced sample. Any orthonormal set is valid for an exact search; a better estimate only prunes more.
 */
export function principalBasis(vectors: Float32Array, dims: number, k: number): Float32Array {
  const rows = Math.floor(vectors.length / dims);
  if (k < 1 || k > dims) throw new RangeError(`basis size ${k} is not in 1..${dims}`);
  const step = Math.max(1, rows / SAMPLE_ROWS);
  const sample: number[] = [];
  for (let r = 0; r < rows && sample.length < SAMPLE_ROWS; r = Math.floor((sample.length + 1) * step)) sample.push(r);
  const m = secondMoment(vectors, dims, sample);
  let q: Float64Array[] = orthonormalise(sample.slice(0, k).map((r) => Float64Array.from(vectors.subarray(r * dims, (r + 1) * dims))), dims, k);
  for (let round = 0; round < ROUNDS; round++) q = orthonormalise(q.map((col) => multiply(m, col, dims)), dims, k);
  const out = new Float32Array(k * dims);
  q.forEach((col, j) => out.set(col, j * dims));
  return out;
}

/** Upper and lower triangle of Σ v vᵀ over the sampled rows, row-major `dims × dims`. */
function secondMoment(vectors: Float32Array, dims: number, sample: readonly number[]): Float64Array {
  const m = new Float64Array(dims * dims);
  for (const r of sample) {
    const off = r * dims;
    for (let i = 0; i < dims; i++) {
      const vi = vectors[off + i]!;
      if (vi === 0) continue;
      const row = i * dims;
      for (let j = i; j < dims; j++) m[row + j]! += vi * vectors[off + j]!;
    }
  }
  for (let i = 0; i < dims; i++) for (let j = 0; j < i; j++) m[i * dims + j] = m[j * dims + i]!;
  return m;
}

function multiply(m: Float64Array, v: Float64Array, dims: number): Float64Array {
  const out = new Float64Array(dims);
  for (let i = 0; i < dims; i++) {
    let s = 0;
    const row = i * dims;
    for (let j = 0; j < dims; j++) s += m[row + j]! * v[j]!;
    out[i] = s;
  }
  return out;
}

/**
 * Modified Gram–Schmidt of `cols` in order, topped up to `k` columns with standard basis vectors where a
 * column is (nearly) dependent on the previous ones.
 */
function orthonormalise(cols: Float64Array[], dims: number, k: number): Float64Array[] {
  const out: Float64Array[] = [];
  let unitAxis = 0;
  const take = (v: Float64Array): boolean => {
    for (let pass = 0; pass < 2; pass++) {
      for (const u of out) {
        let d = 0;
        for (let i = 0; i < dims; i++) d += u[i]! * v[i]!;
        for (let i = 0; i < dims; i++) v[i]! -= d * u[i]!;
      }
    }
    let n = 0;
    for (let i = 0; i < dims; i++) n += v[i]! * v[i]!;
    n = Math.sqrt(n);
    if (!(n > 1e-9)) return false;
    for (let i = 0; i < dims; i++) v[i]! /= n;
    out.push(v);
    return true;
  };
  for (const c of cols) if (out.length < k) take(Float64Array.from(c));
  while (out.length < k && unitAxis < dims) {
    const e = new Float64Array(dims);
    e[unitAxis++] = 1;
    take(e);
  }
  return out;
}
