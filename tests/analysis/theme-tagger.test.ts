import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { themeCandidates } from '../../src/core/analysis/theme-candidates.js';
import { tagText } from '../../src/core/analysis/theme-tagger.js';
import { tokenize } from '../../src/core/analysis/theme-tokenizer.js';

const words = (text: string) => tokenize(text).map((t) => t.text);
const tagsOf = (text: string, word: string) => {
  const term = tagText(text).find((t) => t.text === word);
  if (!term) throw new Error(`no term ${word}`);
  return [...term.tags];
};

describe('theme tokenizer', () => {
  it('keeps offsets, surrounding punctuation and sentence starts', () => {
    const text = '"Hi," she said. Then\nwe left!';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['Hi', 'she', 'said', 'Then', 'we', 'left']);
    for (const t of tokens) expect(text.slice(t.start, t.start + t.text.length)).toBe(t.text);
    expect(tokens[0]).toMatchObject({ pre: '"', post: '," ' });
    expect(tokens.map((t) => t.sentenceStart)).toEqual([true, false, false, true, true, false]);
  });

  it('splits contractions into two words and keeps a possessive with its word', () => {
    const tokens = tokenize("I can't go to Sarah's, it's late and I'm gonna sleep.");
    expect(tokens.map((t) => t.lookup)).toEqual(['i', 'can', 'not', 'go', 'to', 'sarah', 'it', 'is', 'late', 'and', 'i', 'am', 'going', 'to', 'sleep']);
    const sarah = tokens.find((t) => t.text === "Sarah's");
    expect(sarah).toMatchObject({ possessive: true, post: ', ' });
    expect(tokens.find((t) => t.text === 'it')).toBeUndefined();
    expect(tokens.filter((t) => t.text === '').map((t) => t.normal)).toEqual(['not', 'is', 'am', 'to']);
  });

  it('splits hyphenated words as compromise does, but not known prefixes', () => {
    expect(words('my well-being and my co-worker')).toEqual(['my', 'well', 'being', 'and', 'my', 'co-worker']);
    expect(words('tired—really tired')).toEqual(['tired', 'really', 'tired']);
  });

  it('never loses text: every word is found at its offset, in order', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'B', 'é', ' ', '.', ',', "'", '-', '—', '\n', '1', '😀', '"', "n't", "'s") }), (text) => {
      let last = -1;
      for (const t of tokenize(text)) {
        expect(t.start).toBeGreaterThanOrEqual(last);
        if (t.text !== '') expect(text.slice(t.start, t.start + t.text.length)).toBe(t.text);
        last = t.start;
      }
    }), { numRuns: 300 });
  });
});

describe('theme tagger', () => {
  it('tags known words, inflected forms and phrases from the lexicon', () => {
    const text = 'I walked to the gym in New York with Sarah and my friends.';
    expect(tagsOf(text, 'walked')).toEqual(expect.arrayContaining(['Verb', 'PastTense']));
    expect(tagsOf(text, 'gym')).toEqual(expect.arrayContaining(['Noun', 'Singular']));
    expect(tagsOf(text, 'York')).toEqual(expect.arrayContaining(['Place', 'Region']));
    expect(tagsOf(text, 'Sarah')).toEqual(expect.arrayContaining(['Person', 'FirstName']));
    expect(tagsOf(text, 'friends')).toEqual(expect.arrayContaining(['Noun', 'Plural']));
    expect(tagsOf(text, 'I')).toContain('Pronoun');
  });

  it('decides a noun-or-verb word from its neighbours', () => {
    expect(tagsOf('We walk there every day.', 'walk')).toContain('Verb');
    expect(tagsOf('It was a long walk.', 'walk')).toContain('Noun');
    expect(tagsOf('The parties were fun.', 'parties')).toEqual(expect.arrayContaining(['Noun', 'Plural']));
  });

  it('guesses unknown words by their ending and shape', () => {
    expect(tagsOf('She was zorblating again.', 'zorblating')).toContain('Gerund');
    expect(tagsOf('It went flimbly.', 'flimbly')).toContain('Adverb');
    expect(tagsOf('The grobnation was over.', 'grobnation')).toContain('Noun');
    expect(tagsOf('I paid 2019 pounds.', '2019')).toContain('Value');
    expect(tagsOf('She moved to the US last year.', 'US')).toEqual(expect.arrayContaining(['Acronym', 'Place']));
    expect(tagsOf('I met Oluwaseun today.', 'Oluwaseun')).toContain('Noun');
    expect(tagsOf('Then Oluwaseun arrived.', 'Oluwaseun')).toEqual(expect.arrayContaining(['Verb', 'Infinitive']));
  });

  it('gives the same tags however often a word was seen before (shared tag sets are never changed)', () => {
    const first = tagText("Sarah's garden. Sarah smiled.").map((t) => [...t.tags].sort().join(','));
    themeCandidates("Sarah's dog met Sarah at the Park's gate.");
    const again = tagText("Sarah's garden. Sarah smiled.").map((t) => [...t.tags].sort().join(','));
    expect(again).toEqual(first);
    expect(first[2]).not.toContain('Possessive');
  });
});

describe('theme candidates from the tagger', () => {
  it('finds the people, places, activities and topics of diary lines', () => {
    const found = themeCandidates('Had coffee with Sarah at the cafe near the station. I went climbing with Priya. The job offer is on my mind.');
    const ids = found.map((c) => `${c.kind}:${c.key}`);
    expect(ids).toEqual(expect.arrayContaining(['person:sarah', 'person:priya', 'place:cafe', 'place:station', 'activity:climbing', 'topic:job offer', 'topic:coffee']));
    expect(ids).not.toContain('topic:mind');
  });
});
