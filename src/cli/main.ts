import { CommanderError, type Command } from 'commander';
import { CompanionError, ExitCode, IntegrityError } from '../core/errors.js';
import { CommandContext } from './context.js';
import type { CliDeps } from './deps.js';
import { buildProgram } from './program.js';
import { forgetDerivations } from '../security/kdf-core.js';

/**
 * Run companion with arguments (without the node and script names) and return the exit code.
 * The single exit point: typed errors become one plain line and their exit code; anything else is an
 * unexpected error (exit 1) whose stack is shown only with --debug or COMPANION_DEBUG=1.
 */
export async function main(argv: string[], deps: CliDeps): Promise<number> {
  const started = performance.now();
  forgetDerivations(); // a derivation started for one command is never reused by another
  const ctx = new CommandContext(deps);
  const program = buildProgram(ctx);
  let code: number;
  const debug = argv.includes('--debug') || deps.env.COMPANION_DEBUG === '1';
  try {
    await program.parseAsync(argv, { from: 'user' });
    code = ctx.exitCode;
  } catch (err) {
    if (err instanceof IntegrityError) ctx.audit?.record('integrity.failure', 'HIGH', { during: commandName(program, argv), what: err.message.slice(0, 200) });
    code = reportError(err, deps, debug);
  }
  try {
    await ctx.audit?.flush();
  } catch (err) {
    if (code === ExitCode.ok) code = reportError(err, deps, debug);
  }
  if (code === ExitCode.ok) await recordUsage(ctx, program, argv, performance.now() - started);
  if (deps.env.COMPANION_DEBUG_COUNTERS === '1') {
    const { kdfCount } = await import('../security/kdf-core.js');
    deps.stderr.write(`companion-counters ${JSON.stringify({ kdf: kdfCount() })}\n`);
  }
  forgetDerivations();
  return code;
}

/** The subcommand being run (never an argument, which could be journal text). */
function commandName(program: Command, argv: string[]): string | null {
  const names = new Set(program.commands.map((c) => c.name()));
  return argv.find((a) => names.has(a)) ?? null;
}

/**
 * Local metrics of a successful command (its latency and one feature use, see src/monitoring): only when
 * a command ran (config loaded) and `monitoring.collect_metrics` is on. A failed command changes nothing.
 */
async function recordUsage(ctx: CommandContext, program: Command, argv: string[], ms: number): Promise<void> {
  const top = program.commands.find((c) => c.name() === commandName(program, argv));
  if (!top) return;
  let monitoring;
  try {
    monitoring = ctx.config.monitoring; // throws when no command ran (--help) or config is invalid
  } catch {
    return;
  }
  const sub = top.commands.find((c) => argv.includes(c.name()));
  const { recordCommandRun } = await import('../monitoring/command-usage.js');
  recordCommandRun({ dir: ctx.paths.metrics, now: () => ctx.deps.now(), enabled: monitoring.collect_metrics, retentionDays: monitoring.metrics_retention_days }, sub ? `${top.name()}.${sub.name()}` : top.name(), ms);
}

function reportError(err: unknown, deps: CliDeps, debug: boolean): number {
  if (err instanceof CommanderError) {
    // commander already printed its message (or the help) through configureOutput.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return ExitCode.ok;
    return ExitCode.usage;
  }
  if (err instanceof CompanionError) {
    deps.stderr.write(`companion: ${err.message}\n`);
    if (err.hint) deps.stderr.write(`  ${err.hint}\n`);
    if (debug && err.stack) deps.stderr.write(err.stack + '\n');
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  deps.stderr.write(`companion: unexpected error: ${message}\n`);
  if (debug && err instanceof Error && err.stack) deps.stderr.write(err.stack + '\n');
  else deps.stderr.write('  Run again with --debug to see where it happened.\n');
  return ExitCode.unexpected;
}
