import { Pseudonymizer } from './pseudonymizer.js';
import type { PiiSpan } from './types.js';

/** How {@link obfuscate} hides a span: `mask` keeps length with `*`, `redact` writes `[TYPE]`, `pseudonym` a stand-in. */
export type ObfuscationMode = 'mask' | 'redact' | 'pseudonym';

/**
 * Returns `text` with every span hidden according to `mode`, and every other occurrence of a name, place,
 * organisation, handle or email among them, or found by an earlier call with the same `pseudonymizer`
 * ({@link Pseudonymizer.recall}). Spans may be in any order; overlapping spans are merged into the earliest. Pass
 * one {@link Pseudonymizer} to every call of an export so the same value gets the same stand-in throughout and
 * a name found in one entry is hidden in the others (a fresh one is used otherwise).
 */
export function obfuscate(
  text: string,
  spans: readonly PiiSpan[],
  mode: ObfuscationMode,
  pseudonymizer: Pseudonymizer = new Pseudonymizer(),
): string {
  return hideSpans(text, [...spans, ...pseudonymizer.recall(text, spans)], mode, pseudonymizer);
}

/**
 * {@link obfuscate} without the recall: hides exactly `spans` (for a caller that has already added what
 * {@link Pseudonymizer.recall} finds, and counts it).
 */
export function hideSpans(text: string, spans: readonly PiiSpan[], mode: ObfuscationMode, pseudonymizer: Pseudonymizer): string {
  const ordered = [...spans].filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let cursor = 0;
  for (const span of ordered) {
    if (span.start < cursor) continue;
    out += text.slice(cursor, span.start);
    const value = text.slice(span.start, span.end);
    if (mode === 'mask') out += value.replace(/[^\s]/gu, '*');
    else if (mode === 'redact') out += `[${span.type}]`;
    else out += pseudonymizer.pseudonymFor(span.type, value);
    cursor = span.end;
  }
  return out + text.slice(cursor);
}
