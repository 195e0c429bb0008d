import { describe, expect, it } from 'vitest';
import { generateConcurrently, generateEach } from '../../src/providers/batch.js';
import { BuiltinProvider } from '../../src/providers/builtin-provider.js';
import { NotGenerativeError, ProviderError } from '../../src/providers/errors.js';
import { MockProvider } from '../../src/providers/mock-provider.js';
import type { AIProvider, GenerateOptions } from '../../src/providers/types.js';

/** A provider without generateBatch whose generate answers after a delay and fails for one prompt. */
function slowProvider(log: string[], inFlight: { now: number; max: number }): AIProvider {
  const mock = new MockProvider();
  return {
    name: 'mock', initialize: () => mock.initialize(), stream: (p, o) => mock.stream(p, o), generateStructured: (p, s, o) => mock.generateStructured(p, s, o),
    embed: (t) => mock.embed(t), healthCheck: () => mock.healthCheck(), dispose: () => mock.dispose(),
    async generate(prompt: string, options?: GenerateOptions) {
      inFlight.now += 1;
      inFlight.max = Math.max(inFlight.max, inFlight.now);
      log.push(`${options?.system ?? '-'}|${prompt}`);
      await new Promise((r) => setTimeout(r, prompt === 'a' ? 30 : 5));
      inFlight.now -= 1;
      if (prompt === 'bad') throw new ProviderError('failed', { kind: 'permanent', provider: 'mock' });
      return prompt.toUpperCase();
    },
  };
}

describe('generateEach and generateConcurrently', () => {
  it('falls back to one generate after another for a provider without generateBatch, keeping each failure with its prompt', async () => {
    const log: string[] = [];
    const inFlight = { now: 0, max: 0 };
    const out = await generateEach(slowProvider(log, inFlight), ['a', { prompt: 'bad' }, { prompt: 'c', system: 'own' }], { system: 'shared' });
    expect(out.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(out[0]).toEqual({ status: 'fulfilled', value: 'A' });
    expect(out[2]).toEqual({ status: 'fulfilled', value: 'C' });
    expect(log).toEqual(['shared|a', 'shared|bad', 'own|c']);
    expect(inFlight.max).toBe(1);
  });

  it('keeps at most the given number of requests in flight and returns outcomes in prompt order', async () => {
    const inFlight = { now: 0, max: 0 };
    const prompts = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const out = await generateConcurrently(slowProvider([], inFlight), prompts, {}, 3);
    expect(out).toEqual(prompts.map((p) => ({ status: 'fulfilled', value: p.toUpperCase() })));
    expect(inFlight.max).toBe(3);
  });

  it('reports NotGenerativeError per prompt for builtin, and rethrows an abort for the whole call', async () => {
    const out = await generateEach(new BuiltinProvider(), ['x', 'y']);
    expect(out.every((o) => o.status === 'rejected' && o.reason instanceof NotGenerativeError)).toBe(true);
    const controller = new AbortController();
    controller.abort();
    await expect(generateEach(new MockProvider(), ['x'], { signal: controller.signal })).rejects.toThrow();
  });
});
