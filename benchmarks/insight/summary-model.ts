/**
 * Model calls and tokens per summary (issue 5): the map-reduce of `companion summary` over 50 and 200 entries.
 *
 *   npm run bench:summary-model -- [--out <json>] [--mock-only] [--model <gguf>] [--threads N] [--entries 50,200] [--timeout-ms 120000]
 *
 * 1. Mock provider replaying a fixture, context windows of 4096 and 2048 tokens: map and reduce calls and the
 *    batching's own token estimates (estimateTokens, ≥ 1 per 3 characters); no model.
 * 2. The real llama provider (sandboxed node-llama-cpp child, CPU, threads = available cores) on the tiny
 *    random-weight GGUF the tests generate (tests/providers/helpers/tiny-gguf.ts, 4096-token context), and on
 *    stories260K when COMPANION_TEST_MODEL or ../shared/models/stories260K/stories260K.gguf exists (or --model).
 *    Every call's prompt and output are counted with the model's own tokenizer (loaded vocabulary-only in this
 *    process); generated tokens are also taken from the sandbox's own count. Reports wall time and whether the
 *    reflection passed validation or fell back to the built-in one. --threads defaults to the available cores;
 *    on a machine busy with other work, llama.cpp's threads wait on each other (a 256-token call on the fixture
 *    took 70 s with 2 threads at load 16 and 0.36 s with 1), so pass --threads 1 there and say so.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeReflection } from '../../src/core/insight/index.js';
import { MockProvider } from '../../src/providers/mock-provider.js';
import { writeTinyGguf } from '../../tests/providers/helpers/tiny-gguf.js';
import { renderTable } from '../lib/table.js';
import { summaryInputs } from './summary-inputs.js';
import type { RecordedCall } from './model-calls.js';
import { runLlamaSummaries, type RunReport } from './summary-llama.js';

const { values } = parseArgs({ options: {
  out: { type: 'string', default: 'benchmarks/insight/results/summary-model.json' },
  'mock-only': { type: 'boolean', default: false },
  model: { type: 'string' },
  'timeout-ms': { type: 'string', default: '120000' },
  threads: { type: 'string', default: String(os.availableParallelism()) },
  entries: { type: 'string', default: '50,200' },
} });
const threads = Number(values.threads);
const loadAverageAtStart = os.loadavg().map((x) => Number(x.toFixed(2)));
const timeoutMs = Number(values['timeout-ms']);
const periods = await Promise.all(values.entries.split(',').map((n) => summaryInputs(Number(n))));

const mockRows: string[][] = [];
const mock: unknown[] = [];
for (const period of periods) {
  const { dates, from, to } = period;
  for (const contextTokens of [4096, 2048]) {
    const provider = new MockProvider({ fixture: { replies: [
      { match: 'Write up to 6 short notes', reply: `- Work, family and sleep came up [${dates.join(', ')}]\n- Some days read lighter than others [${dates.join(', ')}]` },
      { match: 'Merge these notes', reply: `- Work, family and sleep ran through the period [${dates.join(', ')}]` },
      { match: 'Write a reflection', reply: `Across these entries work, family and sleep kept returning, from ${from} to ${to}, and some days read lighter than others.` },
    ] } });
    const start = performance.now();
    const { reflection, usage } = await writeReflection(provider, period.stats, period.items, { contextTokens });
    const wallMs = performance.now() - start;
    mockRows.push([String(period.entries.length), String(contextTokens), String(usage.mapCalls), String(usage.reduceCalls), String(usage.calls), String(usage.promptTokens), String(usage.outputTokens), reflection.source, `${wallMs.toFixed(0)} ms`]);
    mock.push({ entries: period.entries.length, contextTokens, usage, source: reflection.source, fallbackReason: reflection.fallbackReason ?? null, wallMs });
  }
}
console.log('Mock provider replaying a fixture (tokens are estimateTokens() estimates):');
console.log(renderTable(['entries', 'n_ctx', 'map', 'reduce', 'calls', 'prompt tok (est.)', 'output tok (est.)', 'reflection', 'wall (mock)'], mockRows));

const models: { label: string; modelPath: string; fitToTokenizer: boolean; loadMs: number; contextTokens: number; runs: RunReport[] }[] = [];
const skipped: string[] = [];
if (!values['mock-only']) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'companion-summary-model-'));
  try {
    const fixture = path.join(scratch, 'tiny.gguf');
    await writeTinyGguf(fixture, { contextLength: 4096 });
    const shared = path.resolve('../shared/models/stories260K/stories260K.gguf');
    const stories = values.model ?? process.env.COMPANION_TEST_MODEL ?? (fs.existsSync(shared) ? shared : undefined);
    const targets = [{ label: 'fixture GGUF (tiny-gguf.ts, random weights)', modelPath: fixture }];
    if (stories && fs.existsSync(stories)) targets.push({ label: path.basename(stories), modelPath: stories });
    else skipped.push('stories260K: no COMPANION_TEST_MODEL, --model or ../shared/models/stories260K/stories260K.gguf');
    for (const target of targets) {
      const onCall = (n: number, call: RecordedCall) => process.stderr.write(`  ${target.label.split(' ')[0]}: call ${n} (${call.method}${call.batch ? ` ${call.batch.size}` : ''}${call.error ? ', failed' : ''}) ${(call.wallMs / 1000).toFixed(1)} s\n`);
      for (const fitToTokenizer of [false, true]) {
        const result = await runLlamaSummaries({ ...target, periods, contextSize: 4096, timeoutMs, threads, fitToTokenizer, onCall });
        models.push({ ...target, modelPath: target.modelPath === fixture ? 'generated in a temp dir' : target.modelPath, fitToTokenizer, ...result });
      }
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const rows = models.flatMap((m) => m.runs.map((r) => {
    return [m.label.split(' ')[0]!, String(r.entries), `${r.contextTokens}${m.fitToTokenizer ? ` (told ${r.contextTokensGiven})` : ''}`, String(r.tokensPerEstimate), String(r.calls.filter((c) => c.step === 'map').length), String(r.calls.filter((c) => c.step !== 'map').length), String(r.calls.filter((c) => c.error !== null).length), String(r.totals.promptTokens), String(r.totals.promptTokensEstimated), String(r.totals.generatedTokens), String(r.calls.filter((c) => c.overflowsContext).length), `${(r.wallMs / 1000).toFixed(1)} s`, r.reflection, String(Math.max(0, ...r.calls.map((c) => c.promptTokens)))];
  }));
  console.log(`\nllama provider (sandboxed, CPU, ${threads} thread(s)), tokens counted by each model's tokenizer:`);
  console.log(renderTable(['model', 'entries', 'n_ctx', 'tok/est', 'map', 'reduce', 'failed', 'prompt tok', 'prompt tok (est.)', 'generated tok', 'overflowing calls', 'wall', 'reflection', 'max prompt tok per call'], rows));
  for (const m of models) for (const r of m.runs) if (r.fallbackReason) console.log(`${m.label}${m.fitToTokenizer ? ' (fitted)' : ''}, ${r.entries} entries: fell back to the built-in reflection: ${r.fallbackReason}`);
  for (const m of models) for (const r of m.runs) if (r.fallbackReason === null && r.callsSeenByRecorder !== r.callsCountedByService) console.log(`WARNING: ${m.label}, ${r.entries} entries: the recorder saw ${r.callsSeenByRecorder} calls, the service counted ${r.callsCountedByService}`);
  for (const s of skipped) console.log(`skipped ${s}`);
}

fs.mkdirSync(path.dirname(values.out), { recursive: true });
fs.writeFileSync(values.out, JSON.stringify({
  node: process.version, threads, loadAverageAtStart, loadAverageAtEnd: os.loadavg().map((x) => Number(x.toFixed(2))), cores: os.availableParallelism(),
  mock: { note: 'mock provider replaying a fixture; tokens are estimateTokens() estimates', results: mock },
  llama: { note: 'real llama provider; prompt/output tokens counted by the model tokenizer (prompt includes BOS when the model adds one); generatedTokens counted by the sandbox', models, skipped },
}, null, 2) + '\n');
console.log(`wrote ${values.out}`);
