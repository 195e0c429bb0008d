/**
 * Batched local generation with node-llama-cpp: one context with N sequences, and up to N prompts
 * generated in lock step, so that each step decodes one token of every running prompt in a single
 * llama.cpp batch. node-llama-cpp is imported lazily, only when a model is loaded.
 *
 * Why lock step (and not N `LlamaCompletion`s side by side): node-llama-cpp's contexts keep one KV stream
 * per sequence, and llama.cpp then splits a batch into one pass over the weights per run of *consecutive*
 * sequence ids. Independent completions queue their tokens in whatever order their JS continuations finish
 * (measured: "7012345", "3245671"), so a step of 8 tokens cost 2–4 passes and one sequence usually missed the
 * step altogether. Here every step queues all running sequences in the same tick in increasing id order, and a
 * sequence that has already finished but sits between running ones gets one filler token (no logits), so a
 * step is one pass.
 */
import type { Llama, LlamaContext, LlamaContextSequence, LlamaModel, Token } from 'node-llama-cpp';

/** What to load. */
export interface BatchModelOptions {
  modelPath: string;
  /** Sequences decoded together (`performance.max_batch_size`, default 8). */
  sequences?: number;
  /** Context tokens per sequence (default 1024, capped at the model's training context). */
  contextPerSequence?: number;
  /** CPU threads (default: node-llama-cpp's choice; pass os.availableParallelism()). */
  threads?: number;
  /** GPU layers (default 'auto'; 0 = CPU only). */
  gpuLayers?: number | 'auto';
  /** Tokens evaluated per decode call (default 512). */
  batchSize?: number;
}

/** Per-call generation settings, shared by every prompt of the batch. */
export interface BatchGenerateOptions {
  maxTokens?: number;
  /** 0 (default) is greedy and deterministic. */
  temperature?: number;
  /** Generation of a prompt ends before the first of these strings; the stop string is not returned. */
  stop?: string[];
  /** Stops every prompt of the batch at the next step; finished text so far is returned with stopReason 'abort'. */
  signal?: AbortSignal;
}

/** Why one prompt's generation ended. */
export type BatchStopReason = 'eos' | 'maxTokens' | 'stop' | 'abort';

/** One prompt's generated text, how many tokens it produced, and why it stopped. */
export interface BatchOutput {
  text: string;
  tokens: number;
  stopReason: BatchStopReason;
}

/** One prompt that could not be generated (the other prompts of the batch are unaffected). */
export interface BatchFailure {
  error: 'prompt_too_long' | 'failed';
  message: string;
}

/** The result for one prompt of a batch. */
export type BatchItemResult = BatchOutput | BatchFailure;

/** True when a batch item failed. */
export function isBatchFailure(item: BatchItemResult): item is BatchFailure {
  return 'error' in item;
}

interface Running {
  index: number;
  seq: LlamaContextSequence;
  pending: Token[];
  generated: Token[];
  done: boolean;
  lastToken: Token;
  why?: BatchStopReason;
}

/** A loaded model with an N-sequence context, generating up to N prompts at a time. */
export class LlamaBatchGenerator {
  private busy: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly model: LlamaModel,
    private readonly context: LlamaContext,
    private readonly seqs: LlamaContextSequence[],
    private readonly perSequence: number,
    /** The Llama instance when this generator loaded the model itself (and so frees it). */
    private readonly owned: Llama | undefined,
  ) {}

  /** Number of sequences (the largest batch decoded together). */
  get sequences(): number {
    return this.seqs.length;
  }

  /** Context tokens available to each sequence (prompt plus generated). */
  get contextPerSequence(): number {
    return this.perSequence;
  }

  /** Load the model and create the context. Never downloads or builds llama.cpp. */
  static async load(options: BatchModelOptions): Promise<LlamaBatchGenerator> {
    const { getLlama } = await import('node-llama-cpp');
    const gpuLayers = options.gpuLayers ?? 'auto';
    const llama = await getLlama({ build: 'never', gpu: gpuLayers === 0 ? false : 'auto', logLevel: 'error' as never, ...(options.threads ? { maxThreads: options.threads } : {}) });
    const model = await llama.loadModel({ modelPath: options.modelPath, gpuLayers });
    return LlamaBatchGenerator.create(model, options, llama);
  }

  /**
   * A generator on an already loaded model (a second context beside the caller's); disposing it frees only
   * its context unless `owner` is given, whose model and Llama it then frees too.
   */
  static async create(model: LlamaModel, options: Omit<BatchModelOptions, 'modelPath' | 'gpuLayers'>, owner?: Llama): Promise<LlamaBatchGenerator> {
    const sequences = Math.max(1, options.sequences ?? 8);
    const per = Math.min(options.contextPerSequence ?? 1024, model.trainContextSize);
    const context = await model.createContext({
      sequences,
      contextSize: per * sequences,
      batchSize: options.batchSize ?? 512,
      ...(options.threads ? { threads: options.threads } : {}),
    });
    const seqs = Array.from({ length: sequences }, () => context.getSequence());
    return new LlamaBatchGenerator(model, context, seqs, Math.floor(context.contextSize / sequences), owner);
  }

  /**
   * Generates for each prompt on its own sequence, all in lock step; results in prompt order, one per
   * prompt. A prompt that does not fit its sequence's context fails alone (`BatchFailure`). At most
   * `sequences` prompts; calls are served one batch at a time.
   */
  generateBatch(prompts: string[], options: BatchGenerateOptions = {}): Promise<BatchItemResult[]> {
    if (prompts.length > this.sequences) return Promise.reject(new RangeError(`at most ${this.sequences} prompts per batch, got ${prompts.length}`));
    const run = this.busy.then(() => this.runBatch(prompts, options));
    this.busy = run.catch(() => undefined);
    return run;
  }

  /** Generates for one prompt on one sequence (the unbatched baseline). Throws when the prompt fails. */
  async generateOne(prompt: string, options: BatchGenerateOptions = {}): Promise<BatchOutput> {
    const [out] = await this.generateBatch([prompt], options);
    if (!out || isBatchFailure(out)) throw new Error(out?.message ?? 'no result');
    return out;
  }

  private tokenize(prompt: string): Token[] {
    const bos = this.model.tokens.shouldPrependBosToken ? this.model.tokens.bos : null;
    const body = this.model.tokenize(prompt, false, bos != null ? 'trimLeadingSpace' : undefined);
    return bos != null ? [bos, ...body] : body;
  }

  private async runBatch(prompts: string[], options: BatchGenerateOptions): Promise<BatchItemResult[]> {
    const maxTokens = Math.max(1, options.maxTokens ?? 64);
    const results: BatchItemResult[] = new Array(prompts.length);
    const running: Running[] = [];
    for (const [index, prompt] of prompts.entries()) {
      const seq = this.seqs[index]!;
      const tokens = this.tokenize(prompt);
      if (tokens.length === 0 || tokens.length + 1 > this.perSequence) {
        results[index] = { error: 'prompt_too_long', message: `prompt of ${tokens.length} tokens does not fit a ${this.perSequence}-token sequence` };
        continue;
      }
      // Keep what this sequence already holds of the prompt (a shared instruction prefix), evaluate the rest.
      await seq.adaptStateToTokens(tokens.slice(0, -1), false);
      running.push({ index, seq, pending: tokens.slice(seq.nextTokenIndex), generated: [], done: false, lastToken: tokens.at(-1)! });
    }
    try {
      await this.decodeInLockStep(running, maxTokens, options);
    } catch (err) {
      const message = String((err as Error).message ?? err).slice(0, 500);
      for (const r of running) if (!r.done) results[r.index] = { error: 'failed', message };
    }
    for (const r of running) results[r.index] ??= this.finish(r, options.stop ?? [], r.generated.length >= maxTokens ? 'maxTokens' : 'eos');
    return results;
  }

  private async decodeInLockStep(running: Running[], maxTokens: number, options: BatchGenerateOptions): Promise<void> {
    const stop = options.stop ?? [];
    const generateNext = { token: true, options: { temperature: options.temperature ?? 0 } } as const;
    for (;;) {
      const live = running.filter((r) => !r.done);
      if (live.length === 0) return;
      if (options.signal?.aborted) { for (const r of live) this.end(r, 'abort'); return; }
      const lo = live[0]!.index;
      const hi = live.at(-1)!.index;
      // Queue every sequence from lo to hi in this tick, in id order: one llama.cpp pass for the step (a
      // finished sequence with no room left for a filler is skipped, at the cost of a split).
      const inStep = running.filter((r) => r.index >= lo && r.index <= hi && (!r.done || r.seq.nextTokenIndex + 1 < this.perSequence));
      const step = inStep.map((r) => {
        if (r.done) return r.seq.controlledEvaluate([r.lastToken]).then(() => undefined);
        const input = r.pending.length > 0 ? r.pending : [r.lastToken];
        const last = input.at(-1)!;
        return r.seq.controlledEvaluate([...input.slice(0, -1), [last, { generateNext }]]).then((out) => out.at(-1)?.next?.token ?? null);
      });
      const next = await Promise.all(step);
      inStep.forEach((r, i) => {
        if (r.done) return;
        r.pending = [];
        const token = next[i];
        if (token == null || this.model.isEogToken(token)) { this.end(r, 'eos'); return; }
        r.generated.push(token);
        r.lastToken = token;
        if (stop.length > 0 && this.stopIndex(r.generated, stop) >= 0) { this.end(r, 'stop'); return; }
        if (r.generated.length >= maxTokens || r.seq.nextTokenIndex + 1 >= this.perSequence) this.end(r, 'maxTokens');
      });
    }
  }

  private end(r: Running, why: BatchStopReason): void {
    r.done = true;
    r.why = why;
  }

  private stopIndex(tokens: Token[], stop: string[]): number {
    const text = this.model.detokenize(tokens);
    let at = -1;
    for (const s of stop) {
      const i = s ? text.indexOf(s) : -1;
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    return at;
  }

  private finish(r: Running, stop: string[], fallback: BatchStopReason): BatchOutput {
    const why = r.why ?? fallback;
    let text = this.model.detokenize(r.generated);
    const cut = stop.length > 0 ? this.stopIndex(r.generated, stop) : -1;
    if (cut >= 0) text = text.slice(0, cut);
    return { text, tokens: r.generated.length, stopReason: why };
  }

  /** Free the context (and the model, when this generator loaded it). */
  async dispose(): Promise<void> {
    await this.context.dispose();
    if (this.owned) {
      await this.model.dispose();
      await this.owned.dispose();
    }
  }
}
