import fs from 'node:fs';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { EnvironmentError } from './errors.js';
import { explainFsError } from './atomic-write.js';

/** What the lock file holds: who took it and when. */
export interface LockOwner {
  pid: number;
  host: string;
  acquired: string;
}

/** Options of the writer lock. */
export interface WriterLockOptions {
  /** How long to wait for another writer before giving up (default 30 s). */
  timeoutMs?: number;
  /** A break-lock older than this is considered abandoned (default 10 s). */
  staleBreakMs?: number;
}

/**
 * The single writer lock of a data directory. A lock whose owner process is gone (killed) is
 * recovered; breaking a stale lock is itself guarded by a short-lived second lock so two processes
 * can never both break and then both hold it.
 */
export class WriterLock {
  private held = false;
  constructor(private readonly file: string, private readonly options: WriterLockOptions = {}) {}

  /** Run `fn` while holding the lock; the lock is released even if `fn` throws. */
  async withLock<T>(fn: () => T | Promise<T>): Promise<T> {
    if (this.held) return fn(); // re-entrant within one process
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  /** Who holds the lock now, or null when it is free. */
  owner(): LockOwner | null {
    return readOwner(this.file);
  }

  /** True when the lock file names a process on this host that no longer exists. */
  isStale(): boolean {
    const owner = this.owner();
    return owner !== null && !ownerAlive(owner);
  }

  private async acquire(): Promise<void> {
    const deadline = Date.now() + (this.options.timeoutMs ?? 30_000);
    let delay = 2;
    for (;;) {
      if (this.tryCreate()) {
        this.held = true;
        return;
      }
      this.breakIfStale();
      if (Date.now() > deadline) {
        const owner = this.owner();
        throw new EnvironmentError(
          `Another companion process (pid ${owner?.pid ?? '?'}) is writing to this journal and did not finish in time.`,
          'Try again in a moment.',
        );
      }
      await sleep(delay + Math.random() * delay);
      delay = Math.min(delay * 2, 50);
    }
  }

  private tryCreate(): boolean {
    const owner: LockOwner = { pid: process.pid, host: os.hostname(), acquired: new Date().toISOString() };
    try {
      const fd = fs.openSync(this.file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
      try {
        fs.writeSync(fd, JSON.stringify(owner));
      } catch (err) {
        // Never leave an empty lock behind (a full disk): the next command would wait for it to go stale.
        fs.closeSync(fd);
        try { fs.unlinkSync(this.file); } catch { /* already gone */ }
        throw explainFsError(err, this.file);
      }
      fs.closeSync(fd);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw explainFsError(err, this.file);
    }
  }

  private breakIfStale(): void {
    const seen = fs.existsSync(this.file) ? safeRead(this.file) : null;
    if (seen === null) return;
    const owner = parseOwner(seen);
    // An unreadable or half-written lock file (killed between create and write) is stale once it is old.
    const stale = owner ? !ownerAlive(owner) : ageMs(this.file) > 2_000;
    if (!stale) return;
    const breaker = `${this.file}.break`;
    if (fs.existsSync(breaker) && ageMs(breaker) > (this.options.staleBreakMs ?? 10_000)) {
      try { fs.unlinkSync(breaker); } catch { /* someone else did */ }
    }
    let fd: number;
    try {
      fd = fs.openSync(breaker, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
    } catch {
      return; // another process is breaking it right now
    }
    try {
      // Re-check under the break lock: only remove the exact stale lock we looked at.
      if (safeRead(this.file) === seen) fs.unlinkSync(this.file);
    } finally {
      fs.closeSync(fd);
      try { fs.unlinkSync(breaker); } catch { /* ignore */ }
    }
  }

  private release(): void {
    this.held = false;
    const owner = this.owner();
    if (owner && owner.pid === process.pid && owner.host === os.hostname()) {
      try { fs.unlinkSync(this.file); } catch { /* already gone */ }
    }
  }
}

function safeRead(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const v = JSON.parse(text) as Partial<LockOwner>;
    if (typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.acquired === 'string') return v as LockOwner;
  } catch { /* fall through */ }
  return null;
}

function readOwner(file: string): LockOwner | null {
  const text = safeRead(file);
  return text === null ? null : parseOwner(text);
}

function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function ownerAlive(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return true; // cannot tell for another host: assume alive
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
