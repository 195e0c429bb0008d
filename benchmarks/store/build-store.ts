import type { ImportItem } from '../../src/core/journal.js';
import { openBenchJournal, initJournal, type BenchJournalDir } from '../lib/bench-journal.js';
import { syntheticJournal } from '../lib/synthetic-journal.js';

/** A synthetic journal on disk, ready for CLI runs. */
export interface BuiltStore extends BenchJournalDir {
  entries: number;
  /** Entries that contain the planted word (what `search` must find). */
  planted: number;
  /** Wall-clock times of the build steps, in milliseconds. */
  timings: { initMs: number; unlockMs: number; generateMs: number; importMs: number; totalMs: number };
}

/**
 * Build a journal of `count` synthetic entries under `root`: `companion init` (real CLI, default KDF),
 * one in-process unlock, then one `Journal.importEntries` batch, which writes every entry file through
 * the journal and records the batch in the audit log in one append, as `companion import` does.
 */
export async function buildStore(root: string, count: number, seed = 7): Promise<BuiltStore> {
  const start = performance.now();
  const dir = initJournal(root);
  const open = await openBenchJournal(dir);
  const genStart = performance.now();
  const items: ImportItem[] = [];
  let planted = 0;
  for (const e of syntheticJournal(count, { seed })) {
    if (e.planted) planted += 1;
    items.push({ entry: { text: e.text, tags: e.tags, created: e.created } });
  }
  const generateMs = performance.now() - genStart;
  const importStart = performance.now();
  open.audit.record('vault.unlocked', 'LOW', { source: 'file' });
  const { imported, skipped } = await open.journal.importEntries(items);
  open.audit.record('import', 'MEDIUM', { source: 'benchmark', imported: imported.length, skipped });
  await open.audit.flush();
  const importMs = performance.now() - importStart;
  if (imported.length !== count) throw new Error(`imported ${imported.length} of ${count} entries (${skipped} skipped)`);
  return {
    ...dir,
    entries: count,
    planted,
    timings: { initMs: dir.initMs, unlockMs: open.unlockMs, generateMs, importMs, totalMs: performance.now() - start },
  };
}
