/**
 * Model calls and tokens per summary with the mock provider replaying a fixture (no KDF, no real model).
 *
 *   npx tsx benchmarks/insight/summary-model.ts [--out <json>]
 *
 * For 50 and 200 synthetic entries (about 120 words each, one a day) and context windows of 4096 and 2048
 * tokens, runs the same map-reduce as `companion summary` (writeReflection over prepareModelContext) and
 * reports map calls, reduce calls (merge rounds + the final streamed call) and estimated prompt/output tokens.
 * Token figures are estimateTokens() estimates (≥ 1 per 3 characters), the same numbers the batching uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addDays } from '../../src/core/analysis/days.js';
import { countWords, type Entry } from '../../src/core/entry.js';
import { prepareModelContext, writeReflection } from '../../src/core/insight/index.js';
import { summarizePeriod } from '../../src/core/summary/index.js';
import { MockProvider } from '../../src/providers/mock-provider.js';
import { syntheticJournal } from '../lib/synthetic-journal.js';
import { renderTable } from '../lib/table.js';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'benchmarks/insight/results/summary-model.json' } } });
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const id = (n: number) => Array.from({ length: 12 }, (_, i) => ALPHABET[Math.floor(n / 32 ** (11 - i)) % 32]).join('');

function entries(count: number): Entry[] {
  const texts = [...syntheticJournal(count, { words: 120, seed: 7 })];
  return texts.map((t, i) => {
    const created = `${addDays('2024-01-01', i)}T20:00:00.000Z`;
    return { id: id(i + 1000), created, updated: created, revision: 1, text: t.text, tags: [], starred: false, promptUsed: null, wordCount: countWords(t.text), durationSeconds: null, mood: { label: 'neutral', score: 0, confidence: 0.5 }, themes: [], analyzerVersion: 1 };
  });
}

const rows: string[][] = [];
const results: unknown[] = [];
for (const count of [50, 200]) {
  const list = entries(count);
  const dates = list.map((e) => e.created.slice(0, 10));
  const from = dates[0]!;
  const to = dates.at(-1)!;
  const stats = summarizePeriod(list, { from, to }, [], new Date(`${to}T23:00:00Z`), { utcOffsetMinutes: 0 });
  const context = await prepareModelContext(list, { excludeInjection: true, redactPii: false });
  for (const contextTokens of [4096, 2048]) {
    const provider = new MockProvider({ fixture: { replies: [
      { match: 'Write up to 6 short notes', reply: `- Work, family and sleep came up [${dates.join(', ')}]\n- Some days read lighter than others [${dates.join(', ')}]` },
      { match: 'Merge these notes', reply: `- Work, family and sleep ran through the period [${dates.join(', ')}]` },
      { match: 'Write a reflection', reply: `Across these entries work, family and sleep kept returning, from ${from} to ${to}, and some days read lighter than others.` },
    ] } });
    const start = performance.now();
    const { reflection, usage } = await writeReflection(provider, stats, context.items, { contextTokens });
    const wallMs = performance.now() - start;
    rows.push([String(count), String(contextTokens), String(usage.mapCalls), String(usage.reduceCalls), String(usage.calls), String(usage.promptTokens), String(usage.outputTokens), reflection.source, `${wallMs.toFixed(0)} ms`]);
    results.push({ entries: count, contextTokens, usage, source: reflection.source, fallbackReason: reflection.fallbackReason ?? null, wallMs });
  }
}
console.log(renderTable(['entries', 'n_ctx', 'map', 'reduce', 'calls', 'prompt tok (est.)', 'output tok (est.)', 'reflection', 'wall (mock)'], rows));
fs.mkdirSync(path.dirname(values.out), { recursive: true });
fs.writeFileSync(values.out, JSON.stringify({ note: 'mock provider replaying a fixture; tokens are estimateTokens() estimates', results }, null, 2) + '\n');
