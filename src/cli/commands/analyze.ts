import { needsAnalysis } from '../../core/analysis/version.js';
import { ensureAnalysis } from '../../core/insight/analysis-store.js';
import type { CommandContext } from '../context.js';
import { openJournal } from '../services.js';
import { recordQuarantined } from './quarantine.js';

interface AnalyzeOptions {
  json?: boolean;
}

/** `companion analyze`: compute and store mood and themes for every entry that lacks a current analysis. */
export async function analyzeCommand(ctx: CommandContext, opts: AnalyzeOptions): Promise<void> {
  const { journal, audit } = await openJournal(ctx);
  const all = journal.all();
  const stale = all.filter(needsAnalysis);
  const { analysed, quarantined } = await ensureAnalysis(journal, stale, all);
  recordQuarantined(audit, quarantined, 'analyze');
  if (opts.json) {
    ctx.printJson({ entries: all.length, analysed, upToDate: all.length - analysed, quarantined });
    return;
  }
  ctx.print(analysed === 0 ? `All ${all.length} entries are already analysed.` : `Analysed ${analysed} of ${all.length} entries; the analysis is stored encrypted with each entry.`);
  if (quarantined.length > 0) ctx.print(ctx.style.yellow(`${quarantined.length} of them ${quarantined.length === 1 ? 'is' : 'are'} unlike your usual writing and now in quarantine; review with \`companion quarantine list\`.`));
}
