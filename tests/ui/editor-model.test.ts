import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseKeys } from '../../src/ui/keys.js';
import { backspace, bufferFrom, bufferText, deleteForward, insertText, moveLeft, moveRight, moveTo } from '../../src/ui/editor/text-buffer.js';
import { cursorRow, layoutRows, moveVertical, wrapLine } from '../../src/ui/editor/wrap.js';

describe('parseKeys', () => {
  it('tells Backspace (DEL) from Delete, and reads arrows, Home/End variants, Ctrl+D/C, Esc, F1', () => {
    expect(parseKeys('\x7f')).toEqual([{ kind: 'backspace' }]);
    expect(parseKeys('\x1b[3~')).toEqual([{ kind: 'delete' }]);
    for (const home of ['\x1b[H', '\x1bOH', '\x1b[1~', '\x01']) expect(parseKeys(home)).toEqual([{ kind: 'home' }]);
    for (const end of ['\x1b[F', '\x1bOF', '\x1b[4~', '\x05']) expect(parseKeys(end)).toEqual([{ kind: 'end' }]);
    expect(parseKeys('\x04')).toEqual([{ kind: 'save' }]);
    expect(parseKeys('\x03')).toEqual([{ kind: 'interrupt' }]);
    expect(parseKeys('\x1b')).toEqual([{ kind: 'escape' }]);
    expect(parseKeys('\x1bOP')).toEqual([{ kind: 'help' }]);
    expect(parseKeys('\r')).toEqual([{ kind: 'enter' }]);
    expect(parseKeys('\x1b[99~')).toEqual([]);
  });

  it('keeps a paste as one text action with line breaks, dropping stray control characters', () => {
    expect(parseKeys('one\r\ntwo\rthree\x00\x1f')).toEqual([{ kind: 'text', text: 'one\ntwo\nthree' }]);
    expect(parseKeys('abc\x04')).toEqual([{ kind: 'text', text: 'abc' }, { kind: 'save' }]);
  });
});

describe('text buffer', () => {
  it('joins lines with backspace at a line start and delete at a line end', () => {
    let b = insertText(bufferFrom(''), 'ab\ncd');
    b = moveTo(b, 1, 0);
    b = backspace(b);
    expect(bufferText(b)).toBe('abcd');
    expect([b.row, b.col]).toEqual([0, 2]);
    b = insertText(b, '\n');
    b = moveLeft(b);
    b = deleteForward(b);
    expect(bufferText(b)).toBe('abcd');
  });

  it('never splits a surrogate pair', () => {
    let b = bufferFrom('a😀');
    b = backspace(b);
    expect(bufferText(b)).toBe('a');
    b = moveRight(moveLeft(bufferFrom('😀b')));
    expect(b.col).toBe(3);
  });

  it('keeps text before and after the cursor for any insertion (property)', () => {
    fc.assert(fc.property(fc.string(), fc.string(), fc.nat(), (start, inserted, at) => {
      const lines = bufferFrom(start);
      const b = moveTo(lines, 0, at);
      const before = bufferText(moveTo(bufferFrom(start), 0, 0)); // the whole text
      const out = bufferText(insertText(b, inserted));
      const offset = b.col;
      const firstLine = start.split('\n')[0]!;
      expect(out).toBe(firstLine.slice(0, offset) + inserted + before.slice(offset));
    }));
  });
});

describe('word wrap', () => {
  it('breaks at spaces within the width, mid-word only for words longer than a row', () => {
    expect(wrapLine('the quick brown fox', 10)).toEqual([[0, 10], [10, 19]]);
    expect(wrapLine('abcdefghijklmno', 5)).toEqual([[0, 5], [5, 10], [10, 15]]);
  });

  it('covers every character exactly once with rows no wider than the width (property)', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'c') }), fc.integer({ min: 1, max: 30 }), (line, width) => {
      const segs = wrapLine(line, width);
      let next = 0;
      for (const [s, e] of segs) {
        expect(s).toBe(next);
        expect(e - s).toBeLessThanOrEqual(width);
        next = e;
      }
      expect(next).toBe(line.length);
    }));
  });

  it('moves up and down by wrapped rows, keeping the column', () => {
    const b = moveTo(bufferFrom('aaaa bbbb cccc\nshort'), 0, 7);
    const rows = layoutRows(b.lines, 5);
    expect(cursorRow(rows, b)).toEqual({ index: 1, column: 2 });
    const down = moveVertical(b, 5, 1);
    expect([down.row, down.col]).toEqual([0, 12]);
    const down2 = moveVertical(down, 5, 1, 2);
    expect([down2.row, down2.col]).toEqual([1, 2]);
  });
});

describe('wrapping wide characters', () => {
  const widthOf = (s: string) => [...s].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);

  it('counts CJK characters as two columns, so no row is wider than the terminal', () => {
    const line = '今日は雨でした。散歩に行けなかったけれど、本をたくさん読みました。とても静かな一日でした。';
    for (const width of [10, 17, 40]) {
      const rows = wrapLine(line, width);
      expect(rows.map(([a, b]) => line.slice(a, b)).join('')).toBe(line);
      for (const [a, b] of rows) expect(widthOf(line.slice(a, b))).toBeLessThanOrEqual(width);
    }
  });

  it('still breaks at spaces in mixed text and keeps every character', () => {
    const line = 'tea with 山田さん at the café, then a long walk home 🌧️ in the rain';
    const rows = wrapLine(line, 12);
    expect(rows.map(([a, b]) => line.slice(a, b)).join('')).toBe(line);
    expect(rows.length).toBeGreaterThan(4);
  });
});
