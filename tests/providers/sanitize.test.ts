import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StreamSanitizer, stripControlSequences } from '../../src/providers/sanitize.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const pieces = fc.constantFrom('plain ', 'words', '\n', '\t', '\u001b[31m', '\u001b[0m', '\u001b[2J', '\u001b]0;title\u0007', '\u001b]8;;http://x\u001b\\',
  '\u009b1;2H', '\u001bc', '\u0007', '\u0000', '\u007f', '\u0085', 'é', '日本', '\u001b', '\u001b[', '[31m');
const text = fc.array(pieces, { maxLength: 40 }).map((a) => a.join(''));

describe('output hygiene', () => {
  it('removes CSI, OSC, other ESC sequences and C0/C1 controls but keeps \\n and \\t', () => {
    expect(stripControlSequences('a\u001b[1;31mred\u001b[0m b')).toBe('ared b');
    expect(stripControlSequences('\u001b]0;evil title\u0007ok')).toBe('ok');
    expect(stripControlSequences('\u001b]8;;https://x\u001b\\link\u001b]8;;\u001b\\')).toBe('link');
    expect(stripControlSequences('line1\nline2\tcol\r\u0008')).toBe('line1\nline2\tcol');
    expect(stripControlSequences('bell\u0007 nul\u0000 c1\u009b2J done')).toBe('bell nul c1 done');
  });

  it('never lets a control character through, for any input', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => !CONTROL.test(stripControlSequences(s))));
    fc.assert(fc.property(text, (s) => !CONTROL.test(stripControlSequences(s))));
  });

  it('gives the same result streamed in any chunking as in one piece', () => {
    fc.assert(fc.property(text, fc.array(fc.nat(), { maxLength: 8 }), (s, cuts) => {
      const points = [...new Set(cuts.map((c) => c % (s.length + 1)))].sort((a, b) => a - b);
      const sanitizer = new StreamSanitizer();
      let out = '';
      let last = 0;
      for (const p of [...points, s.length]) {
        out += sanitizer.push(s.slice(last, p));
        last = p;
      }
      out += sanitizer.flush();
      expect(out).toBe(stripControlSequences(s));
    }));
  });

  it('keeps ordinary text unchanged', () => {
    fc.assert(fc.property(fc.string().filter((s) => !CONTROL.test(s)), (s) => stripControlSequences(s) === s));
  });
});
