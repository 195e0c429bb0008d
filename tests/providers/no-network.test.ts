import net from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProvider } from '../../src/providers/create-provider.js';
import { NotGenerativeError } from '../../src/providers/errors.js';

/**
 * Records the destination of every TCP connection this process opens (fetch/undici, the ollama and openai
 * clients all end in net.Socket#connect).
 */
describe('no request leaves 127.0.0.1 by default', () => {
  const targets: string[] = [];
  const original = net.Socket.prototype.connect;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(os.tmpdir(), 'companion-net-'));
    net.Socket.prototype.connect = function patched(this: net.Socket, ...args: unknown[]) {
      const first = args[0];
      const opts = (Array.isArray(first) ? first[0] : first) as { host?: string; path?: string; port?: number } | number | string;
      if (typeof opts === 'object' && opts !== null && !opts.path) targets.push(opts.host ?? 'localhost');
      else if (typeof opts === 'number') targets.push(typeof args[1] === 'string' ? args[1] : 'localhost');
      return (original as (...a: unknown[]) => net.Socket).apply(this, args);
    } as typeof net.Socket.prototype.connect;
  });
  afterAll(async () => {
    net.Socket.prototype.connect = original;
    await rm(dir, { recursive: true, force: true });
  });

  it('the default provider (builtin) embeds and reports health without opening any connection', async () => {
    const before = targets.length;
    const p = await createProvider({}, {}, { modelsDir: dir });
    await p.initialize();
    expect((await p.embed(['a quiet evening']))[0]).toHaveLength(512);
    await expect(p.generate('hi')).rejects.toBeInstanceOf(NotGenerativeError);
    await p.healthCheck();
    expect(targets.length).toBe(before);
  });

  it('ollama with the default host only ever connects to 127.0.0.1', async () => {
    const p = await createProvider({ ai_provider: 'ollama', model: 'llama3.2' }, {}, { modelsDir: dir, retry: { retries: 1, baseDelayMs: 1 } });
    await p.generate('hi').catch(() => undefined);
    await p.embed(['x']).catch(() => undefined);
    await p.healthCheck();
    expect(targets.length).toBeGreaterThan(0);
    expect(new Set(targets)).toEqual(new Set(['127.0.0.1']));
  });
});
