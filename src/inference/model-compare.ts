import { LlamaProvider } from '../providers/llama-provider.js';
import { modelInfo } from '../providers/models.js';
import { chooseSettings, machineFacts, modelShape, type InferenceSettings, type MachineFacts } from './optimizer.js';

/** Measured figures of one GGUF file. */
export interface ModelMeasurement {
  file: string;
  path: string;
  quantization: string | undefined;
  sizeBytes: number;
  /** Settings the optimizer chose and the measurement used. */
  settings: Pick<InferenceSettings, 'threads' | 'gpuLayers' | 'contextSize'>;
  /** Starting the sandbox and loading the model, in milliseconds. */
  loadMs: number;
  /** Generated tokens per second (median over the rounds, after a warm-up). */
  tokensPerSecond: number;
  /** Tokens generated per round. */
  tokens: number;
  /** Peak resident memory of the model process, in bytes. */
  peakRssBytes: number;
  /** Why this file could not be measured (the other fields are then zero). */
  error?: string;
}

/** Options of compareModels. */
export interface CompareOptions {
  /** Tokens to generate per round (default 64). */
  maxTokens?: number;
  /** Measured rounds after one warm-up (default 3). */
  rounds?: number;
  /** Machine facts (default: this machine). */
  machine?: MachineFacts;
}

const PROMPT = 'Write two calm sentences about an evening walk by the river.';

/**
 * Measure each GGUF file in turn, one at a time so they do not compete: load time, greedy generation
 * speed and peak memory of the sandboxed model process, with the optimizer's settings for the file. A
 * file that fails to load is reported with `error` rather than stopping the comparison.
 */
export async function compareModels(files: string[], options: CompareOptions = {}): Promise<ModelMeasurement[]> {
  const machine = options.machine ?? machineFacts();
  const rounds = Math.max(1, options.rounds ?? 3);
  const maxTokens = options.maxTokens ?? 64;
  const out: ModelMeasurement[] = [];
  for (const file of files) {
    const info = await modelInfo(file, { hash: false });
    const chosen = chooseSettings(machine, await modelShape(info.path), { maxBatchSize: 1, wantContext: 2048 });
    const settings = { threads: chosen.threads, gpuLayers: chosen.gpuLayers, contextSize: chosen.contextSize };
    const base = { file: info.file, path: info.path, quantization: info.quantization, sizeBytes: info.sizeBytes, settings };
    const provider = new LlamaProvider({ modelPath: info.path, ...settings });
    try {
      const start = performance.now();
      await provider.initialize();
      const loadMs = performance.now() - start;
      const speeds: number[] = [];
      let tokens = 0;
      for (let r = 0; r <= rounds; r++) {
        const t0 = performance.now();
        await provider.generate(PROMPT, { maxTokens, temperature: 0 });
        const ms = performance.now() - t0;
        tokens = provider.sandboxProcess?.lastResult?.tokens ?? 0;
        if (r > 0 && ms > 0) speeds.push((tokens * 1000) / ms);
      }
      speeds.sort((a, b) => a - b);
      const tokensPerSecond = speeds[Math.floor(speeds.length / 2)] ?? 0;
      // The model process reports its memory every 250 ms; a very fast file may not have reported yet.
      for (let i = 0; i < 20 && !provider.sandboxProcess?.peakRssBytes; i++) await new Promise((r) => setTimeout(r, 50));
      out.push({ ...base, loadMs, tokensPerSecond, tokens, peakRssBytes: provider.sandboxProcess?.peakRssBytes ?? 0 });
    } catch (err) {
      out.push({ ...base, loadMs: 0, tokensPerSecond: 0, tokens: 0, peakRssBytes: 0, error: (err as Error).message });
    } finally {
      await provider.dispose();
    }
  }
  return out;
}
