/**
 * A log-bucketed latency histogram (the HDR / DDSketch idea): a value v > 0 falls in bucket
 * ceil(log_γ v) with γ = (1 + α) / (1 − α), so every bucket spans a fixed *relative* width and any
 * percentile read back from the buckets is within a relative error α of a true sample value. Memory
 * grows with the logarithm of the value range, never with the number of samples.
 */

/** Default relative accuracy of percentiles (1 %). */
export const DEFAULT_RELATIVE_ACCURACY = 0.01;

/** Values at or below this (in the histogram's unit) count as zero. */
const MIN_VALUE = 1e-6;

/** The persisted form of a histogram (plain JSON, numbers only). */
export interface HistogramJson {
  /** Relative accuracy α the buckets were built with. */
  alpha: number;
  /** Samples per bucket index (sparse; keys are integer bucket indexes). */
  buckets: Record<string, number>;
  /** Samples that were zero or below MIN_VALUE. */
  zero: number;
  count: number;
  sum: number;
  min: number;
  max: number;
}

/** Log-bucketed histogram of non-negative values with percentile queries. */
export class LogHistogram {
  private readonly gamma: number;
  private readonly logGamma: number;
  private readonly buckets = new Map<number, number>();
  private zero = 0;
  private total = 0;
  private sumValue = 0;
  private minValue = Infinity;
  private maxValue = -Infinity;

  /** `alpha`: relative accuracy of percentiles, in (0, 0.5). */
  constructor(readonly alpha: number = DEFAULT_RELATIVE_ACCURACY) {
    if (!(alpha > 0 && alpha < 0.5)) throw new RangeError(`relative accuracy must be in (0, 0.5), got ${alpha}`);
    this.gamma = (1 + alpha) / (1 - alpha);
    this.logGamma = Math.log(this.gamma);
  }

  /** Add one sample (negative, NaN and infinite values are ignored). */
  record(value: number): void {
    if (!Number.isFinite(value) || value < 0) return;
    this.total += 1;
    this.sumValue += value;
    this.minValue = Math.min(this.minValue, value);
    this.maxValue = Math.max(this.maxValue, value);
    if (value <= MIN_VALUE) {
      this.zero += 1;
      return;
    }
    const index = Math.ceil(Math.log(value) / this.logGamma);
    this.buckets.set(index, (this.buckets.get(index) ?? 0) + 1);
  }

  /** Number of samples. */
  get count(): number {
    return this.total;
  }

  /** Sum of all samples. */
  get sum(): number {
    return this.sumValue;
  }

  /** Smallest sample (NaN when empty). */
  get min(): number {
    return this.total ? this.minValue : NaN;
  }

  /** Largest sample (NaN when empty). */
  get max(): number {
    return this.total ? this.maxValue : NaN;
  }

  /**
   * The q-quantile (q in [0, 1], e.g. 0.95 for P95), estimated from the buckets with relative error at
   * most α, clamped to the observed min and max. NaN when empty.
   */
  quantile(q: number): number {
    if (this.total === 0) return NaN;
    if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be in [0, 1], got ${q}`);
    const rank = Math.max(1, Math.ceil(q * this.total)); // the rank-th smallest sample (1-based)
    if (rank <= this.zero) return 0;
    let seen = this.zero;
    for (const index of [...this.buckets.keys()].sort((a, b) => a - b)) {
      seen += this.buckets.get(index)!;
      if (seen >= rank) {
        // Bucket i holds (γ^(i−1), γ^i]; its centre 2γ^i/(γ+1) is within α of every value in it.
        const estimate = (2 * Math.pow(this.gamma, index)) / (this.gamma + 1);
        return Math.min(this.maxValue, Math.max(this.minValue, estimate));
      }
    }
    return this.maxValue;
  }

  /** Add every sample of another histogram with the same α. */
  merge(other: LogHistogram): void {
    if (other.alpha !== this.alpha) throw new RangeError('cannot merge histograms of different accuracy');
    for (const [index, n] of other.buckets) this.buckets.set(index, (this.buckets.get(index) ?? 0) + n);
    this.zero += other.zero;
    this.total += other.total;
    this.sumValue += other.sumValue;
    if (other.total) {
      this.minValue = Math.min(this.minValue, other.minValue);
      this.maxValue = Math.max(this.maxValue, other.maxValue);
    }
  }

  /** Number of non-empty buckets (what the histogram costs in memory and on disk). */
  get bucketCount(): number {
    return this.buckets.size;
  }

  /** The persisted form. */
  toJSON(): HistogramJson {
    const buckets: Record<string, number> = {};
    for (const [index, n] of this.buckets) buckets[String(index)] = n;
    return { alpha: this.alpha, buckets, zero: this.zero, count: this.total, sum: this.sumValue, min: this.total ? this.minValue : 0, max: this.total ? this.maxValue : 0 };
  }

  /** Rebuild a histogram from its persisted form; throws RangeError on malformed input. */
  static fromJSON(json: unknown): LogHistogram {
    const j = json as Partial<HistogramJson> | null;
    if (!j || typeof j !== 'object' || typeof j.alpha !== 'number' || !j.buckets || typeof j.buckets !== 'object') throw new RangeError('not a histogram');
    const h = new LogHistogram(j.alpha);
    let total = num(j.zero);
    for (const [key, n] of Object.entries(j.buckets)) {
      if (!/^-?\d+$/.test(key) || !Number.isInteger(n) || n <= 0) throw new RangeError('bad histogram bucket');
      h.buckets.set(Number(key), n);
      total += n;
    }
    if (total !== num(j.count)) throw new RangeError('histogram count does not match its buckets');
    h.zero = num(j.zero);
    h.total = total;
    h.sumValue = finite(j.sum);
    if (total) {
      h.minValue = finite(j.min);
      h.maxValue = finite(j.max);
    }
    return h;
  }
}

function num(v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new RangeError('bad histogram count');
  return v;
}

function finite(v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError('bad histogram value');
  return v;
}
