import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import vader from 'vader-sentiment';
import { describe, expect, it } from 'vitest';
import { vaderCompound } from '../../src/core/analysis/vader-scorer.js';

const reference = (text: string) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;

/** Words that exercise every rule: lexicon words, boosters, negations, idioms, "least", "but", "kind of". */
const VOCABULARY = [
  'good', 'GOOD', 'bad', 'BAD', 'happy', 'sad', 'love', 'hate', 'great', 'awful', 'kind', 'of', 'sort', 'very',
  'VERY', 'extremely', 'slightly', 'barely', 'not', 'never', "don't", "isn't", 'nothing', 'without', 'so', 'this',
  'least', 'at', 'but', 'BUT', 'the', 'shit', 'bomb', 'yeah', 'right', 'cut', 'mustard', 'kiss', 'death', 'hand',
  'to', 'mouth', 'bad', 'ass', 'just', 'enough', 'I', 'a', 'was', 'day', 'work', ':)', ':(', 'lol', 'meh', 'wow',
];
const PUNCTUATION = ['', '', '', '.', ',', '!', '?', '!!', '?!?', '...', "'", '"', ':', '-', '(', ')'];

describe('vaderCompound', () => {
  it('gives the vader-sentiment package compound on every third GoEmotions fixture text', () => {
    const rows = readFileSync('fixtures/data/goemotions/group/data.tsv', 'utf8').split('\n').filter((l, i) => l.trim() !== '' && i % 3 === 0);
    expect(rows.length).toBeGreaterThan(1000);
    const mismatches = rows.map((row) => row.split('\t')[0] ?? '').filter((text) => vaderCompound(text) !== reference(text));
    expect(mismatches).toEqual([]);
  });

  it('gives the package compound on random mixes of rule words, capitals and punctuation', () => {
    const token = fc.tuple(fc.constantFrom(...PUNCTUATION), fc.constantFrom(...VOCABULARY), fc.constantFrom(...PUNCTUATION)).map(([a, w, b]) => `${a}${w}${b}`);
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 14 }), fc.constantFrom(' ', '  ', '\t', ' \n '), (words, gap) => {
        const text = words.join(gap);
        expect(vaderCompound(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('scores a text without lexicon words as 0', () => {
    expect(vaderCompound('I took the bus to the office.')).toBe(0);
    expect(vaderCompound('')).toBe(0);
  });
});
