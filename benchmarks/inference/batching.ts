/**
 * Batched model analysis of 8 entries vs one at a time on the fixture model (tests/providers/helpers/tiny-gguf.ts),
 * measured side by side. Every mode runs the real analysis path: modelThemes() (src/core/insight/model-themes.ts)
 * → Batcher → generateBatch on the llama provider → sandbox child → LlamaBatchGenerator, with
 * `max_batch_size` 1, 2, 4 and 8 (one sandboxed provider each, all loaded before timing); with --generate also
 * the path a provider without generateBatch takes (one `generate` call after another, LlamaCompletion on one sequence).
 * Each round analyses 8 entries no mode has seen, as one analyze run over all rounds (one data-boundary nonce,
 * so the instructions stay evaluated on every sequence, as in a real run over many entries); the modes run in
 * a rotated order each round. Reported: median wall time
 * per 8 entries, tokens generated, speed-up against max_batch_size 1, and the load average.
 * Run: npx tsx benchmarks/inference/batching.ts [--rounds 7] [--threads N] [--words 30] [--embedding 512] [--layers 8] [--generate]
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeEntry } from '../../src/core/analysis/analyze-entry.js';
import { modelThemes, type ThemeItem } from '../../src/core/insight/model-themes.js';
import { themeCorpusFor } from '../../src/core/insight/theme-corpus.js';
import { LlamaProvider } from '../../src/providers/llama-provider.js';
import type { AIProvider } from '../../src/providers/types.js';
import { writeTinyGguf } from '../../tests/providers/helpers/tiny-gguf.js';
import { describeMachine, machineInfo } from '../lib/machine.js';
import { summarize } from '../lib/stats.js';
import { syntheticJournal } from '../lib/synthetic-journal.js';
import { renderTable, ms } from '../lib/table.js';
import { makeTempDir } from '../lib/temp-dir.js';

const { values } = parseArgs({ options: {
  rounds: { type: 'string', default: '7' }, threads: { type: 'string', default: String(os.availableParallelism()) },
  words: { type: 'string', default: '30' }, generate: { type: 'boolean', default: false }, embedding: { type: 'string', default: '512' }, layers: { type: 'string', default: '8' },
} });
const ROUNDS = Number(values.rounds);
const THREADS = Number(values.threads);
const EMBEDDING = Number(values.embedding);
const LAYERS = Number(values.layers);
const MAX_TOKENS = 32;
const ENTRIES = 8;
const SIZES = [1, 2, 4, 8];

const dir = makeTempDir('companion-bench-batch-');
const modelPath = path.join(dir, 'tiny.gguf');
await writeTinyGguf(modelPath, { layers: LAYERS, embedding: EMBEDDING, heads: 4, headsKv: 2, feedForward: EMBEDDING * 2 });
const journal = [...syntheticJournal(ENTRIES * (ROUNDS + 1), { words: Number(values.words), seed: 8 })];
const corpus = themeCorpusFor(journal.map((e) => ({ text: e.text, themes: [], analyzerVersion: null as never })));
const fallback = (text: string): string[] => analyzeEntry(text, corpus).themes;
const rounds: ThemeItem[][] = Array.from({ length: ROUNDS + 1 }, (_, r) => journal.slice(r * ENTRIES, (r + 1) * ENTRIES).map((e, i) => ({ id: `e${r}-${i}`, text: e.text })));

const make = (maxBatchSize: number): LlamaProvider => new LlamaProvider({ modelPath, contextSize: 1024, batchContextPerSequence: 1024, gpuLayers: 0, threads: THREADS, maxBatchSize, timeoutMs: 600_000 });
const failed = new Map<AIProvider, number>();
const fail = (p: AIProvider): void => { failed.set(p, (failed.get(p) ?? 0) + 1); };
/** The provider as modelThemes sees it, counting prompts the model failed on (they would silently fall back). */
const counting = (p: LlamaProvider): AIProvider => Object.assign(Object.create(p) as AIProvider, {
  generateBatch: async (ps: Parameters<NonNullable<AIProvider['generateBatch']>>[0], o?: Parameters<AIProvider['generate']>[1]) => {
    const out = await p.generateBatch(ps, o);
    for (const r of out) if (r.status === 'rejected') fail(p);
    return out;
  },
});
/** The llama provider seen without generateBatch: what modelThemes does for a provider that has none. */
const withoutBatch = (p: LlamaProvider): AIProvider => ({
  name: p.name, initialize: () => p.initialize(), generate: (t, o) => p.generate(t, o).catch((err: unknown) => { fail(p); throw err; }), stream: (t, o) => p.stream(t, o),
  generateStructured: (t, s, o) => p.generateStructured(t, s, o), embed: (t) => p.embed(t), healthCheck: () => p.healthCheck(), dispose: () => p.dispose(),
});

interface Mode { label: string; size: number; provider: LlamaProvider; use: AIProvider; ms: number[]; tokens: number[]; fromModel: number }
const modes: Mode[] = SIZES.map((size) => { const provider = make(size); return { label: `max_batch_size ${size}`, size, provider, use: counting(provider), ms: [], tokens: [], fromModel: 0 }; });
if (values.generate) {
  const plain = make(1);
  modes.push({ label: 'generate() one at a time', size: 1, provider: plain, use: withoutBatch(plain), ms: [], tokens: [], fromModel: 0 });
}
await Promise.all(modes.map((m) => m.provider.initialize()));

// One analyze run over all rounds' entries, timed 8 entries at a time: one data-boundary nonce for the run.
const RUN_NONCE = randomBytes(6).toString('hex');
const loads: number[] = [];
for (let r = 0; r <= ROUNDS; r++) {
  loads.push(os.loadavg()[0]!);
  for (let k = 0; k < modes.length; k++) {
    const m = modes[(k + r) % modes.length]!;
    const before = m.provider.sandboxProcess?.generatedTokens ?? 0;
    const start = performance.now();
    const out = await modelThemes(m.use, rounds[r]!, fallback, { maxBatchSize: m.size, maxTokens: MAX_TOKENS, nonce: RUN_NONCE });
    const took = performance.now() - start;
    if (r === 0) continue; // warm-up: loads the batch context and evaluates the shared instruction prefix
    m.ms.push(took);
    m.tokens.push((m.provider.sandboxProcess?.generatedTokens ?? 0) - before);
    m.fromModel += out.filter((o) => o.source === 'model').length;
  }
}
await Promise.all(modes.map((m) => m.provider.dispose()));
fs.rmSync(dir, { recursive: true, force: true });

const machine = machineInfo();
const base = summarize(modes[0]!.ms).medianMs;
const rows = modes.map((m) => {
  const s = summarize(m.ms);
  const tokens = m.tokens.reduce((a, b) => a + b, 0) / m.tokens.length;
  return { mode: m.label, median: s, failedPrompts: failed.get(m.provider) ?? 0, tokensPerRound: tokens, tokensPerSecond: tokens / (s.medianMs / 1000), speedup: base / s.medianMs, modelAnswersUsed: m.fromModel };
});
console.log(describeMachine(machine));
console.log(`fixture: tiny-gguf llama, ${LAYERS} layers, embedding ${EMBEDDING}, F32; ${THREADS} threads; ${ENTRIES} entries of ~${values.words} words per round; ${ROUNDS} rounds; load average per round ${loads.map((l) => l.toFixed(1)).join(' ')}`);
console.log(renderTable(['mode (8 entries)', 'median', 'p95', 'failed prompts', 'tokens/round', 'tokens/s', 'speed-up vs size 1'], rows.map((r) => [
  r.mode, ms(r.median.medianMs), ms(r.median.p95Ms), String(r.failedPrompts), r.tokensPerRound.toFixed(0), r.tokensPerSecond.toFixed(0), `${r.speedup.toFixed(2)}×`,
])));
const headline = rows.find((r) => r.mode === 'max_batch_size 8')!;
console.log(`batched (8) vs one at a time (1): ${headline.speedup.toFixed(2)}× (target ≥ 2×)`);
const out = path.join(import.meta.dirname, 'results', 'batching.json');
fs.writeFileSync(out, JSON.stringify({
  machine, loadAverages: loads, model: `tiny-gguf llama, layers ${LAYERS}, embedding ${EMBEDDING}, feed-forward ${EMBEDDING * 2}, F32`,
  threads: THREADS, entries: ENTRIES, words: Number(values.words), maxTokens: MAX_TOKENS, rounds: ROUNDS, path: 'modelThemes → Batcher → LlamaProvider.generateBatch → sandbox → LlamaBatchGenerator',
  modes: rows,
}, null, 2) + '\n');
console.log(`wrote ${out}`);
