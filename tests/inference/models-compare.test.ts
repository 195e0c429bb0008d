import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCli, tempJournal, type TempJournal } from '../helpers/cli.js';
import { writeTinyGguf } from '../providers/helpers/tiny-gguf.js';

let t: TempJournal;
beforeEach(() => { t = tempJournal(); });
afterEach(() => t.cleanup());

it('models compare --json measures each GGUF file side by side', async () => {
  const a = path.join(t.dir, 'tiny-a.gguf');
  const b = path.join(t.dir, 'tiny-b.gguf');
  await writeTinyGguf(a, { layers: 2 });
  await writeTinyGguf(b, { layers: 3, embedding: 64 });
  const r = await runCli(['models', 'compare', a, b, '--tokens', '8', '--json'], t.env);
  expect(r.code, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out.maxTokens).toBe(8);
  expect(out.models.map((m: { file: string }) => m.file)).toEqual(['tiny-a.gguf', 'tiny-b.gguf']);
  for (const m of out.models) {
    expect(m.error).toBeUndefined();
    expect(m.loadMs).toBeGreaterThan(0);
    expect(m.tokens).toBeGreaterThan(0);
    expect(m.tokensPerSecond).toBeGreaterThan(0);
    expect(m.peakRssBytes).toBeGreaterThan(0);
    expect(m.quantization).toBe('F32');
    expect(m.settings.threads).toBeGreaterThanOrEqual(1);
  }
}, 120_000);

it('models compare says so when there is nothing to compare, and rejects a bad --tokens', async () => {
  const none = await runCli(['models', 'compare'], t.env);
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('No GGUF files to compare');
  const bad = await runCli(['models', 'compare', 'x.gguf', '--tokens', 'lots'], t.env);
  expect(bad.code).toBe(2);
});
