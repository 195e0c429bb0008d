/** Whether a model's prose passed the checks, and why not. */
export type OutputCheck = { ok: true; text: string } | { ok: false; reason: string };

/** Limits for a model's prose answer. */
export interface ProseLimits {
  minWords: number;
  maxWords: number;
  /** The system prompt the output must not repeat. */
  system?: string;
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
  if (limits.system && echoesSystemPrompt(text, limits.system)) return { ok: false, reason: 'it repeated its instructions' };
  const stray = (text.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? []).find((d) => !limits.allowedDates.has(d));
  if (stray) return { ok: false, reason: `it mentioned ${stray}, a date with no entry behind it` };
  return { ok: true, text };
}

/** How many characters of a system prompt, in a row, count as echoing it. */
export const ECHO_WINDOW = 32;

const squash = (s: string) => s.replace(/\s+/g, ' ').toLowerCase();

/** True when `text` repeats any ECHO_WINDOW-character run of `system` (whitespace and case ignored). */
export function echoesSystemPrompt(text: string, system: string): boolean {
  const t = squash(text);
  const s = squash(system);
  for (let i = 0; i + ECHO_WINDOW <= s.length; i += 1) {
    if (t.includes(s.slice(i, i + ECHO_WINDOW))) return true;
  }
  return false;
}

/**
 * Streams model output to the screen while keeping its system prompt off it: the last ECHO_WINDOW
 * characters are held back, and the stream stops as soon as a window of the system prompt appears, so no
 * character of an echo is ever shown.
 */
export class EchoGuard {
  private readonly grams = new Set<string>();
  private text = '';
  private shown = 0;
  echoed = false;

  constructor(system: string) {
    for (let i = 0; i + ECHO_WINDOW <= system.length; i += 1) this.grams.add(system.slice(i, i + ECHO_WINDOW));
  }

  /** Feed a chunk; returns what may be shown now ('' once an echo was seen). */
  push(chunk: string): string {
    if (this.echoed) return '';
    for (const ch of chunk) {
      this.text += ch;
      if (this.text.length >= ECHO_WINDOW && this.grams.has(this.text.slice(-ECHO_WINDOW))) {
        this.echoed = true;
        return this.release(this.text.length - ECHO_WINDOW);
      }
    }
    return this.release(this.text.length - ECHO_WINDOW);
  }

  /** The held-back rest, at the end of a stream with no echo. */
  flush(): string {
    return this.echoed ? '' : this.release(this.text.length);
  }

  private release(upTo: number): string {
    if (upTo <= this.shown) return '';
    const out = this.text.slice(this.shown, upTo);
    this.shown = upTo;
    return out;
  }
}
