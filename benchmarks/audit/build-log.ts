import type { AuditEvent } from '../../src/security/audit-log.js';
import type { BenchJournal } from '../lib/bench-journal.js';
import { seededRandom } from '../lib/synthetic-journal.js';

/** A non-entry security event of the kinds a long-used journal collects (unlocks, exports, warnings). */
export function syntheticEvent(rnd: () => number): AuditEvent {
  const x = rnd();
  if (x < 0.7) return { type: 'vault.unlocked', severity: 'LOW', details: { source: rnd() < 0.9 ? 'prompt' : 'keychain' } };
  if (x < 0.8) return { type: 'warning.pii', severity: 'MEDIUM', details: { kinds: ['EMAIL', 'PHONE'].slice(0, 1 + Math.floor(rnd() * 2)), shown: true } };
  if (x < 0.9) return { type: 'export', severity: 'MEDIUM', details: { format: 'json', entries: Math.floor(rnd() * 5000), destination: 'file' } };
  if (x < 0.97) return { type: 'model.loaded', severity: 'LOW', details: { provider: 'builtin', model: 'none' } };
  return { type: 'config.changed', severity: 'LOW', details: { key: 'prompts.timing_threshold_seconds' } };
}

/** Result of growing the log. */
export interface GrowResult {
  appended: number;
  batches: number;
  ms: number;
}

/**
 * Append synthetic events through AuditLog.append, under the writer lock, in batches of `batchSize`,
 * until the log holds `target` records. Throws if the log refuses an append.
 */
export async function growLog(open: BenchJournal, current: number, target: number, batchSize: number, seed: number): Promise<GrowResult> {
  const rnd = seededRandom(seed);
  const start = performance.now();
  let have = current;
  let batches = 0;
  while (have < target) {
    const n = Math.min(batchSize, target - have);
    const events = Array.from({ length: n }, () => syntheticEvent(rnd));
    const ok = await open.lock.withLock(() => open.log.append(events));
    if (!ok) throw new Error(`the audit log refused a batch at ${have} records`);
    have += n;
    batches += 1;
  }
  return { appended: have - current, batches, ms: performance.now() - start };
}
