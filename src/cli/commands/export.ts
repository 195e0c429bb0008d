import { atomicWrite } from '../../core/atomic-write.js';
import { exportJson, exportMarkdown, exportText } from '../../core/interchange/index.js';
import type { CommandContext } from '../context.js';
import { queryFromOptions, type FilterOptions } from '../filters.js';
import { openJournal } from '../services.js';
import { VERSION } from '../version.js';

/** `companion export --format md|json|txt [--out FILE]`. */
export async function exportCommand(ctx: CommandContext, opts: FilterOptions & { format: 'md' | 'json' | 'txt'; out?: string }): Promise<void> {
  const query = queryFromOptions(opts, ctx.deps.now(), null);
  const { journal, audit } = await openJournal(ctx);
  const entries = journal.all(query);
  const body = opts.format === 'json'
    ? exportJson(entries, { exported: ctx.deps.now(), generator: `companion ${VERSION}` })
    : opts.format === 'md' ? exportMarkdown(entries) : exportText(entries);
  audit.record('export', 'MEDIUM', { format: opts.format, entries: entries.length, destination: opts.out ? 'file' : 'stdout' });
  if (opts.out) {
    atomicWrite(opts.out, body, { mode: 0o600 });
    ctx.note(`Exported ${entries.length} entries to ${opts.out} (readable only by you). It is not encrypted: keep it safe.`);
  } else {
    ctx.deps.stdout.write(body);
  }
}
