/**
 * Provider benchmark: time to first chunk, throughput and peak memory per provider, and the overhead of
 * our layer (sandbox + wrappers) versus node-llama-cpp called directly, on the generated fixture model
 * (and on COMPANION_TEST_MODEL when set). Prints a table and writes JSON.
 *
 *   npx tsx benchmarks/providers/run.ts [--rounds 5] [--tokens 128] [--out benchmarks/providers/last-run.json]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BuiltinProvider } from '../../src/providers/builtin-provider.js';
import { MockProvider } from '../../src/providers/mock-provider.js';
import { OllamaProvider } from '../../src/providers/ollama-provider.js';
import { OpenAIProvider } from '../../src/providers/openai-provider.js';
import { TransformersProvider } from '../../src/providers/transformers-provider.js';
import type { AIProvider } from '../../src/providers/types.js';
import { withCircuitBreaker, CircuitBreaker } from '../../src/providers/wrappers/circuit-breaker.js';
import { withRetry } from '../../src/providers/wrappers/retry.js';
import { startFakeOllama } from '../../tests/providers/helpers/fake-ollama.js';
import { startFakeOpenAI } from '../../tests/providers/helpers/fake-openai.js';
import { writeTinyGguf } from '../../tests/providers/helpers/tiny-gguf.js';
import { writeTinyOnnxModel } from '../../tests/providers/helpers/tiny-onnx.js';
import { llamaOverhead, type OverheadResult } from './llama-overhead.js';
import { median, printTable, timeStream, type Row } from './measure.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, tokens: { type: 'string', default: '128' }, out: { type: 'string', default: 'benchmarks/providers/last-run.json' } } });
const rounds = Number(values.rounds);
const maxTokens = Number(values.tokens);
const rssMb = (): number => process.memoryUsage.rss() / 1048576;

async function streamRow(label: string, provider: AIProvider, note: string): Promise<Row> {
  await timeStream(provider.stream('warm up', { maxTokens: 16 }));
  const runs = [];
  for (let i = 0; i < rounds; i++) runs.push(await timeStream(provider.stream('Write about the day.', { maxTokens: 16 })));
  return {
    provider: label, ttftMs: median(runs.map((r) => r.ttftMs)), unit: 'chunks/s', note,
    perSecond: median(runs.map((r) => (r.chunks - 1) / ((r.totalMs - r.ttftMs) / 1000))), peakRssMb: rssMb(),
  };
}

async function embedRow(label: string, provider: AIProvider, note: string): Promise<Row> {
  const texts = ['A calm walk by the river.', 'Work was long and tiring.', 'Dinner with an old friend.', 'I could not sleep.'];
  const loadStart = performance.now();
  await provider.embed(texts.slice(0, 1));
  const first = performance.now() - loadStart;
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const s = performance.now();
    await provider.embed(texts);
    times.push(performance.now() - s);
  }
  return { provider: label, ttftMs: first, unit: 'texts/s', perSecond: texts.length / (median(times) / 1000), peakRssMb: rssMb(), note };
}

const dir = await mkdtemp(join(os.tmpdir(), 'companion-bench-'));
const rows: Row[] = [];
const overhead: OverheadResult[] = [];
try {
  const fixture = join(dir, 'tiny.gguf');
  await writeTinyGguf(fixture);
  const models = [fixture, ...(process.env.COMPANION_TEST_MODEL ? [process.env.COMPANION_TEST_MODEL] : [])];
  for (const m of models) {
    const o = await llamaOverhead(m, rounds, maxTokens);
    overhead.push(o);
    const name = m === fixture ? 'fixture' : 'stories260K';
    rows.push({ provider: `llama direct (${name})`, ttftMs: o.direct.ttftMs, perSecond: o.direct.tokensPerSecond, unit: 'tokens/s', peakRssMb: rssMb(), note: 'in-process node-llama-cpp (baseline)' });
    rows.push({ provider: `llama layer (${name})`, ttftMs: o.layer.ttftMs, perSecond: o.layer.tokensPerSecond, unit: 'tokens/s', peakRssMb: o.childPeakRssMb, note: 'fallback → sandbox child; RSS is the child' });
  }
  const [ollama, openai] = await Promise.all([startFakeOllama(), startFakeOpenAI()]);
  const wrap = (p: AIProvider): AIProvider => withCircuitBreaker(withRetry(p), new CircuitBreaker(p.name));
  rows.push(await streamRow('mock', new MockProvider(), 'in-process, word chunks'));
  rows.push(await streamRow('ollama (local NDJSON server)', wrap(new OllamaProvider({ host: ollama.url, model: 'tiny' })), 'retry+breaker, 2 ms/chunk server pacing'));
  rows.push(await streamRow('openai (local SSE server)', wrap(new OpenAIProvider({ model: 'tiny', baseURL: `${openai.url}/v1` })), 'retry+breaker, 2 ms/chunk server pacing'));
  await Promise.all([ollama.close(), openai.close()]);
  rows.push(await embedRow('builtin embed (USE lite)', new BuiltinProvider(), 'first column = load + first embed'));
  await writeTinyOnnxModel(dir, 'tiny-encoder');
  rows.push(await embedRow('transformers embed (tiny ONNX)', new TransformersProvider({ modelDir: dir, model: 'tiny-encoder' }), 'first column = load + first embed'));
} finally {
  await rm(dir, { recursive: true, force: true });
}

printTable(rows);
console.log('');
for (const o of overhead) {
  const okTps = o.tokensPerSecondLossPct < 10;
  const okTtft = o.addedFirstTokenMs < 100;
  console.log(`overhead on ${o.model.split('/').pop()}: tokens/s ${o.tokensPerSecondLossPct.toFixed(1)}% lower (goal < 10%: ${okTps ? 'met' : 'NOT met'}), first token +${o.addedFirstTokenMs.toFixed(1)} ms (goal < 100 ms: ${okTtft ? 'met' : 'NOT met'})`);
}
const result = { date: new Date().toISOString(), node: process.version, cpus: os.availableParallelism(), loadavg: os.loadavg(), rounds, maxTokens, rows, overhead };
await writeFile(values.out ?? 'benchmarks/providers/last-run.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(`\nwrote ${values.out}`);
