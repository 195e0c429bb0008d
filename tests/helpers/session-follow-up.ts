import os from 'node:os';
import { Readable } from 'node:stream';
import { expect } from 'vitest';
import { buildSessionServices, WarmProvider } from '../../src/cli/commands/session.js';
import { CommandContext } from '../../src/cli/context.js';
import type { CliDeps, Output } from '../../src/cli/deps.js';
import type { SessionHistory } from '../../src/ui/services.js';

const sink: Output = { write: () => undefined, isTTY: false, columns: 100 };

/**
 * The follow-up question the writing session's prompter asks about `draft`, built the way the session builds
 * it (CLI context, warmed provider) for the journal and provider that `env` names; null when it asks none.
 */
export async function sessionFollowUp(env: Record<string, string>, homeDir: string, draft: string, history: SessionHistory): Promise<string | null> {
  const deps: CliDeps = { env, stdin: Readable.from([]) as CliDeps['stdin'], stdout: sink, stderr: sink, now: () => new Date('2026-11-21T09:30:00Z'), homeDir: homeDir || os.tmpdir(), openTty: () => null, runEditor: async () => undefined };
  const ctx = new CommandContext(deps);
  await ctx.prepare();
  const warm = new WarmProvider(ctx);
  const services = await buildSessionServices(ctx, warm);
  warm.warm();
  await expect.poll(() => warm.ready(), { timeout: 10_000 }).not.toBeNull();
  try {
    return await services.prompter.continuation(draft, history, new AbortController().signal);
  } finally {
    await warm.dispose();
  }
}
