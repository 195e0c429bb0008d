/**
 * Zeroed float64 vectors of one length carved out of shared buffers. A typed array of more than a few
 * numbers is allocated outside the JavaScript heap, each with bookkeeping that every minor garbage collection
 * has to sweep: the tagger's caches make hundreds of small vectors per text, so they come from here (views of
 * one buffer per {@link VectorSlab.PER_BUFFER} vectors) instead.
 */
export class VectorSlab {
  static readonly PER_BUFFER = 256;
  private buffer = new Float64Array(0);
  private used = 0;

  constructor(private readonly length: number) {}

  /** A new zeroed vector. */
  take(): Float64Array {
    if (this.used + this.length > this.buffer.length) {
      this.buffer = new Float64Array(this.length * VectorSlab.PER_BUFFER);
      this.used = 0;
    }
    this.used += this.length;
    return this.buffer.subarray(this.used - this.length, this.used);
  }
}
