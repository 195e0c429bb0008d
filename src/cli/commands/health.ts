import { EventEmitter } from 'node:events';
import { UsageError } from '../../core/errors.js';
import { Metrics, type MetricsSnapshot } from '../../monitoring/metrics.js';
import { runHealthChecks, type HealthSources } from '../../monitoring/health/run-health.js';
import type { Vault } from '../../security/vault.js';
import type { HealthView } from '../../ui/health/health-view.js';
import type { CommandContext } from '../context.js';
import type { Output } from '../deps.js';
import { openJournal, providerFor } from '../services.js';

/** Options of `companion health`. */
export interface HealthOptions {
  watch?: boolean;
  json?: boolean;
  prometheus?: boolean;
  /** false with --no-unlock: never ask for the passphrase. */
  unlock?: boolean;
  /** Seconds between refreshes with --watch. */
  interval?: string;
}

/** Can this command get a passphrase without failing (file, keychain opt-in, or a terminal)? */
function canUnlock(ctx: CommandContext): boolean {
  let keychain = false;
  try {
    keychain = ctx.config.security.keychain;
  } catch { /* invalid config: reported by the config check */ }
  if (ctx.deps.env.COMPANION_PASSPHRASE_FILE || keychain || ctx.deps.stdin.isTTY) return true;
  const tty = ctx.deps.openTty();
  tty?.close();
  return tty !== null;
}

function metricsFor(ctx: CommandContext): Metrics {
  let retentionDays = 30;
  try {
    retentionDays = ctx.config.monitoring.metrics_retention_days;
  } catch { /* invalid config: defaults */ }
  return new Metrics({ dir: ctx.paths.metrics, now: () => ctx.deps.now(), retentionDays });
}

/** The health sources of this command; the vault is unlocked at most once, however often checks run. */
function sourcesFor(ctx: CommandContext, opts: HealthOptions): HealthSources {
  let vault: Promise<Vault> | null = null;
  const unlock = opts.unlock !== false && canUnlock(ctx) ? () => (vault ??= openJournal(ctx).then((o) => o.vault)) : null;
  return {
    paths: ctx.paths,
    now: () => ctx.deps.now(),
    config: () => ctx.config,
    unlock,
    provider: () => providerFor(ctx),
  };
}

/** A stream Ink can render to, writing through the CLI's output. */
function inkStream(out: Output): NodeJS.WriteStream {
  const stream = new EventEmitter() as EventEmitter & { write(s: string): boolean; isTTY: boolean; columns: number };
  stream.write = (s: string) => {
    out.write(s);
    return true;
  };
  stream.isTTY = out.isTTY;
  stream.columns = out.columns || 100;
  return stream as unknown as NodeJS.WriteStream;
}

/** `companion health`: run every check; exit 0 when healthy (warnings allowed), 1 when any check fails. */
export async function healthCommand(ctx: CommandContext, opts: HealthOptions): Promise<void> {
  if (opts.watch && (opts.json || opts.prometheus)) throw new UsageError('--watch shows the live dashboard; use --json or --prometheus without it.');
  if (opts.json && opts.prometheus) throw new UsageError('Choose one of --json and --prometheus.');
  const intervalS = opts.interval === undefined ? 5 : Number(opts.interval);
  if (!Number.isFinite(intervalS) || intervalS < 1 || intervalS > 3600) throw new UsageError(`--interval must be a number of seconds from 1 to 3600, got "${opts.interval}".`);
  if (opts.watch && !ctx.deps.stdout.isTTY) throw new UsageError('--watch needs a terminal.', 'Use --json or --prometheus in scripts.');

  const sources = sourcesFor(ctx, opts);
  const load = async (): Promise<HealthView> => {
    let metrics: MetricsSnapshot | null = null;
    const report = await runHealthChecks({ ...sources, alongsideUnlock: () => { metrics = metricsFor(ctx).snapshot(); } });
    return { report, metrics: metrics ?? metricsFor(ctx).snapshot() };
  };
  let view = await load();

  if (opts.json) ctx.printJson({ ...view.report, metrics: view.metrics });
  else if (opts.prometheus) {
    const { formatPrometheus } = await import('../../monitoring/prometheus.js');
    ctx.deps.stdout.write(formatPrometheus(view.report, view.metrics));
  }
  else if (!ctx.deps.stdout.isTTY) {
    const { healthText } = await import('../../ui/health/health-text.js');
    for (const line of healthText(view)) ctx.print(line);
  } else {
    const [{ render, renderToString }, React, { HealthDashboard }, { LiveHealth }] = await Promise.all([
      import('ink'), import('react'), import('../../ui/health/HealthDashboard.js'), import('../../ui/health/LiveHealth.js'),
    ]);
    const columns = ctx.deps.stdout.columns || 100; // 0 when the terminal size is unknown
    if (!opts.watch) ctx.deps.stdout.write(renderToString(React.createElement(HealthDashboard, { view }), { columns }) + '\n');
    else {
      const app = render(React.createElement(LiveHealth, { initial: view, load, intervalMs: intervalS * 1000, onView: (v: HealthView) => { view = v; } }), {
        stdout: inkStream(ctx.deps.stdout),
        stdin: ctx.deps.stdin as NodeJS.ReadStream,
        patchConsole: false,
      });
      await app.waitUntilExit();
    }
  }
  ctx.exitCode = view.report.healthy ? 0 : 1;
}
