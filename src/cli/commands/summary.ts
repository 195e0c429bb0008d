import { UsageError } from '../../core/errors.js';
import { parseSince, parseUntil } from '../../core/dates.js';
import { prepareSummary, reflectOnSummary, resolvePeriod, summaryReport, type PeriodChoice, type SummaryReflection } from '../../core/insight/summary-service.js';
import type { ReflectionEvent } from '../../core/insight/reflection-service.js';
import type { CommandContext } from '../context.js';
import type { ModelPolicy } from '../../core/insight/model-context.js';
import type { AIProvider } from '../../providers/types.js';
import { answerCacheFor, openJournal, providerFor } from '../services.js';
import { recordQuarantined } from './quarantine.js';

/** The provider for an insight command, with its context window and the policy for journal text. */
export interface InsightSetup {
  provider: AIProvider;
  contextTokens: number;
  policy: ModelPolicy;
}

/** Build the configured provider and decide what journal text it may see (redaction for remote hosts). */
export async function insightSetup(ctx: CommandContext): Promise<InsightSetup> {
  const [{ resolveProviderSettings }, { modelPolicyFor }, provider] = await Promise.all([
    import('../../providers/create-provider.js'),
    import('../../core/insight/model-policy.js'),
    providerFor(ctx),
  ]);
  const settings = resolveProviderSettings(ctx.config, ctx.deps.env);
  return { provider, contextTokens: settings.contextSize, policy: modelPolicyFor(settings, ctx.config.security) };
}

interface SummaryOptions {
  week?: boolean;
  month?: boolean;
  from?: string;
  to?: string;
  json?: boolean;
}

function periodChoice(opts: SummaryOptions, now: Date): PeriodChoice {
  const picked = [opts.week, opts.month, opts.from !== undefined || opts.to !== undefined].filter(Boolean).length;
  if (picked > 1) throw new UsageError('Choose one period: --week, --month, or --from <date> [--to <date>].');
  if (opts.month) return { kind: 'month' };
  if (opts.from === undefined && opts.to !== undefined) throw new UsageError('--to needs --from.', 'For example: companion summary --from 2025-01-01 --to 2025-01-31');
  if (opts.from !== undefined) return { kind: 'range', from: parseSince(opts.from, now), to: opts.to ? parseUntil(opts.to, now) : now };
  return { kind: 'week' };
}

/** `companion summary`: the numbers, themes and a reflection for a week, a month or a range of days. */
export async function summaryCommand(ctx: CommandContext, opts: SummaryOptions): Promise<void> {
  const now = ctx.deps.now();
  const range = resolvePeriod(periodChoice(opts, now), now);
  const { journal, audit, vault } = await openJournal(ctx);
  const setup = await insightSetup(ctx);
  const cached = await answerCacheFor(ctx, vault, setup.provider);
  try {
    const prepared = await prepareSummary(journal, range, now);
    const counts = { hits: 0, misses: 0, skipped: 0 };
    const provider = cached.cache ? (await import('../../inference/cached-provider.js')).cachingProvider(setup.provider, cached.cache, {
      query: `summary of ${prepared.stats.from} to ${prepared.stats.to}`,
      sources: prepared.entries.map((e) => ({ id: e.id, revision: e.revision })),
      generateScope: 'summary-map', streamScope: 'summary-reduce',
      onLookup: (status) => { counts[status === 'hit' ? 'hits' : status === 'miss' ? 'misses' : 'skipped']++; },
    }) : setup.provider;
    const reflect = (onEvent?: (e: ReflectionEvent) => void) => reflectOnSummary(prepared, { provider, policy: setup.policy, contextTokens: setup.contextTokens, ...(onEvent ? { onEvent } : {}) });
    let written: SummaryReflection;
    if (opts.json) {
      written = await reflect();
      ctx.printJson({ ...summaryReport(prepared, written, setup.provider.name), cache: cached.cache ? { status: 'on', ...counts } : { status: 'off', reason: cached.off } });
    } else if (ctx.deps.stdout.isTTY) {
      const { renderLiveSummary } = await import('../../ui/summary/render-summary.js');
      const live = renderLiveSummary(ctx.deps.stdout as unknown as NodeJS.WriteStream, prepared.stats, [], setup.provider.name === 'builtin' ? 'Writing the reflection…' : 'Asking the model…');
      written = await reflect((e) => live.update(e));
      await live.finish(written.reflection, written.excluded);
    } else {
      written = await printPlain(ctx, prepared.stats, reflect);
    }
    if (!opts.json) {
      const { quarantineLines } = await import('../../ui/summary/plain-summary.js');
      for (const line of quarantineLines(prepared.quarantined, ctx.style, 'this summary')) ctx.print(line);
    }
    recordQuarantined(audit, prepared.quarantinedNow, 'summary');
    if (written.excluded.length > 0) audit.record('warning.injection', 'MEDIUM', { during: 'summary', count: written.excluded.length, entries: written.excluded.map((e) => e.id) });
  } finally {
    cached.done();
    await setup.provider.dispose();
  }
}

/** Plain output for pipes: statistics first, then the reflection streamed as the model writes it. */
async function printPlain(ctx: CommandContext, stats: Parameters<typeof import('../../ui/summary/plain-summary.js').summaryLines>[0], reflect: (onEvent?: (e: ReflectionEvent) => void) => Promise<SummaryReflection>): Promise<SummaryReflection> {
  const { summaryLines, excludedLines, reflectionLines, reflectionHeading } = await import('../../ui/summary/plain-summary.js');
  const style = ctx.style;
  for (const line of summaryLines(stats, style)) ctx.print(line);
  let streamed = false;
  const written = await reflect((e) => {
    if (e.kind !== 'chunk') return;
    if (!streamed) ctx.print(['', reflectionHeading('model', style)].join('\n'));
    streamed = true;
    ctx.deps.stdout.write(e.text);
  });
  for (const line of excludedLines(written.excluded, style)) ctx.print(line);
  if (streamed && written.reflection.source === 'model') {
    ctx.print('');
    return written;
  }
  if (streamed) ctx.print('');
  for (const line of reflectionLines(written.reflection, style)) ctx.print(line);
  return written;
}
