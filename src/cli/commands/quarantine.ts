import { entryDay } from '../../core/analysis/days.js';
import { UsageError } from '../../core/errors.js';
import { ensureAnalysis } from '../../core/insight/analysis-store.js';
import { isQuarantined } from '../../core/insight/quarantine.js';
import { excerpt } from '../../core/summary/excerpt.js';
import type { AuditTrail } from '../../security/audit-trail.js';
import type { CommandContext } from '../context.js';
import { openJournal } from '../services.js';

interface JsonOption {
  json?: boolean;
}

/** One quarantined entry as `companion quarantine list --json` prints it. */
export interface QuarantineListItem {
  id: string;
  date: string;
  score: number;
  reasons: string[];
  excerpt: string;
}

/** Audit entries the poisoning detector just put in quarantine (ids only), when there are any. */
export function recordQuarantined(audit: Pick<AuditTrail, 'record'>, ids: readonly string[], during: string): void {
  if (ids.length > 0) audit.record('entry.quarantine', 'MEDIUM', { action: 'quarantined', during, count: ids.length, entries: [...ids] });
}

/**
 * `companion quarantine list`: entries held in quarantine because they are unlike the journal's own writing
 * (analysing any entry that lacks a current analysis first, so new entries are checked too).
 */
export async function quarantineList(ctx: CommandContext, opts: JsonOption): Promise<void> {
  const { journal, audit } = await openJournal(ctx);
  const all = journal.all();
  const { entries, quarantined } = await ensureAnalysis(journal, all, all);
  recordQuarantined(audit, quarantined, 'quarantine list');
  const items: QuarantineListItem[] = entries.filter(isQuarantined).map((e) => ({
    id: e.id, date: entryDay(e.created), score: e.quarantine?.score ?? 0, reasons: e.quarantine?.reasons ?? [], excerpt: excerpt(e.text, 80),
  }));
  if (opts.json) {
    ctx.printJson({ count: items.length, entries: items });
    return;
  }
  if (items.length === 0) {
    ctx.print('No entries are in quarantine.');
    return;
  }
  const style = ctx.style;
  ctx.print(style.bold(`${items.length} ${items.length === 1 ? 'entry is' : 'entries are'} in quarantine: kept, but left out of summaries and ask until you approve ${items.length === 1 ? 'it' : 'them'}.`));
  for (const item of items) {
    ctx.print(`  ${style.cyan(item.id)}  ${item.date}  score ${item.score.toFixed(2)}  ${item.excerpt}`);
    for (const reason of item.reasons) ctx.print(style.dim(`      ${reason}`));
  }
  ctx.print(style.dim('Approve one you wrote with `companion quarantine approve <id>`.'));
}

/** `companion quarantine approve <id>`: release an entry from quarantine (audited with its id only). */
export async function quarantineApprove(ctx: CommandContext, id: string, opts: JsonOption): Promise<void> {
  const { journal, audit } = await openJournal(ctx);
  const entry = journal.get(id);
  if (!isQuarantined(entry) || !entry.quarantine) throw new UsageError(`Entry ${entry.id} is not in quarantine.`, 'See `companion quarantine list`.');
  await journal.update(entry.id, { quarantine: { ...entry.quarantine, status: 'approved' } });
  audit.record('entry.quarantine', 'LOW', { action: 'approved', id: entry.id });
  if (opts.json) {
    ctx.printJson({ id: entry.id, approved: true });
    return;
  }
  ctx.print(`Approved ${entry.id}: it is part of summaries and ask again.`);
}
