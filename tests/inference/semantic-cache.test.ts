import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SemanticCache, type CacheCounters } from '../../src/inference/semantic-cache.js';
import { semanticCacheFile } from '../../src/inference/cache-file.js';

/** A vector at cosine similarity `cos` to the x axis, in the x–y plane. */
const at = (cos: number) => [cos, Math.sqrt(1 - cos * cos), 0];
const VECTORS: Record<string, number[]> = {
  'how was my week?': [1, 0, 0],
  'how was my week': at(0.99),
  'how did my week go?': at(0.9),
  'what did I eat?': at(0.8),
  'unrelated': [0, 0, 1],
};
const embed = async (texts: string[]) => texts.map((t) => {
  const v = VECTORS[t];
  if (!v) throw new Error(`no test vector for ${t}`);
  return v;
});

class Counters implements CacheCounters {
  hits = 0;
  misses = 0;
  recordCacheHit(): void { this.hits++; }
  recordCacheMiss(): void { this.misses++; }
}

let dir: string;
const key = crypto.randomBytes(32);
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'companion-cache-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('SemanticCache', () => {
  it('misses when empty, then hits a similar prompt and counts both', async () => {
    const metrics = new Counters();
    const cache = SemanticCache.open({ dir, key, embed, metrics });
    expect(await cache.lookup('how was my week?')).toBeNull();
    await cache.store('how was my week?', 'A calm week.', { sources: ['aaaa'] });
    const hit = await cache.lookup('how was my week');
    expect(hit?.answer).toBe('A calm week.');
    expect(hit?.similarity).toBeCloseTo(0.99, 5);
    expect(hit?.sources).toEqual(['aaaa']);
    expect(await cache.lookup('unrelated')).toBeNull();
    expect(metrics).toMatchObject({ hits: 1, misses: 2 });
  });

  it('applies the similarity threshold: 0.9 hits at 0.85, 0.8 does not; a stricter threshold misses 0.9', async () => {
    const cache = SemanticCache.open({ dir, key, embed, threshold: 0.85 });
    await cache.store('how was my week?', 'A calm week.');
    expect((await cache.lookup('how did my week go?'))?.answer).toBe('A calm week.');
    expect(await cache.lookup('what did I eat?')).toBeNull();
    const strict = SemanticCache.open({ dir, key, embed, threshold: 0.95 });
    expect(await strict.lookup('how did my week go?')).toBeNull();
    expect((await strict.lookup('how was my week'))?.answer).toBe('A calm week.');
  });

  it('only matches answers of the same scope', async () => {
    const cache = SemanticCache.open({ dir, key, embed });
    await cache.store('how was my week?', 'summary answer', { scope: 'summary' });
    expect(await cache.lookup('how was my week?', 'reflection')).toBeNull();
    expect((await cache.lookup('how was my week?', 'summary'))?.answer).toBe('summary answer');
  });

  it('answer() computes once, then serves the cached answer', async () => {
    const cache = SemanticCache.open({ dir, key, embed });
    let calls = 0;
    const compute = async () => { calls++; return 'computed'; };
    expect(await cache.answer('how was my week?', compute)).toEqual({ answer: 'computed', cached: false });
    expect(await cache.answer('how was my week', compute)).toEqual({ answer: 'computed', cached: true });
    expect(calls).toBe(1);
  });

  it('persists across opens and purges answers derived from a deleted entry', async () => {
    const cache = SemanticCache.open({ dir, key, embed });
    await cache.store('how was my week?', 'from a and b', { sources: ['aaaa', 'bbbb'] });
    await cache.store('unrelated', 'from c', { sources: ['cccc'] });
    const reopened = SemanticCache.open({ dir, key, embed });
    expect(reopened.size).toBe(2);
    expect(reopened.purgeEntry('bbbb')).toBe(1);
    expect(reopened.purgeEntry('zzzz')).toBe(0);
    const after = SemanticCache.open({ dir, key, embed });
    expect(after.size).toBe(1);
    expect(await after.lookup('how was my week?')).toBeNull();
    expect((await after.lookup('unrelated'))?.answer).toBe('from c');
  });

  it('keeps no plaintext on disk, and another key cannot read the file', async () => {
    const cache = SemanticCache.open({ dir, key, embed });
    await cache.store('how was my week?', 'SECRET-ANSWER walked by the river', { scope: 'reflection', sources: ['entryid1234a'] });
    const bytes = fs.readFileSync(semanticCacheFile(dir));
    for (const needle of ['SECRET-ANSWER', 'river', 'reflection', 'entryid1234a', 'how was my week']) {
      expect(bytes.includes(Buffer.from(needle))).toBe(false);
    }
    expect(fs.statSync(semanticCacheFile(dir)).mode & 0o077).toBe(0);
    const other = SemanticCache.open({ dir, key: crypto.randomBytes(32), embed });
    expect(other.discarded).toBe(true);
    expect(other.size).toBe(0);
  });

  it('treats an altered file as unreadable rather than trusting it', async () => {
    const cache = SemanticCache.open({ dir, key, embed });
    await cache.store('how was my week?', 'A calm week.');
    const bytes = fs.readFileSync(semanticCacheFile(dir));
    bytes[bytes.length - 1]! ^= 1;
    fs.writeFileSync(semanticCacheFile(dir), bytes);
    const reopened = SemanticCache.open({ dir, key, embed });
    expect(reopened.discarded).toBe(true);
    expect(reopened.size).toBe(0);
  });

  it('drops the oldest answers past maxEntries', async () => {
    const cache = SemanticCache.open({ dir, key, maxEntries: 2 });
    cache.storeVector([1, 0, 0], 'first');
    cache.storeVector([0, 1, 0], 'second');
    cache.storeVector([0, 0, 1], 'third');
    expect(cache.size).toBe(2);
    expect(cache.lookupVector([1, 0, 0])).toBeNull();
    expect(cache.lookupVector([0, 1, 0])?.answer).toBe('second');
    expect(cache.lookupVector([0, 0, 1])?.answer).toBe('third');
  });
});
