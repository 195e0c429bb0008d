import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CACHE_FORMAT_VERSION, readCacheFile, semanticCacheFile, writeCacheFile } from '../../src/inference/cache-file.js';
import { SemanticCache } from '../../src/inference/semantic-cache.js';
import { VectorIndex } from '../../src/inference/vector-index.js';

let dir: string;
const key = crypto.randomBytes(32);
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'companion-cache-file-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cache file (binary, version 2)', () => {
  it('round-trips the index (with its basis) and every answer field', () => {
    const index = new VectorIndex(40);
    for (let i = 0; i < 300; i++) index.add(Array.from({ length: 40 }, (_, j) => Math.sin(i * 13 + j * 7) + 0.5));
    const entries = Array.from({ length: 300 }, (_, i) => ({ scope: i % 2 ? 'ask' : 'summary-map', fingerprint: `fp${i}`, answer: `answer ${i} — ünïcode ✓`, sources: [`e${i}`, 'shared'], created: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString() }));
    writeCacheFile(dir, key, { index: index.parts(), entries });
    const read = readCacheFile(dir, key);
    expect(read.kind).toBe('ok');
    if (read.kind !== 'ok') return;
    expect(read.doc.entries).toEqual(entries);
    expect(Array.from(read.doc.index.heads)).toEqual(Array.from(index.parts().heads));
    expect(Array.from(read.doc.index.rests)).toEqual(Array.from(index.parts().rests));
    expect(read.doc.index.basis.length).toBeGreaterThan(0);
    expect(Array.from(read.doc.index.coords)).toEqual(Array.from(index.parts().coords));
    expect(fs.readFileSync(semanticCacheFile(dir))[5]).toBe(CACHE_FORMAT_VERSION);
  });

  it('says why a file cannot be used: another version, truncated, altered, another key, not a cache file', () => {
    const cache = SemanticCache.open({ dir, key });
    cache.storeVector([1, 0, 0], 'an answer', { scope: 'ask', fingerprint: 'x', sources: ['aaaa'] });
    const file = semanticCacheFile(dir);
    const good = fs.readFileSync(file);
    const reason = (bytes: Buffer, k = key) => { fs.writeFileSync(file, bytes); const r = readCacheFile(dir, k); return r.kind === 'damaged' ? r.reason : r.kind; };
    expect(reason(Buffer.concat([Buffer.from('CSEMC1\n'), good.subarray(7)]))).toMatch(/format version 1, not 2/);
    expect(reason(good.subarray(0, 20))).toMatch(/truncated/);
    const altered = Buffer.from(good);
    altered[altered.length - 1]! ^= 1;
    expect(reason(altered)).toMatch(/does not decrypt/);
    expect(reason(good, crypto.randomBytes(32))).toMatch(/does not decrypt/);
    expect(reason(Buffer.from('{"dims": 3}'))).toMatch(/not a companion cache file/);
    fs.writeFileSync(file, altered);
    const reopened = SemanticCache.open({ dir, key });
    expect(reopened.problem).toMatch(/does not decrypt/);
    expect(reopened.size).toBe(0);
    reopened.storeVector([0, 1, 0], 'rebuilt');
    expect(SemanticCache.open({ dir, key }).problem).toBeNull();
    expect(readCacheFile(path.join(dir, 'none'), key)).toEqual({ kind: 'none' });
  });
});
