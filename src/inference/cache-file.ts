import fs from 'node:fs';
import path from 'node:path';
import { atomicWrite, ensurePrivateDir } from '../core/atomic-write.js';
import { openGcm, sealGcm } from '../security/keys.js';

/** One cached answer as stored: no prompt text, only its vector (kept in `vectors`), the answer and provenance. */
export interface CachedAnswer {
  /** What kind of request the answer is for (e.g. `reflection`, `summary`); lookups only match their scope. */
  scope: string;
  answer: string;
  /** Ids of the journal entries the answer was derived from; deleting any of them purges the answer. */
  sources: string[];
  /** ISO time the answer was stored. */
  created: string;
}

/** The decrypted content of the cache file. */
export interface CacheDocument {
  dims: number;
  entries: CachedAnswer[];
  /** Row-major unit vectors, `entries.length × dims`. */
  vectors: Float32Array;
}

const MAGIC = Buffer.from('CSEMC1\n', 'ascii');
const AAD = Buffer.from('companion/semantic-cache/v1', 'ascii');

/** Path of the semantic cache file inside the cache directory. */
export function semanticCacheFile(dir: string): string {
  return path.join(dir, 'semantic-cache.bin');
}

/** Encrypt and atomically write a cache document (AES-256-GCM; nothing of it is readable on disk). */
export function writeCacheFile(dir: string, key: Uint8Array, doc: CacheDocument): void {
  ensurePrivateDir(dir);
  const vectors = Buffer.from(doc.vectors.buffer, doc.vectors.byteOffset, doc.entries.length * doc.dims * 4);
  const json = Buffer.from(JSON.stringify({ dims: doc.dims, entries: doc.entries, vectors: vectors.toString('base64') }), 'utf8');
  const { iv, tag, ct } = sealGcm(key, json, AAD);
  atomicWrite(semanticCacheFile(dir), Buffer.concat([MAGIC, iv, tag, ct]));
}

/**
 * Read and decrypt the cache file. Returns null when there is none, and `'unreadable'` when it does not
 * decrypt or parse (another key, altered bytes): a cache is disposable, so callers start empty.
 */
export function readCacheFile(dir: string, key: Uint8Array): CacheDocument | null | 'unreadable' {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(semanticCacheFile(dir));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  if (bytes.length < MAGIC.length + 28 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return 'unreadable';
  const at = MAGIC.length;
  const plain = openGcm(key, bytes.subarray(at, at + 12), bytes.subarray(at + 12, at + 28), bytes.subarray(at + 28), AAD);
  if (!plain) return 'unreadable';
  try {
    const raw = JSON.parse(plain.toString('utf8')) as { dims: unknown; entries: unknown; vectors: unknown };
    const dims = raw.dims;
    if (typeof dims !== 'number' || !Number.isInteger(dims) || dims < 1 || !Array.isArray(raw.entries) || typeof raw.vectors !== 'string') return 'unreadable';
    const entries = raw.entries.filter(isCachedAnswer);
    if (entries.length !== raw.entries.length) return 'unreadable';
    const buf = Buffer.from(raw.vectors, 'base64');
    if (buf.length !== entries.length * dims * 4) return 'unreadable';
    const vectors = new Float32Array(entries.length * dims);
    new Uint8Array(vectors.buffer).set(buf);
    return { dims, entries, vectors };
  } catch {
    return 'unreadable';
  }
}

function isCachedAnswer(x: unknown): x is CachedAnswer {
  const e = x as CachedAnswer;
  return typeof e === 'object' && e !== null && typeof e.scope === 'string' && typeof e.answer === 'string'
    && typeof e.created === 'string' && Array.isArray(e.sources) && e.sources.every((s) => typeof s === 'string');
}
