import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import { CommandContext } from '../../src/cli/context.js';
import type { CliDeps, Output } from '../../src/cli/deps.js';
import { buildSessionServices, WarmProvider } from '../../src/cli/commands/session.js';
import type { SessionHistory } from '../../src/ui/services.js';
import { semanticCacheFile } from '../../src/inference/cache-file.js';
import { runCli, useTempJournal } from '../helpers/cli.js';

const t = useTempJournal();
const sink: Output = { write: () => undefined, isTTY: false, columns: 100 };
const history: SessionHistory = { streakDays: 2, recentThemes: ['activity:running'], recentMood: 0.3, lastPrompt: null, daysSinceLastEntry: 1 };
const DRAFT = 'I went running by the river this morning and the light was soft on the water.';

/** A session's prompter over the temp journal with the mock model answering `question`. */
async function followUp(question: string, extraEnv: Record<string, string> = {}): Promise<string | null> {
  const fixture = path.join(t.dir, 'fixture.json');
  fs.writeFileSync(fixture, JSON.stringify({ default: question }));
  const env = { ...t.env, COMPANION_PROVIDER: 'mock', COMPANION_MOCK_FIXTURE: fixture, ...extraEnv };
  const deps: CliDeps = { env, stdin: Readable.from([]) as CliDeps['stdin'], stdout: sink, stderr: sink, now: () => new Date('2026-11-21T09:30:00Z'), homeDir: t.dir || os.tmpdir(), openTty: () => null, runEditor: async () => undefined };
  const ctx = new CommandContext(deps);
  await ctx.prepare();
  const warm = new WarmProvider(ctx);
  const services = await buildSessionServices(ctx, warm);
  warm.warm();
  await expect.poll(() => warm.ready(), { timeout: 10_000 }).not.toBeNull();
  try {
    return await services.prompter.continuation(DRAFT, history, new AbortController().signal);
  } finally {
    await warm.dispose();
  }
}

it('session follow-up questions from the model are cached for the same draft and context', async () => {
  expect(await followUp('What did the soft light on the water make you feel?')).toBe('What did the soft light on the water make you feel?');
  expect(fs.existsSync(semanticCacheFile(path.join(t.dataDir, 'cache')))).toBe(true);
  // The model would now ask something else: the same draft and context get the cached question.
  expect(await followUp('Who else was out by the river this morning?')).toBe('What did the soft light on the water make you feel?');
  const bytes = fs.readFileSync(semanticCacheFile(path.join(t.dataDir, 'cache')));
  expect(bytes.includes(Buffer.from('soft light'))).toBe(false);
  expect((await runCli(['config', 'set', 'performance.enable_caching', 'false'], t.env)).code).toBe(0);
  expect(await followUp('Who else was out by the river this morning?')).toBe('Who else was out by the river this morning?');
});
