import { needsAnalysis } from '../../core/analysis/index.js';
import { ensureAnalysis } from '../../core/insight/analysis-store.js';
import type { CommandContext } from '../context.js';
import { openJournal } from '../services.js';

interface AnalyzeOptions {
  json?: boolean;
}

/** `companion analyze`: compute and store mood and themes for every entry that lacks a current analysis. */
export async function analyzeCommand(ctx: CommandContext, opts: AnalyzeOptions): Promise<void> {
  const { journal } = await openJournal(ctx);
  const all = journal.all();
  const stale = all.filter(needsAnalysis);
  const { analysed } = await ensureAnalysis(journal, stale, all);
  if (opts.json) {
    ctx.printJson({ entries: all.length, analysed, upToDate: all.length - analysed });
    return;
  }
  ctx.print(analysed === 0 ? `All ${all.length} entries are already analysed.` : `Analysed ${analysed} of ${all.length} entries; the analysis is stored encrypted with each entry.`);
}
