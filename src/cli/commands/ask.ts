import { parseSince } from '../../core/dates.js';
import { askJournal } from '../../core/insight/ask-service.js';
import { ensureAnalysis } from '../../core/insight/analysis-store.js';
import type { CommandContext } from '../context.js';
import { answerCacheFor, openJournal } from '../services.js';
import { recordQuarantined } from './quarantine.js';
import { insightSetup } from './summary.js';

interface AskOptions {
  since?: string;
  json?: boolean;
}

/** `companion ask "<question>"`: answer from the journal only, citing entry dates. */
export async function askCommand(ctx: CommandContext, words: string[], opts: AskOptions): Promise<void> {
  const now = ctx.deps.now();
  const question = words.join(' ').trim();
  const since = opts.since ? parseSince(opts.since, now) : undefined;
  const { journal, audit, vault } = await openJournal(ctx);
  const setup = await insightSetup(ctx);
  const cached = await answerCacheFor(ctx, vault, setup.provider);
  try {
    const all = journal.all();
    const scoped = since ? all.filter((e) => Date.parse(e.created) >= since.getTime()) : all;
    const { entries, quarantined } = await ensureAnalysis(journal, scoped, all);
    recordQuarantined(audit, quarantined, 'ask');
    const style = ctx.style;
    let streamed = false;
    const report = await askJournal(question, entries, {
      provider: setup.provider,
      policy: setup.policy,
      ...(cached.cache ? { cache: cached.cache } : { cacheOff: cached.off ?? undefined }),
      ...(opts.json ? {} : {
        onChunk: (text: string) => { streamed = true; ctx.deps.stdout.write(text); },
        onDiscard: (reason: string) => { ctx.print(''); ctx.print(style.dim(`(That answer was set aside: ${reason}.)`)); },
      }),
    });
    if (report.excluded.count > 0) audit.record('warning.injection', 'MEDIUM', { during: 'ask', count: report.excluded.count, entries: report.excluded.entries.map((e) => e.id) });
    if (opts.json) {
      ctx.printJson(report);
      return;
    }
    if (streamed && report.answer.source === 'model') {
      ctx.print('');
    } else if (!report.found) {
      ctx.print(report.answer.text);
    } else {
      ctx.print(style.bold('From your journal (quoted, not written by a model):'));
      for (const q of report.answer.quotes) ctx.print(`  ${style.cyan(q.date)}  ${q.text}`);
    }
    if (report.cache.status === 'hit') ctx.print(style.dim('(Answered from the answer cache: the same entries, unchanged, and a similar question.)'));
    if (report.found && report.citations.length > 0) ctx.print(style.dim(`Entries: ${report.citations.map((c) => `${c.date} ${c.entryId}`).join(', ')}`));
    if (report.quarantined.count > 0) {
      const n = report.quarantined.count;
      ctx.print(style.yellow(`${n} ${n === 1 ? 'entry is' : 'entries are'} in quarantine (unlike your usual writing) and not searched; review with \`companion quarantine list\`.`));
    }
    if (report.excluded.count > 0) ctx.print(style.yellow(`${report.excluded.count} ${report.excluded.count === 1 ? 'entry was' : 'entries were'} flagged as possible prompt injection and not searched.`));
  } finally {
    cached.done();
    await setup.provider.dispose();
  }
}
