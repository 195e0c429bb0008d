import fs from 'node:fs';
import path from 'node:path';
import { atomicWrite, ensurePrivateDir } from '../core/atomic-write.js';
import { openGcm, sealGcm } from '../security/keys.js';
import { decodeCacheDocument, encodeCacheDocument, type CacheDocument } from './cache-format.js';

export type { CachedAnswer, CacheDocument } from './cache-format.js';

/** Format version written now; files of other versions are reported and replaced. */
export const CACHE_FORMAT_VERSION = 2;
const MAGIC = Buffer.from('CSEMC', 'ascii');
const HEADER = MAGIC.length + 1;
const AAD_LABEL = Buffer.from('companion/semantic-cache', 'ascii');

/** What reading the cache file found: a document, no file, or a damaged file with the reason. */
export type CacheFileRead = { kind: 'ok'; doc: CacheDocument } | { kind: 'none' } | { kind: 'damaged'; reason: string };

/** Path of the semantic cache file inside the cache directory. */
export function semanticCacheFile(dir: string): string {
  return path.join(dir, 'semantic-cache.bin');
}

/**
 * Encrypt (AES-256-GCM, the header authenticated too) and atomically write a cache document:
 * `CSEMC`, a version byte, IV, tag, then the encrypted binary payload. Nothing of it is readable on disk.
 */
export function writeCacheFile(dir: string, key: Uint8Array, doc: CacheDocument): void {
  ensurePrivateDir(dir);
  const header = Buffer.concat([MAGIC, Buffer.from([CACHE_FORMAT_VERSION])]);
  const { iv, tag, ct } = sealGcm(key, encodeCacheDocument(doc), Buffer.concat([header, AAD_LABEL]));
  atomicWrite(semanticCacheFile(dir), Buffer.concat([header, iv, tag, ct]));
}

/**
 * Read and decrypt the cache file. A missing file is `none`; a file of another format version, one that
 * does not decrypt with `key` (altered, or from another journal) or whose content is inconsistent is
 * `damaged` with a one-line reason: the cache is disposable, so callers report it and start empty.
 */
export function readCacheFile(dir: string, key: Uint8Array): CacheFileRead {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(semanticCacheFile(dir));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    throw err;
  }
  if (bytes.length < HEADER || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return { kind: 'damaged', reason: 'the cache file is not a companion cache file' };
  const version = bytes[MAGIC.length]!;
  if (version !== CACHE_FORMAT_VERSION) return { kind: 'damaged', reason: `the cache file has format version ${version === 0x31 ? 1 : version}, not ${CACHE_FORMAT_VERSION}` };
  if (bytes.length < HEADER + 28) return { kind: 'damaged', reason: 'the cache file is truncated' };
  const plain = openGcm(key, bytes.subarray(HEADER, HEADER + 12), bytes.subarray(HEADER + 12, HEADER + 28), bytes.subarray(HEADER + 28), Buffer.concat([bytes.subarray(0, HEADER), AAD_LABEL]));
  if (!plain) return { kind: 'damaged', reason: 'the cache file does not decrypt with this journal\'s key (altered or from another journal)' };
  try {
    return { kind: 'ok', doc: decodeCacheDocument(plain) };
  } catch {
    return { kind: 'damaged', reason: 'the cache file\'s content is inconsistent' };
  }
}
