/**
 * Recording and token-counting of the model calls a summary makes, for benchmarks/insight/summary-model.ts.
 * A recorder wraps any AIProvider and keeps, per call, the text the model was given and the text it returned;
 * a tokenizer loaded in this process (node-llama-cpp, vocabulary only) counts those texts in the model's own
 * tokens afterwards. Nothing here changes the provider or the sandbox protocol.
 */
import { batchPrompt } from '../../src/providers/batch.js';
import type { AIProvider, BatchOutcome, BatchPrompt, GenerateOptions } from '../../src/providers/types.js';

/** One model call as the provider saw it. */
export interface RecordedCall {
  /** `batch`: one prompt of a generateBatch call (several prompts decoded together). */
  method: 'generate' | 'stream' | 'batch';
  /** For a batch prompt: which generateBatch call, its size, and the tokens the sandbox generated for the whole batch. */
  batch: { call: number; size: number; generatedTokens: number | null } | null;
  /** The text the llama provider feeds the model: system prompt, blank line, prompt. */
  input: string;
  output: string;
  maxTokens: number | null;
  wallMs: number;
  /** Generated tokens as the llama sandbox counted them while generating (null for other providers). */
  generatedTokens: number | null;
  stopReason: string | null;
  /** The provider's error message when the call failed (the call is still recorded, then the error rethrown). */
  error: string | null;
}

/** The model's own tokenizer: tokens a text becomes, and whether the model adds a BOS token to a prompt. */
export interface ModelTokenizer {
  count(text: string, asPrompt: boolean): number;
  dispose(): Promise<void>;
}

type SandboxLike = { lastResult?: { tokens: number; stopReason: string }; generatedTokens?: number };

const sandboxOf = (provider: AIProvider) => (provider as { sandboxProcess?: SandboxLike }).sandboxProcess;

/**
 * Wrap `provider` so that every `generate` and `stream` call, and every prompt of a `generateBatch` call, is
 * appended to `calls` and passed to `onCall` (other methods pass through unrecorded; the caller compares
 * counts with writeReflection's usage).
 */
export function recordCalls(provider: AIProvider, calls: RecordedCall[], onCall?: (call: RecordedCall) => void): AIProvider {
  const inputOf = (prompt: string, options?: GenerateOptions) => (options?.system ? `${options.system}\n\n${prompt}` : prompt);
  const after = (method: RecordedCall['method'], input: string, output: string, options: GenerateOptions | undefined, start: number, error: unknown = null) => {
    const result = sandboxOf(provider)?.lastResult;
    const message = error === null ? null : error instanceof Error ? error.message : String(error);
    const call: RecordedCall = { method, batch: null, input, output, maxTokens: options?.maxTokens ?? null, wallMs: performance.now() - start, generatedTokens: result?.tokens ?? null, stopReason: result?.stopReason ?? null, error: message };
    calls.push(call);
    onCall?.(call);
  };
  /** Clear the sandbox's last result, so a failed call is not credited with the previous call's tokens. */
  const forget = () => {
    const sandbox = sandboxOf(provider);
    if (sandbox) sandbox.lastResult = undefined;
  };
  let batches = 0;
  return new Proxy(provider, {
    get(target, property, receiver) {
      if (property === 'generate') {
        return async (prompt: string, options?: GenerateOptions) => {
          forget();
          const start = performance.now();
          try {
            const output = await target.generate(prompt, options);
            after('generate', inputOf(prompt, options), output, options, start);
            return output;
          } catch (err) {
            after('generate', inputOf(prompt, options), '', options, start, err);
            throw err;
          }
        };
      }
      if (property === 'stream') {
        return async function* stream(prompt: string, options?: GenerateOptions) {
          forget();
          const start = performance.now();
          let output = '';
          let failure: unknown = null;
          try {
            for await (const chunk of target.stream(prompt, options)) {
              output += chunk;
              yield chunk;
            }
          } catch (err) {
            failure = err;
            throw err;
          } finally {
            after('stream', inputOf(prompt, options), output, options, start, failure);
          }
        };
      }
      if (property === 'generateBatch' && target.generateBatch) {
        const batchOf = target.generateBatch.bind(target);
        return async (prompts: ReadonlyArray<string | BatchPrompt>, options: GenerateOptions = {}): Promise<BatchOutcome[]> => {
          const sandbox = sandboxOf(provider);
          const before = sandbox?.generatedTokens;
          const start = performance.now();
          const outcomes = await batchOf(prompts, options);
          const wallMs = performance.now() - start;
          const after = sandbox?.generatedTokens;
          const batch = { call: ++batches, size: prompts.length, generatedTokens: before !== undefined && after !== undefined ? after - before : null };
          prompts.forEach((item, i) => {
            const p = batchPrompt(item, options);
            const outcome = outcomes[i];
            const reason: unknown = outcome?.status === 'rejected' ? outcome.reason : null;
            const call: RecordedCall = {
              method: 'batch', batch, input: inputOf(p.prompt, p.system !== undefined ? { system: p.system } : {}),
              output: outcome?.status === 'fulfilled' ? outcome.value : '', maxTokens: options.maxTokens ?? null, wallMs,
              generatedTokens: null, stopReason: null, error: reason === null ? null : reason instanceof Error ? reason.message : String(reason),
            };
            calls.push(call);
            onCall?.(call);
          });
          return outcomes;
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Load a GGUF's vocabulary (no weights) with node-llama-cpp in this process, never building llama.cpp, and
 * count tokens as LlamaCompletion does: a prompt gets the BOS token when the model asks for one (and loses
 * a leading space then); an output is counted as its plain tokenisation.
 */
export async function loadModelTokenizer(modelPath: string): Promise<ModelTokenizer> {
  const { getLlama } = await import('node-llama-cpp');
  const llama = await getLlama({ build: 'never', gpu: false, logLevel: 'error' as never });
  const model = await llama.loadModel({ modelPath, vocabOnly: true, gpuLayers: 0 });
  const bos = model.tokens.shouldPrependBosToken && model.tokens.bos !== null;
  return {
    count(text, asPrompt) {
      if (!asPrompt) return model.tokenize(text).length;
      return bos ? 1 + model.tokenize(text, false, 'trimLeadingSpace').length : model.tokenize(text).length;
    },
    async dispose() {
      await model.dispose();
      await llama.dispose();
    },
  };
}
