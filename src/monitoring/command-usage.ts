import { Metrics } from './metrics.js';
import { Telemetry } from './telemetry.js';

/** Where and whether to record a command run (from `ctx.paths.metrics` and `ctx.config.monitoring`). */
export interface CommandUsageOptions {
  dir: string;
  now: () => Date;
  /** `monitoring.collect_metrics`. */
  enabled: boolean;
  /** `monitoring.metrics_retention_days`. */
  retentionDays: number;
}

/**
 * Record one finished command: its latency as operation `command.<name>`, a memory sample, and one use
 * of feature `<name>` (e.g. `audit.verify`), then flush both files. `name` is the command path, never an
 * argument. Never throws: a metrics problem must not fail the command; returns false when nothing could
 * be written.
 */
export function recordCommandRun(options: CommandUsageOptions, name: string, ms: number): boolean {
  if (!options.enabled) return true;
  try {
    const metrics = new Metrics({ dir: options.dir, now: options.now, retentionDays: options.retentionDays });
    const telemetry = new Telemetry({ dir: options.dir, now: options.now });
    metrics.recordLatency(`command.${name}`, ms);
    metrics.recordMemory();
    telemetry.recordFeature(name);
    metrics.flush();
    telemetry.flush();
    return true;
  } catch {
    return false;
  }
}
