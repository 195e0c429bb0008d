/** Options of a Batcher. */
export interface BatcherOptions<I, O> {
  /** Most items handed to `run` at once (`performance.max_batch_size`, default 8). */
  maxBatchSize?: number;
  /** How long the first waiting item waits for others before a partial batch runs (default 10 ms). */
  maxWaitMs?: number;
  /**
   * Processes one batch; must resolve to exactly one result per item, in the items' order. A rejection
   * rejects every item of that batch.
   */
  run: (items: I[]) => Promise<O[]>;
}

interface Waiting<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (reason: unknown) => void;
}

/**
 * Dynamic batching: items submitted close together are grouped into batches of up to `maxBatchSize`;
 * a full batch runs at once, a partial one after `maxWaitMs`. Batches run one at a time in submission
 * order, and every caller gets the result at its own item's position.
 */
export class Batcher<I, O> {
  private waiting: Waiting<I, O>[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<void> = Promise.resolve();
  private readonly maxBatchSize: number;
  private readonly maxWaitMs: number;
  /** Sizes of the batches run so far (for tests and benchmarks). */
  readonly batchSizes: number[] = [];

  constructor(private readonly options: BatcherOptions<I, O>) {
    this.maxBatchSize = Math.max(1, Math.floor(options.maxBatchSize ?? 8));
    this.maxWaitMs = Math.max(0, options.maxWaitMs ?? 10);
  }

  /** Queue one item; resolves with its result once its batch has run. */
  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.waiting.length >= this.maxBatchSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.maxWaitMs);
    });
  }

  /** Queue several items; resolves with their results in the same order. */
  submitAll(items: I[]): Promise<O[]> {
    return Promise.all(items.map((i) => this.submit(i)));
  }

  /** Run what is waiting now, without waiting for the timeout. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatchSize);
      this.batchSizes.push(batch.length);
      this.chain = this.chain.then(() => this.runBatch(batch));
    }
  }

  private async runBatch(batch: Waiting<I, O>[]): Promise<void> {
    let results: O[];
    try {
      results = await this.options.run(batch.map((w) => w.item));
      if (!Array.isArray(results) || results.length !== batch.length) {
        throw new Error(`batch run returned ${Array.isArray(results) ? results.length : 'no'} results for ${batch.length} items`);
      }
    } catch (err) {
      for (const w of batch) w.reject(err);
      return;
    }
    batch.forEach((w, i) => w.resolve(results[i]!));
  }
}
