import { describe, expect, it } from 'vitest';
import { findNameRuleSpans } from '../../../src/security/pii/name-rules.js';

/** The NRP rule's definition: its words matched case-insensitively as whole words on the text itself. */
function nrpByRegex(text: string): [number, string][] {
  const words = 'american|irish|swiss|jewish|muslims|sikh|saudi|saudis|kenyan|christian|liberal|socialist|greek';
  return [...text.matchAll(new RegExp(`\\b(?:${words})\\b`, 'giu'))].map((m) => [m.index, m[0]]);
}

const nrp = (text: string): [number, string][] => findNameRuleSpans(text).filter((s) => s.type === 'NRP').map((s) => [s.start, s.text]);

describe('the NRP rule', () => {
  it('finds the words in any case, as whole words, with the text as written', () => {
    expect(nrp('My IRISH gran and her Swiss friend; SaUdIs? americans no.')).toEqual([[3, 'IRISH'], [22, 'Swiss'], [36, 'SaUdIs']]);
  });

  it('reads the long s and the Kelvin sign as the flag i does, and keeps positions after a dotted capital I', () => {
    expect(nrp('a ſikh man')).toEqual([[2, 'ſikh']]);
    expect(nrp('\u212Aenyan runners')).toEqual([[0, '\u212Aenyan']]);
    expect(nrp('İstanbul: a Greek café, a liberal town')).toEqual([[12, 'Greek'], [26, 'liberal']]);
    expect(nrp('dotless amerıcan, word_american, american2')).toEqual([]);
  });

  it('matches the case-insensitive regex on random mixes of the words and tricky characters', () => {
    let seed = 11;
    const next = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pool = ['Irish', 'SWISS', 'jewish', 'Muslims', 'sikh', 'saudi', 'Saudis', 'kenyan', 'Christian', 'liberal', ' ', ' ', '_', '2',
      'ſ', '\u212A', 'İ', 'ı', 'é', '-', '.', 'x', '😀', '\n'];
    for (let k = 0; k < 400; k++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 12) }, () => pool[Math.floor(next() * pool.length)]!).join('');
      expect(nrp(text)).toEqual(nrpByRegex(text));
    }
  });
});
