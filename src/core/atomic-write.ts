import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { EnvironmentError } from './errors.js';

/** The file operations atomicWrite needs; injectable so tests can simulate a full disk. */
export interface WriteIO {
  openSync: typeof fs.openSync;
  writeSync: (fd: number, data: Uint8Array) => number;
  fsyncSync: typeof fs.fsyncSync;
  closeSync: typeof fs.closeSync;
  renameSync: typeof fs.renameSync;
  unlinkSync: typeof fs.unlinkSync;
}

const nodeIO: WriteIO = {
  openSync: fs.openSync,
  writeSync: (fd, data) => fs.writeSync(fd, data),
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
  unlinkSync: fs.unlinkSync,
};

/** Options of atomicWrite. */
export interface AtomicWriteOptions {
  /** File mode of the new file (default 0o600: journal files are private). */
  mode?: number;
  /** Replace the file operations (tests). */
  io?: WriteIO;
}

/**
 * Write a whole file so that a crash at any moment leaves either the old content or the new one:
 * temp file in the same directory, fsync, rename over the target, fsync the directory.
 * Throws EnvironmentError with a plain message on a full disk or a permission problem; the target is
 * untouched in that case.
 */
export function atomicWrite(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const io = options.io ?? nodeIO;
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | undefined;
  try {
    fd = io.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, options.mode ?? 0o600);
    let off = 0;
    while (off < bytes.length) off += io.writeSync(fd, bytes.subarray(off));
    io.fsyncSync(fd);
    io.closeSync(fd);
    fd = undefined;
    io.renameSync(tmp, target);
  } catch (err) {
    if (fd !== undefined) {
      try { io.closeSync(fd); } catch { /* already failing */ }
    }
    try { io.unlinkSync(tmp); } catch { /* may not exist */ }
    throw explainFsError(err, target);
  }
  fsyncDir(dir);
}

/** fsync a directory so a rename or unlink in it survives a power cut (best effort where unsupported). */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some filesystems refuse fsync on directories; the rename is still atomic.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Map low-level file errors to plain, actionable messages; other errors pass through unchanged.
 * `outcome` says what the failure left behind (by default, that nothing changed).
 */
export function explainFsError(err: unknown, target: string, outcome = 'Nothing was changed.'): unknown {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new EnvironmentError(`The disk is full: could not write ${path.basename(target)}. ${outcome}`, 'Free some space and try again.');
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new EnvironmentError(`Permission denied writing ${target}. ${outcome}`);
  }
  if (code === 'EROFS') {
    return new EnvironmentError(`The data directory is on a read-only filesystem (${target}). ${outcome}`);
  }
  return err;
}

/** Create a directory (and parents) with private permissions if it does not exist. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}
