import fs from 'node:fs';
import { UsageError } from '../../core/errors.js';
import { parseImport, type ImportSource } from '../../core/interchange/index.js';
import type { ImportItem } from '../../core/journal.js';
import type { CommandContext } from '../context.js';
import { decodeEntryText } from '../read-input.js';
import { openJournal } from '../services.js';

/** `companion import --from jrnl|dayone|json FILE`. */
export async function importCommand(ctx: CommandContext, file: string, opts: { from: ImportSource; dryRun?: boolean; json?: boolean }): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new UsageError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}.`);
  }
  const items: ImportItem[] = parseImport(opts.from, decodeEntryText(bytes)).map((e) => (e.original ? { original: e.original } : { entry: e }));
  if (opts.dryRun) {
    if (opts.json) ctx.printJson({ dryRun: true, found: items.length });
    else ctx.print(`${items.length} entries found in ${file}; nothing was imported (--dry-run).`);
    return;
  }
  const { journal, audit } = await openJournal(ctx);
  const { imported, skipped } = await journal.importEntries(items);
  audit.record('import', 'MEDIUM', { source: opts.from, imported: imported.length, skipped });
  if (opts.json) ctx.printJson({ imported: imported.length, skipped, ids: imported });
  else ctx.print(`Imported ${imported.length} entries${skipped ? `; skipped ${skipped} already in the journal` : ''}.`);
}
