import type { AIProvider, BatchOutcome, BatchPrompt, GenerateOptions } from './types.js';

/** The text and system prompt of a batch item given as a string or a BatchPrompt. */
export function batchPrompt(item: string | BatchPrompt, options: GenerateOptions): BatchPrompt {
  const p = typeof item === 'string' ? { prompt: item } : item;
  const system = p.system ?? options.system;
  return system !== undefined ? { prompt: p.prompt, system } : { prompt: p.prompt };
}

/**
 * Generates for every prompt, through `provider.generateBatch` when the provider has it and otherwise with
 * one `generate` call after another; one outcome per prompt, in prompt order. A prompt's own failure is a
 * rejected outcome; an abort rejects the whole call.
 */
export async function generateEach(provider: AIProvider, prompts: ReadonlyArray<string | BatchPrompt>, options: GenerateOptions = {}): Promise<BatchOutcome[]> {
  if (prompts.length === 0) return [];
  if (provider.generateBatch) return provider.generateBatch(prompts, options);
  return generateOneByOne(provider, prompts, options);
}

/** The default batch: one `generate` call per prompt, in order, each failure kept with its prompt. */
export async function generateOneByOne(provider: AIProvider, prompts: ReadonlyArray<string | BatchPrompt>, options: GenerateOptions = {}): Promise<BatchOutcome[]> {
  const out: BatchOutcome[] = [];
  for (const item of prompts) {
    const p = batchPrompt(item, options);
    out.push(await settle(provider.generate(p.prompt, { ...options, ...(p.system !== undefined ? { system: p.system } : {}) }), options));
  }
  return out;
}

/**
 * Runs `prompts` through `generate` with at most `concurrency` requests in flight (for remote providers
 * whose servers answer several requests at once); outcomes in prompt order.
 */
export async function generateConcurrently(provider: AIProvider, prompts: ReadonlyArray<string | BatchPrompt>, options: GenerateOptions, concurrency: number): Promise<BatchOutcome[]> {
  const out: BatchOutcome[] = new Array(prompts.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < prompts.length) {
      const i = next++;
      const p = batchPrompt(prompts[i]!, options);
      out[i] = await settle(provider.generate(p.prompt, { ...options, ...(p.system !== undefined ? { system: p.system } : {}) }), options);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, prompts.length)) }, worker));
  return out;
}

/** Settles one call; an abort of the whole batch is rethrown instead of kept as one prompt's failure. */
async function settle(call: Promise<string>, options: GenerateOptions): Promise<BatchOutcome> {
  try {
    return { status: 'fulfilled', value: await call };
  } catch (reason) {
    if (options.signal?.aborted) throw reason;
    return { status: 'rejected', reason };
  }
}
