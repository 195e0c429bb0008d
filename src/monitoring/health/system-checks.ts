import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { WriterLock } from '../../core/writer-lock.js';
import { formatBytes, type CheckOutcome } from './timed-check.js';
import type { DiskFacts, MemoryFacts } from './types.js';

/** The part of `fs.statfs` the disk check needs (injectable to simulate a full disk). */
export interface StatFs {
  bsize: number;
  blocks: number;
  bavail: number;
}

/** Read filesystem figures for a path. */
export type StatFsReader = (dir: string) => StatFs;

/** Thresholds of the disk check. */
export const DISK_LIMITS = {
  failBelowBytes: 64 * 2 ** 20,
  failBelowFraction: 0.01,
  warnBelowBytes: 512 * 2 ** 20,
  warnBelowFraction: 0.05,
};

/** The nearest existing directory at or above `dir` (the data directory may not exist yet). */
function existingDir(dir: string): string {
  let cur = path.resolve(dir);
  while (!fs.existsSync(cur)) {
    const up = path.dirname(cur);
    if (up === cur) break;
    cur = up;
  }
  return cur;
}

/** Free space of the filesystem holding `dir`. */
export function diskFacts(dir: string, statfs: StatFsReader = (d) => fs.statfsSync(d)): DiskFacts {
  const s = statfs(existingDir(dir));
  return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
}

/** Disk space of the data directory: fail when nearly full (writes would fail), warn when low. */
export function diskCheck(facts: DiskFacts): CheckOutcome {
  const fraction = facts.totalBytes > 0 ? facts.freeBytes / facts.totalBytes : 0;
  const text = `${formatBytes(facts.freeBytes)} free of ${formatBytes(facts.totalBytes)} (${(fraction * 100).toFixed(1)}%)`;
  if (facts.freeBytes < DISK_LIMITS.failBelowBytes || fraction < DISK_LIMITS.failBelowFraction) return { status: 'fail', reason: `disk nearly full: ${text}; new entries may not save` };
  if (facts.freeBytes < DISK_LIMITS.warnBelowBytes || fraction < DISK_LIMITS.warnBelowFraction) return { status: 'warn', reason: `disk space low: ${text}` };
  return { status: 'ok', reason: text };
}

/** Memory of this process and the machine. */
export function memoryFacts(): MemoryFacts {
  const m = process.memoryUsage();
  return {
    rssBytes: m.rss,
    heapUsedBytes: m.heapUsed,
    heapLimitBytes: v8.getHeapStatistics().heap_size_limit,
    systemFreeBytes: os.freemem(),
    systemTotalBytes: os.totalmem(),
  };
}

/** Memory: fail when the JS heap is near its limit, warn when the machine is nearly out of memory. */
export function memoryCheck(m: MemoryFacts): CheckOutcome {
  const text = `process ${formatBytes(m.rssBytes)} (heap ${formatBytes(m.heapUsedBytes)} of ${formatBytes(m.heapLimitBytes)}); machine ${formatBytes(m.systemFreeBytes)} free of ${formatBytes(m.systemTotalBytes)}`;
  if (m.heapUsedBytes > 0.9 * m.heapLimitBytes) return { status: 'fail', reason: `heap nearly exhausted: ${text}` };
  if (m.systemFreeBytes < 0.03 * m.systemTotalBytes) return { status: 'warn', reason: `machine low on memory: ${text}` };
  return { status: 'ok', reason: text };
}

/** Writer lock: free or held by a live process is fine; a lock left by a dead process is a warning. */
export function writerLockCheck(lockFile: string, now: Date): CheckOutcome {
  const lock = new WriterLock(lockFile);
  const owner = lock.owner();
  if (!owner) {
    if (fs.existsSync(lockFile)) return { status: 'warn', reason: 'the lock file is unreadable (a writer was killed while taking it); the next write recovers it' };
    return { status: 'ok', reason: 'free' };
  }
  const heldS = Math.max(0, Math.round((now.getTime() - Date.parse(owner.acquired)) / 1000));
  if (lock.isStale()) return { status: 'warn', reason: `stale: left by pid ${owner.pid}, which is gone; the next write recovers it` };
  if (heldS > 300) return { status: 'warn', reason: `held by pid ${owner.pid} on ${owner.host} for ${Math.round(heldS / 60)} min` };
  return { status: 'ok', reason: `held by pid ${owner.pid} on ${owner.host} for ${heldS} s (a write in progress)` };
}

/** Drafts: autosaved drafts waiting to be finished are a warning, so they are not forgotten. */
export function draftsCheck(draftsDir: string): CheckOutcome {
  let names: string[];
  try {
    names = fs.readdirSync(draftsDir).filter((n) => !n.startsWith('.'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'ok', reason: 'no drafts pending' };
    throw err;
  }
  if (names.length === 0) return { status: 'ok', reason: 'no drafts pending' };
  return { status: 'warn', reason: `${names.length} unfinished draft${names.length === 1 ? '' : 's'} pending` };
}
