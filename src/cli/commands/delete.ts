import { UsageError } from '../../core/errors.js';
import type { CommandContext } from '../context.js';
import { excerpt, localStamp } from '../format.js';
import { withTerminal } from '../passphrase-source.js';
import { openJournal } from '../services.js';

async function confirm(ctx: CommandContext, question: string): Promise<boolean> {
  const answer = withTerminal(ctx.deps, (input, output) => new Promise<string>((resolve) => {
    output.write(question);
    input.resume();
    input.once('data', (chunk: Buffer | string) => {
      input.pause();
      resolve(chunk.toString());
    });
  }));
  if (!answer) throw new UsageError('Refusing to delete without confirmation: there is no terminal to ask.', 'Add --yes to delete from a script.');
  return /^\s*y(es)?\s*$/i.test(await answer);
}

/** `companion delete <id>`. */
export async function deleteCommand(ctx: CommandContext, id: string, opts: { yes?: boolean; json?: boolean }): Promise<void> {
  const { journal, vault } = await openJournal(ctx);
  const entry = journal.get(id);
  if (!opts.yes) {
    const ok = await confirm(ctx, `Delete ${entry.id} from ${localStamp(entry.created)} (${entry.wordCount} words: "${excerpt(entry.text, 40)}")? This cannot be undone. [y/N] `);
    if (!ok) {
      ctx.note('Kept it.');
      return;
    }
  }
  await journal.remove(entry.id);
  (await import('../../inference/semantic-cache.js')).purgeCachedAnswers(ctx.paths.cache, vault, entry.id); // answers derived from it go too
  if (opts.json) ctx.printJson({ deleted: entry.id });
  else ctx.print(`Deleted ${entry.id}.`);
}
