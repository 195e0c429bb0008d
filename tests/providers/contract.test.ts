import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GenerationAbortedError, NotGenerativeError, ProviderError, StructuredOutputError } from '../../src/providers/errors.js';
import type { AIProvider } from '../../src/providers/types.js';
import { contractSubjects, MoodSchema } from './helpers/subjects.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of iterable) out.push(chunk);
  return out;
}

for (const subject of contractSubjects()) {
  const title = subject.skip ? `${subject.label} (skipped: ${subject.skip})` : subject.label;
  describe.skipIf(subject.skip !== undefined)(`AIProvider contract: ${title}`, { timeout: 180_000 }, () => {
    let provider: AIProvider;

    beforeAll(async () => {
      await subject.setup();
      provider = subject.make();
    });
    afterAll(async () => {
      await provider?.dispose();
      await subject.teardown();
    });

    it('initializes idempotently and reports health with latency and model facts', async () => {
      await provider.initialize();
      await provider.initialize();
      const health = await provider.healthCheck();
      expect(health.ok).toBe(true);
      expect(health.provider).toBe(provider.name);
      expect(Number.isFinite(health.latencyMs) && health.latencyMs >= 0).toBe(true);
      expect(health.model.name.length).toBeGreaterThan(0);
      expect(health.model.generative).toBe(subject.generative);
    });

    if (subject.generative) {
      it('generates text free of terminal control sequences', async () => {
        const text = await provider.generate('Write about the day.', { maxTokens: 24, temperature: 0 });
        expect(typeof text).toBe('string');
        expect(text).not.toMatch(CONTROL);
      });

      it('streams chunks whose concatenation equals the greedy generate result', async () => {
        const chunks = await collect(provider.stream('Write about the day.', { maxTokens: 24, temperature: 0 }));
        expect(chunks.length).toBeGreaterThan(0);
        for (const c of chunks) expect(c).not.toMatch(CONTROL);
        expect(chunks.join('')).toBe(await provider.generate('Write about the day.', { maxTokens: 24, temperature: 0 }));
      });

      it('stops cleanly when the consumer breaks out of a stream, and stays usable', async () => {
        for await (const chunk of provider.stream('Write about the day.', { maxTokens: 24, temperature: 0 })) {
          expect(typeof chunk).toBe('string');
          break;
        }
        expect(typeof (await provider.generate('Again.', { maxTokens: 4 }))).toBe('string');
      });

      it('rejects an already-aborted call with GenerationAbortedError', async () => {
        const controller = new AbortController();
        controller.abort();
        await expect(provider.generate('x', { signal: controller.signal })).rejects.toBeInstanceOf(GenerationAbortedError);
      });

      it('returns a schema-valid object or a StructuredOutputError, never an unvalidated value', async () => {
        try {
          const value = await provider.generateStructured('Reply in JSON with mood and score.', MoodSchema, { maxTokens: 64, temperature: 0 });
          expect(MoodSchema.safeParse(value).success).toBe(true);
        } catch (err) {
          if (subject.structuredMustSucceed) throw err;
          expect(err).toBeInstanceOf(StructuredOutputError);
        }
      });
    } else {
      it('refuses to generate with NotGenerativeError, from generate, stream and structured', async () => {
        await expect(provider.generate('x')).rejects.toBeInstanceOf(NotGenerativeError);
        await expect(collect(provider.stream('x'))).rejects.toBeInstanceOf(NotGenerativeError);
        await expect(provider.generateStructured('x', MoodSchema)).rejects.toBeInstanceOf(NotGenerativeError);
      });
    }

    it('embeds: one finite vector per text, equal lengths, deterministic, empty in → empty out', async () => {
      const texts = ['I walked in the rain.', 'A calm day at work.', 'I walked in the rain.'];
      const vectors = await provider.embed(texts);
      expect(vectors).toHaveLength(3);
      const dims = vectors[0]?.length ?? 0;
      expect(dims).toBeGreaterThan(0);
      for (const v of vectors) {
        expect(v).toHaveLength(dims);
        expect(v.every(Number.isFinite)).toBe(true);
      }
      for (const [i, x] of (vectors[0] ?? []).entries()) expect(vectors[2]?.[i]).toBeCloseTo(x, 5);
      expect(await provider.embed([])).toEqual([]);
    });

    it('disposes idempotently; afterwards every call fails with a ProviderError', async () => {
      const fresh = subject.make();
      await fresh.dispose();
      await fresh.dispose();
      await expect(fresh.generate('x')).rejects.toBeInstanceOf(ProviderError);
      await expect(fresh.embed(['x'])).rejects.toBeInstanceOf(ProviderError);
      expect((await fresh.healthCheck()).ok).toBe(false);
    });
  });
}
