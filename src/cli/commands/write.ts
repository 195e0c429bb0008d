import { UsageError } from '../../core/errors.js';
import { parseWhen, splitLeadingDate } from '../../core/dates.js';
import { extractTags } from '../../core/tags.js';
import type { CommandContext } from '../context.js';
import { entryJson, localStamp } from '../format.js';
import { checkEntryText, readTextInput } from '../read-input.js';
import { openJournal } from '../services.js';
import { editText } from './edit.js';

interface WriteOptions {
  date?: string;
  tag: string[];
  star?: boolean;
  json?: boolean;
}

/** `companion write`: add one entry from the arguments, stdin, or the editor. */
export async function writeCommand(ctx: CommandContext, words: string[], opts: WriteOptions): Promise<void> {
  let raw: string | null = words.length > 0 ? checkEntryText(words.join(' ')) : null;
  if (raw === null && !ctx.deps.stdin.isTTY) raw = await readTextInput(ctx.deps.stdin);
  const now = ctx.deps.now();
  let when: Date | null = opts.date ? parseWhen(opts.date, now) : null;
  const open = await openJournal(ctx);
  if (raw === null) raw = checkEntryText(await editText(ctx, '', 'new-entry'));
  let text = raw.trim();
  let starred = Boolean(opts.star);
  if (!opts.date) {
    const split = splitLeadingDate(text, now);
    if (split.when) {
      when = split.when;
      text = split.body.trim();
      starred ||= split.starred; // jrnl's "yesterday*: ..." marker
    }
  }
  if (text.length === 0) throw new UsageError('The entry is empty; nothing was saved.');
  const entry = await open.journal.create({
    text,
    created: when ?? now,
    tags: [...opts.tag, ...extractTags(text)],
    starred,
  });
  if (opts.json) {
    ctx.printJson(entryJson(entry));
  } else {
    const s = ctx.style;
    ctx.print(`Saved ${s.bold(entry.id)} · ${entry.wordCount} words · ${localStamp(entry.created)}${entry.tags.length ? ' · ' + entry.tags.map((t) => '@' + t).join(' ') : ''}`);
  }
  // Local-only usage statistics (`companion stats`): counts, never text. Analysis is not run here: it would
  // delay the command by the analyser's load time; summary, ask and analyze compute and store it.
  const { Telemetry } = await import('../../monitoring/telemetry.js');
  const telemetry = new Telemetry({ dir: ctx.paths.metrics, now: () => ctx.deps.now(), enabled: ctx.config.monitoring.collect_metrics });
  telemetry.recordSession({ words: entry.wordCount });
  telemetry.flush();
}
