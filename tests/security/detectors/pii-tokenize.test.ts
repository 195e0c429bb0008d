import { describe, expect, it } from 'vitest';
import { tokenize, type Token } from '../../../src/security/pii/tokenize.js';

/** The tokenizer's definition: the regex it used to run. */
function byRegex(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(/[\p{L}\p{M}]+|\d+|[^\s\p{L}\p{M}\d]/gu)) {
    const between = text.slice(prevEnd, m.index);
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, gap: between === '' ? '' : between.includes('\n') ? '\n' : ' ' });
    prevEnd = m.index + m[0].length;
  }
  return out;
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('tokenize', () => {
  it('splits letter runs, digit runs and single other characters, with the whitespace before each', () => {
    expect(tokenize('Hi Zoë,\n call 555-0100  now')).toEqual([
      { text: 'Hi', start: 0, end: 2, gap: '' },
      { text: 'Zoë', start: 3, end: 6, gap: ' ' },
      { text: ',', start: 6, end: 7, gap: '' },
      { text: 'call', start: 9, end: 13, gap: '\n' },
      { text: '555', start: 14, end: 17, gap: ' ' },
      { text: '-', start: 17, end: 18, gap: '' },
      { text: '0100', start: 18, end: 22, gap: '' },
      { text: 'now', start: 24, end: 27, gap: ' ' },
    ]);
  });

  it('gives what the regex gives on scripts, marks, emoji, other digits, odd spaces and lone surrogates', () => {
    const samples = [
      'Ça va? Müller-Lüdenscheidt, 12\u00a0rue d’Alésia', 'Кирилл и Мефодий 1863', '北京市朝阳区 100020', 'ما اسمك؟ ٣٤ سنة',
      'e\u0301te\u0301 cafe\u0301', '👩🏽‍💻 coded 🎉🎉 all night', 'tab\there\r\nand\u2028there\u3000wide\ufeffbom', '\ud800 lone \udc00 halves',
      '𝐁𝐨𝐥𝐝 math 𝟏𝟐𝟑', '', '   ', 'x',
    ];
    for (const text of samples) expect(tokenize(text)).toEqual(byRegex(text));
  });

  it('gives what the regex gives on random strings of mixed code points', () => {
    const next = random(7);
    const pool = ['a', 'Z', '9', ' ', '\n', '\t', '.', '-', 'é', '\u0301', '٣', '\u00a0', '\u2003', '中', '😀', '\ud83d', '\ude00', '’', '_'];
    for (let k = 0; k < 500; k++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 40) }, () => pool[Math.floor(next() * pool.length)]!).join('');
      expect(tokenize(text)).toEqual(byRegex(text));
    }
  });
});
