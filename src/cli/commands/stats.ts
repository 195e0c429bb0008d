import { atomicWrite } from '../../core/atomic-write.js';
import { Telemetry, usageStats } from '../../monitoring/telemetry.js';
import type { CommandContext } from '../context.js';

/** Options of `companion stats`. */
export interface StatsOptions {
  json?: boolean;
  /** Write the whole telemetry document to this file. */
  export?: string;
}

/**
 * `companion stats`: local usage telemetry (sessions, words, streaks, feature use). Read from
 * metrics/telemetry.json only: no passphrase, no network. `--export FILE` writes the raw document.
 */
export async function statsCommand(ctx: CommandContext, opts: StatsOptions): Promise<void> {
  const telemetry = new Telemetry({ dir: ctx.paths.metrics, now: () => ctx.deps.now(), enabled: ctx.config.monitoring.collect_metrics });
  const doc = telemetry.document();
  const stats = usageStats(doc, ctx.deps.now());
  if (opts.export) {
    atomicWrite(opts.export, JSON.stringify({ ...doc, exportedAt: ctx.deps.now().toISOString(), stats }, null, 2) + '\n');
    ctx.note(`Wrote usage statistics for ${Object.keys(doc.days).length} days to ${opts.export} (counts and command names only, no journal text).`);
    if (!opts.json) return;
  }
  if (opts.json) {
    ctx.printJson({ ...stats, collecting: telemetry.enabled });
    return;
  }
  const s = ctx.style;
  if (stats.firstDay === null) {
    ctx.print('No usage recorded yet.');
    if (!telemetry.enabled) ctx.note('Collection is off (monitoring.collect_metrics = false).');
    return;
  }
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  ctx.print(`${s.bold('Writing')}   ${n(stats.sessions, 'session')}, ${n(stats.words, 'word')} on ${n(stats.daysWritten, 'day')}${stats.minutesWriting ? `, ${n(stats.minutesWriting, 'minute')}` : ''}`);
  ctx.print(`${s.bold('Streak')}    ${stats.currentStreak} day${stats.currentStreak === 1 ? '' : 's'} now, longest ${stats.longestStreak}`);
  ctx.print(`${s.bold('Last 30')}   ${n(stats.last30Days.sessions, 'session')}, ${n(stats.last30Days.words, 'word')}`);
  ctx.print(`${s.bold('Since')}     ${stats.firstDay}`);
  if (stats.features.length) {
    ctx.print('');
    ctx.print(s.bold('Features used'));
    for (const f of stats.features.slice(0, 15)) ctx.print(`${String(f.uses).padStart(6)}  ${f.feature}`);
  }
  if (!telemetry.enabled) ctx.note('Collection is off (monitoring.collect_metrics = false): these are older figures.');
}
