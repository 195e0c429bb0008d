import fs from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { atomicWrite, ensurePrivateDir } from '../core/atomic-write.js';
import { IntegrityError } from '../core/errors.js';
import { sha256File } from './models.js';

/** The model `companion models use` chose: its path and the sha256 it had then (config model_path, model_sha256). */
export interface ModelPin {
  path: string;
  sha256: string;
}

/** Where verified hashes are remembered, and how a file is hashed (injectable for tests). */
export interface ModelHashCacheOptions {
  /** JSON file under the data directory's cache/ (e.g. `cache/model-hashes.json`). */
  cacheFile: string;
  /** Hashes a whole file (default: streamed sha256). */
  hash?: (file: string) => Promise<string>;
}

/** The sha256 of a model file and whether it came from the cache. */
export interface ModelHash {
  sha256: string;
  cached: boolean;
}

interface CacheRecord {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  sha256: string;
}

type CacheFile = { version: 1; files: Record<string, CacheRecord> };

const MAX_RECORDS = 32;

function readCache(file: string): CacheFile {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CacheFile>;
    if (parsed.version !== 1 || typeof parsed.files !== 'object' || parsed.files === null) return { version: 1, files: {} };
    const files: Record<string, CacheRecord> = {};
    for (const [k, r] of Object.entries(parsed.files)) {
      if (typeof r?.size === 'number' && typeof r.mtimeMs === 'number' && typeof r.ctimeMs === 'number' && typeof r.sha256 === 'string' && /^[0-9a-f]{64}$/.test(r.sha256)) files[k] = r;
    }
    return { version: 1, files };
  } catch {
    return { version: 1, files: {} }; // missing or unreadable: every file is hashed again
  }
}

function sameFile(a: fs.Stats, r: Omit<CacheRecord, 'sha256'>): boolean {
  return a.size === r.size && a.mtimeMs === r.mtimeMs && a.ctimeMs === r.ctimeMs;
}

/**
 * The sha256 of `file`, taken from the cache when its size, mtime and ctime are those recorded with the
 * hash, else computed (seconds per GB) and remembered. ctime is part of the key because, unlike mtime, a
 * user cannot set it back after changing the file. A file that changes while it is hashed is not
 * remembered. Throws the fs error when the file cannot be read; a cache that cannot be written is ignored.
 */
export async function cachedModelSha256(file: string, options: ModelHashCacheOptions): Promise<ModelHash> {
  const key = path.resolve(file);
  const before = await stat(key);
  const cache = readCache(options.cacheFile);
  const known = cache.files[key];
  if (known && sameFile(before, known)) return { sha256: known.sha256, cached: true };
  const sha256 = await (options.hash ?? sha256File)(key);
  const after = await stat(key);
  if (sameFile(after, before)) {
    delete cache.files[key];
    const kept = Object.entries(cache.files).slice(-(MAX_RECORDS - 1));
    const next: CacheFile = { version: 1, files: { ...Object.fromEntries(kept), [key]: { size: after.size, mtimeMs: after.mtimeMs, ctimeMs: after.ctimeMs, sha256 } } };
    try {
      ensurePrivateDir(path.dirname(options.cacheFile));
      atomicWrite(options.cacheFile, JSON.stringify(next) + '\n');
    } catch {
      // A read-only data dir costs a re-hash next time, nothing else.
    }
  }
  return { sha256, cached: false };
}

/**
 * Refuses to let a changed model load: when `modelPath` is the pinned path and its sha256 differs from the
 * pin, throws `IntegrityError` (exit 4) saying how to re-pin. Returns quietly when nothing is pinned for
 * this path or the file cannot be read (the provider then reports the missing model itself).
 */
export async function verifyPinnedModel(modelPath: string, pin: ModelPin | null, options: ModelHashCacheOptions): Promise<void> {
  if (!pin || path.resolve(modelPath) !== path.resolve(pin.path)) return;
  let actual: ModelHash;
  try {
    actual = await cachedModelSha256(modelPath, options);
  } catch {
    return;
  }
  if (actual.sha256 === pin.sha256) return;
  throw new IntegrityError(
    `The model ${modelPath} changed since \`companion models use\` (sha256 ${actual.sha256.slice(0, 16)}…, pinned ${pin.sha256.slice(0, 16)}…); companion will not load it.`,
    `If you replaced the file on purpose, pin it again with \`companion models use ${modelPath}\`; otherwise restore the original file.`,
  );
}
