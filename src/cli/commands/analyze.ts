import { needsAnalysis } from '../../core/analysis/version.js';
import type { Entry } from '../../core/entry.js';
import { UsageError } from '../../core/errors.js';
import { ensureAnalysis } from '../../core/insight/analysis-store.js';
import type { Journal } from '../../core/journal.js';
import type { AIProvider } from '../../providers/types.js';
import type { CommandContext } from '../context.js';
import { queryFromOptions, type FilterOptions } from '../filters.js';
import { openJournal, providerFor } from '../services.js';
import { recordQuarantined } from './quarantine.js';

interface AnalyzeOptions extends FilterOptions {
  json?: boolean;
  model?: boolean;
}

/** What `analyze --model` did: entries whose themes now come from the model, those that kept builtin themes, those kept from it. */
interface ModelThemesReport {
  provider: string;
  model: number;
  builtin: number;
  excluded: number;
  quarantined: number;
  redacted: number;
}

/**
 * `companion analyze [--model]`: compute and store mood and themes for every entry that lacks a current
 * analysis; with --model, also ask the configured model for the themes of the chosen entries (batched,
 * `performance.max_batch_size` at a time), keeping the builtin themes where its answer is unusable.
 */
export async function analyzeCommand(ctx: CommandContext, opts: AnalyzeOptions): Promise<void> {
  const { journal, audit } = await openJournal(ctx);
  const provider = opts.model ? await generativeProvider(ctx) : null; // a usage error before any work
  const all = journal.all();
  const stale = all.filter(needsAnalysis);
  const { analysed, quarantined, entries } = await ensureAnalysis(journal, stale, all);
  recordQuarantined(audit, quarantined, 'analyze');
  const report = provider ? await themesFromModel(ctx, provider, journal, entries.length ? mergeAnalysed(all, entries) : all, opts) : null;
  if (opts.json) {
    ctx.printJson({ entries: all.length, analysed, upToDate: all.length - analysed, quarantined, ...(report ? { modelThemes: report } : {}) });
    return;
  }
  ctx.print(analysed === 0 ? `All ${all.length} entries are already analysed.` : `Analysed ${analysed} of ${all.length} entries; the analysis is stored encrypted with each entry.`);
  if (quarantined.length > 0) ctx.print(ctx.style.yellow(`${quarantined.length} of them ${quarantined.length === 1 ? 'is' : 'are'} unlike your usual writing and now in quarantine; review with \`companion quarantine list\`.`));
  if (report) {
    ctx.print(`Model themes (${report.provider}): ${report.model} ${report.model === 1 ? 'entry' : 'entries'} from the model, ${report.builtin} kept the built-in themes (the model's answer was unusable).`);
    const kept = report.excluded + report.quarantined;
    if (kept > 0) ctx.print(ctx.style.dim(`${kept} kept from the model (${report.excluded} flagged as prompt injection, ${report.quarantined} in quarantine).`));
  }
}

function mergeAnalysed(all: Entry[], analysed: Entry[]): Entry[] {
  const byId = new Map(analysed.map((e) => [e.id, e] as const));
  return all.map((e) => byId.get(e.id) ?? e);
}

/** The configured provider, which must generate text for --model. */
async function generativeProvider(ctx: CommandContext): Promise<AIProvider> {
  const provider = await providerFor(ctx);
  if (provider.name === 'builtin' || provider.name === 'transformers') {
    throw new UsageError(`--model needs a generative model; the ${provider.name} provider has none.`, 'Configure one: `companion models use FILE.gguf`, or COMPANION_PROVIDER=ollama|openai (see docs/PROVIDERS.md).');
  }
  return provider;
}

async function themesFromModel(ctx: CommandContext, provider: AIProvider, journal: Journal, all: Entry[], opts: AnalyzeOptions): Promise<ModelThemesReport> {
  const [{ resolveProviderSettings }, { modelPolicyFor }, { prepareModelContext }, { modelThemes }, { formatTheme }] = await Promise.all([
    import('../../providers/create-provider.js'), import('../../core/insight/model-policy.js'), import('../../core/insight/model-context.js'),
    import('../../core/insight/model-themes.js'), import('../../core/analysis/theme-format.js'),
  ]);
  const query = queryFromOptions(opts, ctx.deps.now(), null);
  const chosen = new Set(journal.all(query).map((e) => e.id));
  const scoped = all.filter((e) => chosen.has(e.id));
  const open = scoped.filter((e) => e.quarantine?.status !== 'quarantined');
  const policy = modelPolicyFor(resolveProviderSettings(ctx.config, ctx.deps.env), ctx.config.security);
  const context = await prepareModelContext(open, policy);
  // An entry whose answer is unusable keeps the themes it has: only the model's validated themes are stored.
  const results = await modelThemes(provider, context.items, () => [], {
    maxBatchSize: ctx.config.performance.enable_batching ? ctx.config.performance.max_batch_size : 1,
  });
  const fromModel = results.filter((r) => r.source === 'model');
  if (fromModel.length > 0) {
    await journal.updateMany(fromModel.map((r) => ({ id: r.id, patch: { themes: r.themes.map((label) => formatTheme({ kind: 'topic', label })) } })));
  }
  return {
    provider: provider.name,
    model: fromModel.length,
    builtin: results.length - fromModel.length,
    excluded: context.excluded.length,
    quarantined: scoped.length - open.length,
    redacted: context.redacted,
  };
}
