import type { Entry } from '../../core/entry.js';
import { parseWhen } from '../../core/dates.js';
import type { CommandContext } from '../context.js';
import { queryFromOptions, type FilterOptions } from '../filters.js';
import { entryBlock, entryJson, entryLine } from '../format.js';
import { openJournal } from '../services.js';

type JsonOpt = { json?: boolean };

function printEntries(ctx: CommandContext, entries: Entry[], json: boolean | undefined, empty: string): void {
  if (json) {
    ctx.printJson({ entries: entries.map(entryJson) });
    return;
  }
  if (entries.length === 0) {
    ctx.note(empty);
    return;
  }
  const width = ctx.deps.stdout.columns ?? 100;
  for (const e of entries) ctx.print(entryLine(e, ctx.style, width));
}

/** `companion list`: newest first, 20 by default. */
export async function listCommand(ctx: CommandContext, opts: FilterOptions & JsonOpt): Promise<void> {
  const query = queryFromOptions(opts, ctx.deps.now(), 20);
  const { journal } = await openJournal(ctx);
  printEntries(ctx, journal.list(query), opts.json, 'No entries match.');
}

/** `companion search <words...>`. */
export async function searchCommand(ctx: CommandContext, words: string[], opts: FilterOptions & JsonOpt): Promise<void> {
  const query = queryFromOptions(opts, ctx.deps.now(), null);
  const { journal } = await openJournal(ctx);
  printEntries(ctx, journal.search(words, query), opts.json, `No entries contain ${words.map((w) => `"${w}"`).join(' and ')}.`);
}

/** `companion show <id>`. */
export async function showCommand(ctx: CommandContext, id: string, opts: JsonOpt): Promise<void> {
  const { journal } = await openJournal(ctx);
  const entry = journal.get(id);
  if (opts.json) ctx.printJson(entryJson(entry));
  else ctx.print(entryBlock(entry, ctx.style));
}

/** `companion tags`: counts, most used first. */
export async function tagsCommand(ctx: CommandContext, opts: JsonOpt): Promise<void> {
  const { journal } = await openJournal(ctx);
  const counts = new Map<string, number>();
  for (const e of journal.all()) for (const t of e.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  const tags = [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  if (opts.json) {
    ctx.printJson({ tags });
    return;
  }
  if (tags.length === 0) ctx.note('No tags yet: write @something in an entry to tag it.');
  for (const { tag, count } of tags) ctx.print(`${String(count).padStart(5)}  @${tag}`);
}

/** `companion on-this-day`: same month and day in earlier years. */
export async function onThisDayCommand(ctx: CommandContext, opts: JsonOpt & { date?: string }): Promise<void> {
  const day = opts.date ? parseWhen(opts.date, ctx.deps.now()) : ctx.deps.now();
  const { journal } = await openJournal(ctx);
  const matches = journal.all().filter((e) => {
    const d = new Date(e.created);
    return d.getMonth() === day.getMonth() && d.getDate() === day.getDate() && d.getFullYear() < day.getFullYear();
  }).reverse();
  const label = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
  if (opts.json) {
    ctx.printJson({ date: label, entries: matches.map(entryJson) });
    return;
  }
  if (matches.length === 0) {
    ctx.note(`Nothing written on this day (${label.slice(5)}) in earlier years.`);
    return;
  }
  for (const e of matches) {
    ctx.print(entryBlock(e, ctx.style));
    ctx.print('');
  }
}
