import path from 'node:path';
import { asCount, asRecord, checkMetricName, dayKey, dayKeyBefore, readDocument, writeDocument } from './local-store.js';

/** Options of the local usage telemetry; built once by the entrypoint. */
export interface TelemetryOptions {
  /** The metrics directory (`ctx.paths.metrics`). */
  dir: string;
  now: () => Date;
  /** False when `monitoring.collect_metrics` is off: nothing is recorded or written. */
  enabled?: boolean;
}

/** Usage of one day: writing sessions, words written, seconds spent, features used. */
export interface TelemetryDay {
  sessions: number;
  words: number;
  seconds: number;
  features: Record<string, number>;
}

/** The whole telemetry document, as written by `companion stats --export`. */
export interface TelemetryDocument {
  format: 'companion-telemetry';
  version: 1;
  days: Record<string, TelemetryDay>;
}

/** What `companion stats` shows. */
export interface UsageStats {
  /** First and last day with any recorded use (`YYYY-MM-DD`). */
  firstDay: string | null;
  lastDay: string | null;
  /** Days on which at least one writing session was recorded. */
  daysWritten: number;
  sessions: number;
  words: number;
  /** Minutes spent writing, when sessions reported their duration. */
  minutesWriting: number;
  /** Consecutive days with a session ending today (or yesterday, when today has none yet). */
  currentStreak: number;
  longestStreak: number;
  /** The last 30 days (today included). */
  last30Days: { sessions: number; words: number };
  /** Feature use (command names), most used first. */
  features: Array<{ feature: string; uses: number }>;
}

const FORMAT = 'companion-telemetry';

/** File the telemetry of a metrics directory lives in. */
export function telemetryFile(dir: string): string {
  return path.join(dir, 'telemetry.json');
}

function parse(doc: Record<string, unknown> | null): Map<string, TelemetryDay> {
  const days = new Map<string, TelemetryDay>();
  for (const [key, raw] of Object.entries(asRecord(doc?.days))) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(key)) continue;
    const r = asRecord(raw);
    const features: Record<string, number> = {};
    for (const [name, n] of Object.entries(asRecord(r.features))) {
      if (name.length <= 64 && /^[a-z][a-z0-9_.:-]*$/.test(name)) features[name] = asCount(n);
    }
    days.set(key, { sessions: asCount(r.sessions), words: asCount(r.words), seconds: asCount(r.seconds), features });
  }
  return days;
}

function addDay(into: TelemetryDay, from: TelemetryDay): void {
  into.sessions += from.sessions;
  into.words += from.words;
  into.seconds += from.seconds;
  for (const [name, n] of Object.entries(from.features)) into.features[name] = (into.features[name] ?? 0) + n;
}

const emptyDay = (): TelemetryDay => ({ sessions: 0, words: 0, seconds: 0, features: {} });

/**
 * Local-only usage telemetry (sessions, words, streaks, feature use) in `metrics/telemetry.json`.
 * Counts and command names only; it is never sent anywhere: this module has no network code and
 * nothing else reads the file except `companion stats`.
 */
export class Telemetry {
  private pending = new Map<string, TelemetryDay>();
  readonly enabled: boolean;

  constructor(private readonly options: TelemetryOptions) {
    this.enabled = options.enabled ?? true;
  }

  private today(): TelemetryDay {
    const key = dayKey(this.options.now());
    let day = this.pending.get(key);
    if (!day) this.pending.set(key, (day = emptyDay()));
    return day;
  }

  /** Record one writing session (an entry saved): its word count and, when known, its duration. */
  recordSession(session: { words: number; durationSeconds?: number | null }): void {
    if (!this.enabled) return;
    const day = this.today();
    day.sessions += 1;
    day.words += Math.max(0, Math.round(asCount(session.words)));
    day.seconds += Math.max(0, Math.round(asCount(session.durationSeconds ?? 0)));
  }

  /** Record one use of a feature (a command name such as `search` or `audit.verify`). */
  recordFeature(feature: string): void {
    checkMetricName(feature, 'feature');
    if (!this.enabled) return;
    const day = this.today();
    day.features[feature] = (day.features[feature] ?? 0) + 1;
  }

  /** Merge what was recorded into the telemetry file (atomic write). No-op when disabled or idle. */
  flush(): void {
    if (!this.enabled || this.pending.size === 0) return;
    const file = telemetryFile(this.options.dir);
    const days = parse(readDocument(file, FORMAT));
    for (const [key, day] of this.pending) {
      const target = days.get(key) ?? emptyDay();
      addDay(target, day);
      days.set(key, target);
    }
    this.pending = new Map();
    writeDocument(file, toDocument(days));
  }

  /** The whole document (file plus what is not flushed yet). */
  document(): TelemetryDocument {
    const days = parse(readDocument(telemetryFile(this.options.dir), FORMAT));
    for (const [key, day] of this.pending) {
      const target = days.get(key) ?? emptyDay();
      addDay(target, day);
      days.set(key, target);
    }
    return toDocument(days);
  }

  /** Totals, streaks and feature use. */
  stats(): UsageStats {
    return usageStats(this.document(), this.options.now());
  }
}

function toDocument(days: Map<string, TelemetryDay>): TelemetryDocument {
  const out: Record<string, TelemetryDay> = {};
  for (const key of [...days.keys()].sort()) out[key] = days.get(key)!;
  return { format: FORMAT, version: 1, days: out };
}

/** Compute totals, streaks and feature use from a telemetry document as of `now`. */
export function usageStats(doc: TelemetryDocument, now: Date): UsageStats {
  const keys = Object.keys(doc.days).sort();
  const written = keys.filter((k) => doc.days[k]!.sessions > 0);
  const writtenSet = new Set(written);
  const total = emptyDay();
  const recent = emptyDay();
  const since = dayKeyBefore(now, 29);
  for (const k of keys) {
    addDay(total, doc.days[k]!);
    if (k >= since) addDay(recent, doc.days[k]!);
  }
  let longest = 0;
  let run = 0;
  let previous: string | null = null;
  for (const k of written) {
    run = previous !== null && nextDay(previous) === k ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = k;
  }
  let current = 0;
  let cursor = writtenSet.has(dayKey(now)) ? dayKey(now) : dayKeyBefore(now, 1);
  while (writtenSet.has(cursor)) {
    current += 1;
    cursor = previousDay(cursor);
  }
  return {
    firstDay: keys[0] ?? null,
    lastDay: keys[keys.length - 1] ?? null,
    daysWritten: written.length,
    sessions: total.sessions,
    words: total.words,
    minutesWriting: Math.round(total.seconds / 60),
    currentStreak: current,
    longestStreak: longest,
    last30Days: { sessions: recent.sessions, words: recent.words },
    features: Object.entries(total.features).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([feature, uses]) => ({ feature, uses })),
  };
}

function shift(key: string, days: number): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return dayKey(new Date(y, m - 1, d + days, 12));
}

function nextDay(key: string): string {
  return shift(key, 1);
}

function previousDay(key: string): string {
  return shift(key, -1);
}
