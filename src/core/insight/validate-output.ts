/** Whether a model's prose passed the checks, and why not. */
export type OutputCheck = { ok: true; text: string } | { ok: false; reason: string };

/** Limits for a model's prose answer. */
export interface ProseLimits {
  minWords: number;
  maxWords: number;
  /** Dates (YYYY-MM-DD) the text may mention; any other date is a claim that does not trace to an entry. */
  allowedDates: ReadonlySet<string>;
}

/** C0 controls other than tab and newline, DEL, and C1 controls. */
function hasControl(text: string): boolean {
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}
const LEAK = /<<\/?[a-z]+-[0-9a-f]{12}>>|\bas an ai\b|\blanguage model\b|\bI cannot\b|\bI can't help\b/i;

/**
 * Check a model's prose before it is trusted: not empty, within the word limits, no control characters,
 * no leaked prompt boundaries or refusals, and no date outside `allowedDates`.
 */
export function validateProse(output: string, limits: ProseLimits): OutputCheck {
  const text = output.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  const words = text.match(/\S+/g)?.length ?? 0;
  if (words < limits.minWords) return { ok: false, reason: `it was too short (${words} words)` };
  if (words > limits.maxWords) return { ok: false, reason: `it was too long (${words} words)` };
  if (hasControl(text)) return { ok: false, reason: 'it contained control characters' };
  if (LEAK.test(text)) return { ok: false, reason: 'it echoed the instructions or refused' };
  const stray = (text.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? []).find((d) => !limits.allowedDates.has(d));
  if (stray) return { ok: false, reason: `it mentioned ${stray}, a date with no entry behind it` };
  return { ok: true, text };
}
