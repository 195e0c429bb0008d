import os from 'node:os';
import { getLlama, LlamaCompletion } from 'node-llama-cpp';
import { LlamaProvider } from '../../src/providers/llama-provider.js';
import { FallbackProvider } from '../../src/providers/wrappers/fallback.js';
import { BuiltinProvider } from '../../src/providers/builtin-provider.js';
import { median, timeStream } from './measure.js';

/** Medians for one path (direct node-llama-cpp or our layer); first token = first text chunk on both paths. */
export interface PathFigures {
  ttftMs: number;
  tokensPerSecond: number;
  tokens: number;
}

/** Direct-vs-layer comparison on one model, interleaved round by round. */
export interface OverheadResult {
  model: string;
  rounds: number;
  maxTokens: number;
  direct: PathFigures;
  layer: PathFigures;
  /** (direct − layer) / direct tokens/s, in percent (positive = our layer is slower). */
  tokensPerSecondLossPct: number;
  /** layer − direct first-token latency, in ms. */
  addedFirstTokenMs: number;
  childPeakRssMb: number;
}

const PROMPT = 'Once upon a time, there was a little';

/**
 * Compares node-llama-cpp called directly in this process with the same model behind our layer
 * (FallbackProvider → LlamaProvider → child-process sandbox), alternating the two each round.
 */
export async function llamaOverhead(modelPath: string, rounds: number, maxTokens: number): Promise<OverheadResult> {
  const threads = os.availableParallelism();
  const llama = await getLlama({ build: 'never', gpu: false, maxThreads: threads });
  const model = await llama.loadModel({ modelPath });
  const context = await model.createContext({ contextSize: 512, threads });
  const completion = new LlamaCompletion({ contextSequence: context.getSequence() });
  const inner = new LlamaProvider({ modelPath, contextSize: 512, gpuLayers: 0, threads });
  const layer = new FallbackProvider(inner, new BuiltinProvider());
  await layer.initialize();
  const d: PathFigures[] = [];
  const l: PathFigures[] = [];
  const opts = { maxTokens, temperature: 0 };
  for (let r = 0; r < rounds + 1; r++) {
    const start = performance.now();
    let first = 0;
    let tokens = 0;
    await completion.generateCompletion(PROMPT, {
      ...opts,
      onTextChunk: () => { if (!first) first = performance.now() - start; },
      onToken: (t) => { tokens += t.length; },
    });
    const total = performance.now() - start;
    const s = await timeStream(layer.stream(PROMPT, opts));
    const layerTokens = inner.sandboxProcess?.lastResult?.tokens ?? 0;
    if (r === 0) continue; // warm-up round
    d.push({ ttftMs: first, tokensPerSecond: (tokens - 1) / ((total - first) / 1000), tokens });
    l.push({ ttftMs: s.ttftMs, tokensPerSecond: (layerTokens - 1) / ((s.totalMs - s.ttftMs) / 1000), tokens: layerTokens });
  }
  const med = (xs: PathFigures[]): PathFigures => ({ ttftMs: median(xs.map((x) => x.ttftMs)), tokensPerSecond: median(xs.map((x) => x.tokensPerSecond)), tokens: median(xs.map((x) => x.tokens)) });
  const direct = med(d);
  const ours = med(l);
  const peak = inner.sandboxProcess?.peakRssBytes ?? 0;
  await layer.dispose();
  await context.dispose();
  await model.dispose();
  await llama.dispose();
  return {
    model: modelPath, rounds, maxTokens, direct, layer: ours,
    tokensPerSecondLossPct: ((direct.tokensPerSecond - ours.tokensPerSecond) / direct.tokensPerSecond) * 100,
    addedFirstTokenMs: ours.ttftMs - direct.ttftMs,
    childPeakRssMb: peak / 1048576,
  };
}
