import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BuiltinProvider } from '../../src/providers/builtin-provider.js';
import { CircuitOpenError, NotGenerativeError, ProviderError, ProviderTimeoutError, StructuredOutputError } from '../../src/providers/errors.js';
import { OllamaProvider } from '../../src/providers/ollama-provider.js';
import { OpenAIProvider } from '../../src/providers/openai-provider.js';
import type { AIProvider } from '../../src/providers/types.js';
import { CircuitBreaker, withCircuitBreaker, type CircuitState } from '../../src/providers/wrappers/circuit-breaker.js';
import { classifyError } from '../../src/providers/wrappers/classify-error.js';
import { FallbackProvider, type FallbackNotice } from '../../src/providers/wrappers/fallback.js';
import { backoffDelay, withRetry } from '../../src/providers/wrappers/retry.js';
import { MoodSchema } from './helpers/subjects.js';
import { startFakeOllama } from './helpers/fake-ollama.js';
import { startFakeOpenAI } from './helpers/fake-openai.js';
import { FAKE_REPLY_CLEAN, type FakeServer } from './helpers/fake-server.js';

const fast = { baseDelayMs: 1, maxDelayMs: 5, random: () => 0.5 };

describe('error classifier', () => {
  it('maps HTTP statuses, socket codes and typed errors to kinds', () => {
    expect(classifyError({ status: 401 })).toBe('auth');
    expect(classifyError({ status_code: 403 })).toBe('auth');
    expect(classifyError({ status: 429 })).toBe('rate_limit');
    expect(classifyError({ status: 504 })).toBe('timeout');
    expect(classifyError({ status: 503 })).toBe('transient');
    expect(classifyError({ status: 400 })).toBe('permanent');
    expect(classifyError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }))).toBe('transient');
    expect(classifyError({ code: 'ETIMEDOUT' })).toBe('timeout');
    expect(classifyError(new SyntaxError('Unexpected token'))).toBe('transient');
    expect(classifyError(new ProviderTimeoutError('x', 5))).toBe('timeout');
    expect(classifyError(new Error('something else'))).toBe('permanent');
  });
});

describe('backoff', () => {
  it('grows exponentially within the cap, jitters, and honours Retry-After', () => {
    const t = { baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999 };
    expect(backoffDelay(1, t)).toBeLessThan(100);
    expect(backoffDelay(3, t)).toBeGreaterThan(390);
    expect(backoffDelay(10, t)).toBeLessThanOrEqual(1000);
    expect(backoffDelay(1, { ...t, random: () => 0 })).toBe(0);
    expect(backoffDelay(1, { ...t, random: () => 0 }, 700)).toBe(700);
    expect(backoffDelay(1, t, 60_000)).toBe(1000);
  });
});

describe('circuit breaker states', () => {
  it('opens after the threshold, fails fast, half-opens after the timeout, closes on success', async () => {
    let now = 0;
    const states: CircuitState[] = [];
    const breaker = new CircuitBreaker('ollama', { failureThreshold: 2, resetTimeoutMs: 1000, now: () => now, onStateChange: (s) => states.push(s) });
    const down = async (): Promise<never> => { throw new ProviderError('down', { kind: 'transient' }); };
    let calls = 0;
    const up = async (): Promise<string> => { calls++; return 'ok'; };
    await expect(breaker.run(down)).rejects.toThrow('down');
    expect(breaker.state).toBe('closed');
    await expect(breaker.run(down)).rejects.toThrow('down');
    expect(breaker.state).toBe('open');
    await expect(breaker.run(up)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(calls).toBe(0);
    now = 1000;
    expect(breaker.state).toBe('half-open');
    await expect(breaker.run(down)).rejects.toThrow('down');
    expect(breaker.state).toBe('open');
    now = 2500;
    expect(await breaker.run(up)).toBe('ok');
    expect(breaker.state).toBe('closed');
    expect(states).toEqual(['open', 'half-open', 'open', 'half-open', 'closed']);
  });

  it('does not count permanent or auth failures', async () => {
    const breaker = new CircuitBreaker('openai', { failureThreshold: 1 });
    await expect(breaker.run(async () => { throw new ProviderError('bad', { kind: 'auth' }); })).rejects.toThrow();
    expect(breaker.state).toBe('closed');
  });
});

describe('retry, breaker and fallback against local wire-format servers', () => {
  let ollama: FakeServer;
  let openai: FakeServer;
  beforeAll(async () => { [ollama, openai] = await Promise.all([startFakeOllama(), startFakeOpenAI()]); });
  afterAll(async () => { await Promise.all([ollama.close(), openai.close()]); });
  beforeEach(() => { ollama.seen.length = 0; openai.seen.length = 0; ollama.script = []; openai.script = []; });

  const rawOllama = (): OllamaProvider => new OllamaProvider({ host: ollama.url, model: 'tiny' });
  const rawOpenAI = (): OpenAIProvider => new OpenAIProvider({ model: 'tiny', baseURL: `${openai.url}/v1` });

  it('retries 429 and 500 from Ollama with backoff, then succeeds', async () => {
    ollama.script = ['rate429', 'fail500'];
    const kinds: string[] = [];
    const p = withRetry(rawOllama(), { ...fast, onRetry: (i) => kinds.push(i.kind) });
    expect(await p.generate('hi')).toBe(FAKE_REPLY_CLEAN);
    expect(kinds).toEqual(['rate_limit', 'transient']);
    expect(ollama.seen.filter((r) => r.path === '/api/chat')).toHaveLength(3);
  });

  it('retries a malformed SSE stream from the OpenAI server before the first chunk', async () => {
    openai.script = ['malformed'];
    const p = withRetry(rawOpenAI(), fast);
    const printed = vi.spyOn(console, 'error');
    let text = '';
    for await (const c of p.stream('hi')) text += c;
    expect(text).toBe(FAKE_REPLY_CLEAN);
    expect(openai.seen).toHaveLength(2);
    expect(printed).not.toHaveBeenCalled();
    printed.mockRestore();
  });

  it('classifies malformed bodies and embeddings as transient ProviderErrors', async () => {
    ollama.script = ['malformed'];
    const err = await rawOllama().generate('hi').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).kind).toBe('transient');
    openai.script = ['malformed'];
    const err2 = await rawOpenAI().embed(['a']).catch((e: unknown) => e);
    expect((err2 as ProviderError).kind).toBe('transient');
  });

  it('gives up after the configured retries with the last classified error', async () => {
    ollama.script = ['fail500', 'fail500', 'fail500', 'fail500'];
    const err = await withRetry(rawOllama(), { ...fast, retries: 2 }).generate('hi').catch((e: unknown) => e);
    expect((err as ProviderError).kind).toBe('transient');
    expect((err as ProviderError).status).toBe(500);
    expect(ollama.seen).toHaveLength(3);
  });

  it('does not retry auth failures', async () => {
    openai.script = ['unauthorized'];
    const err = await withRetry(rawOpenAI(), fast).generate('hi').catch((e: unknown) => e);
    expect((err as ProviderError).kind).toBe('auth');
    expect(openai.seen).toHaveLength(1);
  });

  it('enforces timeoutMs on a slow server and does not retry past the caller deadline', async () => {
    ollama.script = ['slow'];
    ollama.slowMs = 800;
    const err = await withRetry(rawOllama(), fast).generate('hi', { timeoutMs: 100 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderTimeoutError);
    expect(ollama.seen).toHaveLength(1);
  });

  it('propagates a stream cut after text was shown instead of retrying it', async () => {
    openai.script = ['cut'];
    const p = withRetry(rawOpenAI(), fast);
    const got: string[] = [];
    const err = await (async () => { for await (const c of p.stream('hi')) got.push(c); })().catch((e: unknown) => e);
    expect(got.length).toBeGreaterThan(0);
    expect(err).toBeInstanceOf(ProviderError);
    expect(openai.seen).toHaveLength(1);
  });

  it('opens the circuit on a failing server so later calls stop reaching it', async () => {
    ollama.script = Array(10).fill('fail500');
    const p = withCircuitBreaker(withRetry(rawOllama(), { ...fast, retries: 1 }), new CircuitBreaker('ollama', { failureThreshold: 2, resetTimeoutMs: 60_000 }));
    for (let i = 0; i < 2; i++) await expect(p.generate('hi')).rejects.toBeInstanceOf(ProviderError);
    const before = ollama.seen.length;
    await expect(p.generate('hi')).rejects.toBeInstanceOf(CircuitOpenError);
    expect(ollama.seen.length).toBe(before);
    expect(before).toBe(4);
  });

  it('falls back to builtin when the provider is down and announces it once', async () => {
    ollama.script = Array(20).fill('fail500');
    const notices: FallbackNotice[] = [];
    const p: AIProvider = new FallbackProvider(withRetry(rawOllama(), { ...fast, retries: 0 }), new BuiltinProvider(), { onFallback: (n) => notices.push(n) });
    await expect(p.generate('hi')).rejects.toBeInstanceOf(NotGenerativeError);
    await expect(p.generate('hi')).rejects.toBeInstanceOf(NotGenerativeError);
    await expect((async () => { for await (const _c of p.stream('hi')) { /* nothing */ } })()).rejects.toBeInstanceOf(NotGenerativeError);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ from: 'ollama', to: 'builtin' });
  });

  it('does not mask a bad structured answer as an outage', async () => {
    const notices: FallbackNotice[] = [];
    const p = new FallbackProvider(rawOllama(), new BuiltinProvider(), { onFallback: (n) => notices.push(n) });
    const { z } = await import('zod');
    await expect(p.generateStructured('hi', z.object({ other: z.string() }))).rejects.toBeInstanceOf(StructuredOutputError);
    expect(await p.generateStructured('hi', MoodSchema)).toEqual({ mood: 'calm', score: 3 });
    expect(notices).toHaveLength(0);
  });
});
