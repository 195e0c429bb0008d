import fs from 'node:fs';
import path from 'node:path';
import { atomicWrite, ensurePrivateDir } from '../core/atomic-write.js';

/**
 * Names that may appear in metrics and telemetry: lower-case identifiers such as `command.list` or
 * `cache:semantic`. Anything else (spaces, capitals, long strings) is refused, so journal text can never
 * become a metric name.
 */
export const METRIC_NAME_RE = /^[a-z][a-z0-9_]*(?:[.:-][a-z0-9_]+){0,5}$/;

/** Throw a TypeError unless `name` is a valid metric or feature name (see METRIC_NAME_RE). */
export function checkMetricName(name: string, what: string): void {
  if (typeof name !== 'string' || name.length > 64 || !METRIC_NAME_RE.test(name)) {
    throw new TypeError(`${what} must be a short lower-case identifier like "command.list" (got ${typeof name === 'string' ? `${name.length} characters` : typeof name})`);
  }
}

/** Local calendar day of a time, `YYYY-MM-DD` (the process time zone). */
export function dayKey(t: Date): string {
  const y = t.getFullYear();
  const m = String(t.getMonth() + 1).padStart(2, '0');
  const d = String(t.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The day key `days` calendar days before `t`. */
export function dayKeyBefore(t: Date, days: number): string {
  const d = new Date(t.getFullYear(), t.getMonth(), t.getDate() - days, 12);
  return dayKey(d);
}

/**
 * Read a JSON document with the given `format` field; null when the file is missing, unreadable or not
 * that format (local metrics are never worth failing a command for).
 */
export function readDocument(file: string, format: string): Record<string, unknown> | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const doc = JSON.parse(text) as unknown;
    if (doc && typeof doc === 'object' && !Array.isArray(doc) && (doc as { format?: unknown }).format === format) return doc as Record<string, unknown>;
  } catch { /* fall through */ }
  return null;
}

/** Write a JSON document atomically into a private directory (created when missing). */
export function writeDocument(file: string, doc: unknown): void {
  ensurePrivateDir(path.dirname(file));
  atomicWrite(file, JSON.stringify(doc) + '\n');
}

/** A plain object read from JSON, or an empty one. */
export function asRecord(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** A non-negative finite number read from JSON, or 0. */
export function asCount(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0;
}
