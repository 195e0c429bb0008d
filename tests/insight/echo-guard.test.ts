import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ECHO_WINDOW, EchoGuard, echoesSystemPrompt, validateProse } from '../../src/core/insight/validate-output.js';

const SYSTEM = 'You answer questions about a private journal using only the entries given between the markers. Cite dates.';

function streamThrough(guard: EchoGuard, chunks: string[]): string {
  let shown = '';
  for (const c of chunks) {
    shown += guard.push(c);
    if (guard.echoed) return shown;
  }
  return shown + guard.flush();
}

describe('keeping the system prompt off the screen', () => {
  it('passes ordinary output through unchanged, in any chunking', () => {
    fc.assert(fc.property(fc.array(fc.string({ minLength: 1, maxLength: 9 }), { maxLength: 30 }), (chunks) => {
      const text = chunks.join('');
      fc.pre(!echoesSystemPrompt(text, SYSTEM) && ![...Array(Math.max(0, text.length - ECHO_WINDOW + 1)).keys()].some((i) => SYSTEM.includes(text.slice(i, i + ECHO_WINDOW))));
      expect(streamThrough(new EchoGuard(SYSTEM), chunks)).toBe(text);
    }));
  });

  it('shows not one character of an echo, wherever it starts and however it is chunked', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: 0, max: SYSTEM.length - ECHO_WINDOW }), fc.integer({ min: 1, max: 7 }), (before, from, size) => {
      fc.pre(!SYSTEM.includes(before.slice(-1)) || before.length === 0);
      const text = before + SYSTEM.slice(from) + ' and more';
      const chunks = text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];
      const guard = new EchoGuard(SYSTEM);
      const shown = streamThrough(guard, chunks);
      expect(guard.echoed).toBe(true);
      expect(shown.length).toBeLessThanOrEqual(before.length + ECHO_WINDOW - 1);
      expect(echoesSystemPrompt(shown, SYSTEM)).toBe(false);
    }));
  });

  it('rejects prose that repeats the instructions even with other spacing or case', () => {
    const echo = `Sure. ${SYSTEM.toUpperCase().replace(/ /g, '  ')} [2025-01-08]`;
    expect(validateProse(echo, { minWords: 3, maxWords: 250, allowedDates: new Set(['2025-01-08']), system: SYSTEM })).toEqual({ ok: false, reason: 'it repeated its instructions' });
    expect(validateProse('You walked by the river [2025-01-08].', { minWords: 3, maxWords: 250, allowedDates: new Set(['2025-01-08']), system: SYSTEM }).ok).toBe(true);
  });
});
