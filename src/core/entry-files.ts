import fs from 'node:fs';
import path from 'node:path';
import { parseEntryFileName, stampToMillis } from './paths.js';

/** Where an entry lives on disk, known from its file name alone (no key needed). */
export interface EntryRef {
  id: string;
  /** UTC creation stamp from the file name, e.g. 20250108T143000Z (second precision). */
  stamp: string;
  /** Creation time in epoch ms, second precision. */
  createdMs: number;
  /** Absolute path of the encrypted file. */
  file: string;
}

const SHARD_RE = /^\d{4}-\d{2}$/;

function readdirSafe(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/**
 * Entry files in date order, newest first unless `oldestFirst`. Month shards outside [fromMs, toMs] are
 * skipped without being read, so listing the last 20 entries costs the same at 1,000 or 100,000.
 */
export function* entryRefs(entriesDir: string, opts: { oldestFirst?: boolean; fromMs?: number; toMs?: number } = {}): Generator<EntryRef> {
  const dir = opts.oldestFirst ? 1 : -1;
  const shards = readdirSafe(entriesDir).filter((s) => SHARD_RE.test(s)).sort();
  if (dir < 0) shards.reverse();
  for (const shard of shards) {
    const shardStart = Date.parse(`${shard}-01T00:00:00Z`);
    const next = new Date(shardStart);
    next.setUTCMonth(next.getUTCMonth() + 1);
    if (opts.toMs !== undefined && shardStart > opts.toMs) continue;
    if (opts.fromMs !== undefined && next.getTime() <= opts.fromMs) continue;
    const shardDir = path.join(entriesDir, shard);
    const names = readdirSafe(shardDir).sort();
    if (dir < 0) names.reverse();
    for (const name of names) {
      const parsed = parseEntryFileName(name);
      if (!parsed) continue;
      const createdMs = stampToMillis(parsed.stamp);
      if (opts.toMs !== undefined && createdMs > opts.toMs) continue;
      if (opts.fromMs !== undefined && createdMs + 1000 <= opts.fromMs) continue;
      yield { id: parsed.id, stamp: parsed.stamp, createdMs, file: `${shardDir}${path.sep}${name}` };
    }
  }
}

/** Find entries whose id starts with `prefix` (at most `limit` matches are collected). */
export function findRefsByIdPrefix(entriesDir: string, prefix: string, limit = 2): EntryRef[] {
  const found: EntryRef[] = [];
  for (const ref of entryRefs(entriesDir)) {
    if (ref.id.startsWith(prefix)) {
      found.push(ref);
      if (found.length >= limit) break;
    }
  }
  return found;
}

/** The most entry files read ahead of decryption (about 1 KB each, so at most ~20 MB held). */
export const PRELOAD_LIMIT = 20_000;

/**
 * Read entry files (newest first, within a time range) into memory without decrypting them. Commands that
 * scan the whole journal do this while the passphrase KDF runs on another thread, so the file reads cost
 * no time of their own. Files that vanish meanwhile are left for the normal read to report.
 */
export function preloadEntryFiles(entriesDir: string, opts: { fromMs?: number; toMs?: number } = {}): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const ref of entryRefs(entriesDir, opts)) {
    if (files.size >= PRELOAD_LIMIT) break;
    try {
      files.set(ref.file, fs.readFileSync(ref.file));
    } catch {
      // read again (and reported) when the entry is opened
    }
  }
  return files;
}

let readBuffer = Buffer.allocUnsafe(64 * 1024);

/**
 * Read a whole file into a reused buffer (no per-file allocation or stat). The result is valid only until
 * the next call: callers decrypt it at once.
 */
export function readWhole(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    let length = 0;
    for (;;) {
      if (length === readBuffer.length) {
        const bigger = Buffer.allocUnsafe(readBuffer.length * 2);
        readBuffer.copy(bigger, 0, 0, length);
        readBuffer = bigger;
      }
      const n = fs.readSync(fd, readBuffer, length, readBuffer.length - length, null);
      if (n === 0) return readBuffer.subarray(0, length);
      length += n;
    }
  } finally {
    fs.closeSync(fd);
  }
}
