import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EnvironmentError } from '../../core/errors.js';
import { extractTags } from '../../core/tags.js';
import type { CommandContext } from '../context.js';
import { checkEntryText } from '../read-input.js';
import { openJournal } from '../services.js';

/**
 * Let the user edit text in their editor: a 0600 file in a private 0700 directory, removed afterwards
 * even when the editor fails.
 */
export async function editText(ctx: CommandContext, text: string, label: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'companion-'));
  try {
    fs.chmodSync(dir, 0o700);
    const file = path.join(dir, `${label}.md`);
    fs.writeFileSync(file, text, { mode: 0o600 });
    try {
      await ctx.deps.runEditor(file, ctx.deps.env);
    } catch (err) {
      throw new EnvironmentError(`Editing failed: ${(err as Error).message}. Nothing was changed.`, 'Set $VISUAL or $EDITOR to an editor that waits until you close the file.');
    }
    return fs.readFileSync(file, 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `companion edit <id>`. */
export async function editCommand(ctx: CommandContext, id: string): Promise<void> {
  const { journal } = await openJournal(ctx);
  const entry = journal.get(id);
  const edited = checkEntryText(await editText(ctx, entry.text, entry.id)).replace(/\s+$/, '');
  if (edited === entry.text.replace(/\s+$/, '')) {
    ctx.note('No changes.');
    return;
  }
  if (edited.trim() === '') {
    ctx.note('The edited entry is empty; nothing was changed. Use `companion delete` to remove an entry.');
    return;
  }
  const tags = [...new Set([...entry.tags, ...extractTags(edited)])];
  const updated = await journal.update(entry.id, { text: edited, tags, mood: null, themes: [], analyzerVersion: null });
  ctx.print(`Updated ${updated.id} (revision ${updated.revision}, ${updated.wordCount} words).`);
}
