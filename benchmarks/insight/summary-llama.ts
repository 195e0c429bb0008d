/**
 * One model's part of the summary-model benchmark: the map-reduce of `companion summary` (writeReflection)
 * run through the real llama provider (sandboxed node-llama-cpp child) on a GGUF file, with every call
 * recorded and counted in the model's own tokens.
 */
import { mapPrompt, writeReflection } from '../../src/core/insight/index.js';
import { estimateTokens } from '../../src/core/summary/tokens.js';
import { LlamaProvider } from '../../src/providers/llama-provider.js';
import { loadModelTokenizer, recordCalls, type RecordedCall } from './model-calls.js';
import type { SummaryInputs } from './summary-inputs.js';

/** One model call of a run, in the model's tokens (and the batching's own estimate of the prompt, for comparison). */
export interface CallReport {
  /** map (notes per batch), merge (a reduce round) or final (the streamed reflection, the last reduce call). */
  step: 'map' | 'merge' | 'final';
  method: RecordedCall['method'];
  promptTokens: number;
  promptTokensEstimated: number;
  /** Generated tokens as counted by the sandbox while generating (null for a batch prompt: see batch). */
  generatedTokens: number | null;
  /** For a map prompt sent in a generateBatch: which batch call, its size and the batch's generated tokens. */
  batch: RecordedCall['batch'];
  /** The returned text tokenised again (can differ from generatedTokens: stop strings, cleaning, merges). */
  outputTokens: number;
  maxTokens: number | null;
  /** The prompt plus the output limit does not fit the context: node-llama-cpp cuts the prompt's start. */
  overflowsContext: boolean;
  stopReason: string | null;
  error: string | null;
  wallMs: number;
}

/** One summary run of one model: calls, token totals, time and what became of the reflection. */
export interface RunReport {
  model: string;
  entries: number;
  /** The model's context window. */
  contextTokens: number;
  /** The window writeReflection was told (smaller when fitted to the tokenizer). */
  contextTokensGiven: number;
  /** Model tokens per estimateTokens() token on the period's map prompt. */
  tokensPerEstimate: number;
  mapCalls: number;
  reduceCalls: number;
  calls: CallReport[];
  totals: { promptTokens: number; generatedTokens: number; outputTokens: number; promptTokensEstimated: number };
  /** generateBatch calls (the map step sends all its prompts in one). */
  batchCalls: number;
  /** Successful calls the recorder saw; should equal the service's own count. */
  callsSeenByRecorder: number;
  callsCountedByService: number;
  wallMs: number;
  reflection: 'model' | 'builtin';
  fallbackReason: string | null;
}

/** What to run: the GGUF, a label, the periods, the context to ask for and a per-call limit. */
export interface LlamaRunOptions {
  label: string;
  modelPath: string;
  periods: SummaryInputs[];
  contextSize: number;
  timeoutMs: number;
  /** llama.cpp CPU threads. */
  threads: number;
  /**
   * Tell writeReflection a window shrunk by the model's tokens per estimated token (plus 10%), so that batches
   * planned with estimateTokens() fit this model's real context.
   */
  fitToTokenizer: boolean;
  /** Called after every recorded call (for progress lines). */
  onCall?: (done: number, call: RecordedCall) => void;
}

/** Which step a call is, from the instruction its prompt ends with (the same markers the mock fixture matches). */
function stepOf(input: string): CallReport['step'] {
  if (input.includes('Write up to 6 short notes')) return 'map';
  if (input.includes('Merge these notes')) return 'merge';
  return 'final';
}

/** Load the model once (reporting load time), run each period, and report every call. */
export async function runLlamaSummaries(options: LlamaRunOptions): Promise<{ loadMs: number; contextTokens: number; runs: RunReport[] }> {
  const tokenizer = await loadModelTokenizer(options.modelPath);
  const provider = new LlamaProvider({ modelPath: options.modelPath, contextSize: options.contextSize, gpuLayers: 0, threads: options.threads, timeoutMs: options.timeoutMs });
  const loadStart = performance.now();
  const runs: RunReport[] = [];
  try {
    await provider.initialize();
    const loadMs = performance.now() - loadStart;
    const contextTokens = provider.sandboxProcess?.model?.contextSize ?? options.contextSize;
    for (const period of options.periods) {
      const recorded: RecordedCall[] = [];
      const seen = { count: 0 };
      const whole = mapPrompt(period.items);
      const tokensPerEstimate = tokenizer.count(`${whole.system}\n\n${whole.prompt}`, true) / (estimateTokens(whole.system) + estimateTokens(whole.prompt));
      const contextTokensGiven = options.fitToTokenizer ? Math.floor(contextTokens / (tokensPerEstimate * 1.1)) : contextTokens;
      const start = performance.now();
      const { reflection, usage } = await writeReflection(recordCalls(provider, recorded, (call) => options.onCall?.(++seen.count, call)), period.stats, period.items, { contextTokens: contextTokensGiven, timeoutMs: options.timeoutMs });
      const wallMs = performance.now() - start;
      const calls = recorded.map((call): CallReport => {
        const promptTokens = tokenizer.count(call.input, true);
        const [system, ...rest] = call.input.split('\n\n');
        return {
          step: stepOf(call.input),
          method: call.method,
          promptTokens,
          promptTokensEstimated: estimateTokens(system ?? '') + estimateTokens(rest.join('\n\n')),
          generatedTokens: call.generatedTokens,
          batch: call.batch,
          outputTokens: tokenizer.count(call.output, false),
          maxTokens: call.maxTokens,
          overflowsContext: promptTokens + (call.maxTokens ?? 0) > contextTokens,
          stopReason: call.stopReason,
          error: call.error,
          wallMs: Math.round(call.wallMs),
        };
      });
      const sum = (f: (c: CallReport) => number) => calls.reduce((a, c) => a + f(c), 0);
      const batchTokens = [...new Map(calls.filter((c) => c.batch).map((c) => [c.batch!.call, c.batch!.generatedTokens ?? 0])).values()].reduce((a, b) => a + b, 0);
      runs.push({
        model: options.label, entries: period.entries.length, contextTokens, contextTokensGiven, tokensPerEstimate: Number(tokensPerEstimate.toFixed(2)), mapCalls: usage.mapCalls, reduceCalls: usage.reduceCalls, calls,
        totals: { promptTokens: sum((c) => c.promptTokens), generatedTokens: sum((c) => c.generatedTokens ?? 0) + batchTokens, outputTokens: sum((c) => c.outputTokens), promptTokensEstimated: sum((c) => c.promptTokensEstimated) },
        batchCalls: new Set(calls.filter((c) => c.batch).map((c) => c.batch!.call)).size, callsSeenByRecorder: recorded.filter((c) => c.error === null).length, callsCountedByService: usage.calls, wallMs: Math.round(wallMs),
        reflection: reflection.source, fallbackReason: reflection.fallbackReason ?? null,
      });
    }
    return { loadMs: Math.round(loadMs), contextTokens, runs };
  } finally {
    await provider.dispose();
    await tokenizer.dispose();
  }
}
