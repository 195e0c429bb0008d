import { describe, expect, it } from 'vitest';
import { detectPII, detectPIIWith } from '../../../src/security/pii/detect-pii.js';
import { decode, entities, type TaggerModel } from '../../../src/security/pii/tagger-model.js';
import { layoutAllows, nextState, START, type TagContext, type TagState } from '../../../src/security/pii/tagger-state.js';
import { regexTags } from '../../../src/security/pii/tagger-features.js';
import { sentenceStarts } from '../../../src/security/pii/tagger-layout.js';
import { ruleFeatureSpans, ruleSpans, shippedTagger } from '../../../src/security/pii/tagger.js';
import { tokenize } from '../../../src/security/pii/tokenize.js';

// Tokens: 0 "28245", 1 "Puruntie", 2 "82", 3 "Oulu" (on a new line), 4 "Finland" (on a new line).
const ctx: TagContext = {
  words: ['28245', 'puruntie', '82', 'oulu', 'finland'], shapes: ['d5', 'Xx', 'd2', 'Xx', 'Xx'],
  newline: [false, false, false, true, true], cues: [],
};

function after(labels: readonly string[]): TagState {
  let s = START;
  labels.forEach((label, i) => (s = nextState(ctx, s, label, i)));
  return s;
}

describe('the layout constraint of the tagging search', () => {
  it('keeps a place from running over a line break once the text split a place', () => {
    const split = after(['B-STREET_ADDRESS', 'B-STREET_ADDRESS', 'I-STREET_ADDRESS']);
    expect(layoutAllows(ctx, split, 'I-STREET_ADDRESS', 3)).toBe(false);
    expect(layoutAllows(ctx, split, 'B-LOCATION', 3)).toBe(true);
    const whole = after(['B-STREET_ADDRESS', 'I-STREET_ADDRESS', 'I-STREET_ADDRESS']);
    expect(layoutAllows(ctx, whole, 'I-STREET_ADDRESS', 3)).toBe(true);
  });

  it('keeps a place from being split once a place ran over a line break', () => {
    const multiline = after(['B-STREET_ADDRESS', 'I-STREET_ADDRESS', 'I-STREET_ADDRESS', 'I-STREET_ADDRESS']);
    expect(multiline.multiline).toBe(true);
    expect(layoutAllows(ctx, multiline, 'B-LOCATION', 4)).toBe(false);
    expect(layoutAllows(ctx, multiline, 'I-STREET_ADDRESS', 4)).toBe(true);
    expect(layoutAllows(ctx, after(['B-STREET_ADDRESS', 'I-STREET_ADDRESS', 'I-STREET_ADDRESS', 'O']), 'B-LOCATION', 4)).toBe(true);
  });

  it('lets no name, organisation or title run over a line break', () => {
    const person = after(['O', 'O', 'B-PERSON']);
    expect(layoutAllows(ctx, person, 'I-PERSON', 3)).toBe(false);
    expect(layoutAllows(ctx, after(['O', 'B-ORGANIZATION']), 'I-ORGANIZATION', 2)).toBe(true);
  });

  it('holds for what the shipped tagger finds in laid-out texts', () => {
    const texts = [
      'Billing address: Sara Schwarz\n    28245 Puruntie 82 Apt. 595\n   OULU\n    SK\n    53650',
      'Maria Keller\nGreenleaf Analytics\n1204 Birch Lane\nPortland\nUSA 97205',
      'Our offices are located at 971 Kesk 53\n Suite 343\n Pärnu\n Estonia',
    ];
    const places = new Set(['STREET_ADDRESS', 'ZIP_CODE', 'LOCATION']);
    for (const text of texts) {
      const tokens = tokenize(text);
      const labels = decode(shippedTagger(), tokens, regexTags(tokens, ruleFeatureSpans(text, ruleSpans(text))));
      const found = entities(labels);
      const multiline = found.some(([type, a, b]) => places.has(type) && tokens.slice(a + 1, b + 1).some((t) => t.gap === '\n'));
      const split = found.some(([type, , b], k) => places.has(type) && found[k + 1]?.[1] === b + 1 && places.has(found[k + 1]![0]));
      expect(multiline && split).toBe(false);
      for (const [type, a, b] of found) {
        if (!places.has(type)) expect(tokens.slice(a + 1, b + 1).some((t) => t.gap === '\n')).toBe(false);
      }
    }
  });
});

describe('sentence starts in the tagging search', () => {
  /** The words of `text` that open a sentence. */
  const starts = (text: string): string[] => {
    const tokens = tokenize(text);
    const flags = sentenceStarts(tokens);
    return tokens.filter((_, i) => flags[i]).map((t) => t.text);
  };

  it('finds a capitalised word after a full stop, "!" or "?", and not after an abbreviation, an initial or a number', () => {
    expect(starts('I joined Uber. Sarah says hi! Tom too? Yes.')).toEqual(['Sarah', 'Tom', 'Yes']);
    expect(starts('Dr. Holst met Vide A. Persson at Fernandez Inc. and U.N. Staff at Apt. 5, Kálmán u. 12. Apt. 3')).toEqual([]);
    expect(starts('we met at noon. then left.\nNext line. and lower case')).toEqual([]);
  });

  it('lets no name, organisation or title run on into a new sentence, and lets a place', () => {
    const words = ['i', 'joined', 'uber', '.', 'sarah'];
    const sentence: TagContext = { words, shapes: ['X', 'x', 'Xx', '.', 'Xx'], newline: [false, false, false, false, false], sentence: [false, false, false, false, true], cues: [] };
    let s = START;
    ['O', 'O', 'B-ORGANIZATION', 'I-ORGANIZATION'].forEach((label, i) => (s = nextState(sentence, s, label, i)));
    expect(layoutAllows(sentence, s, 'I-ORGANIZATION', 4)).toBe(false);
    expect(layoutAllows(sentence, s, 'B-PERSON', 4)).toBe(true);
    let p = START;
    ['O', 'O', 'B-LOCATION', 'I-LOCATION'].forEach((label, i) => (p = nextState(sentence, p, label, i)));
    expect(layoutAllows(sentence, p, 'I-LOCATION', 4)).toBe(true);
    // A model that, once an entity is open, always runs it on: only the search's constraints end it.
    const { labels } = shippedTagger();
    const runOn: TaggerModel = { labels, weights: new Map([['b', labels.map((label) => (label === 'I-PERSON' ? 100 : label === 'B-PERSON' ? 50 : 0))]]) };
    const text = 'We met at Acme. Sarah says hi! Dr. Holst came by A. Persson.';
    expect(detectPIIWith(text, {}, runOn).map((s) => s.text)).toEqual(['We met at Acme', 'Sarah says hi', 'Dr. Holst came by A. Persson']);
  });
});

describe('the age rule as a fallback', () => {
  const silent: TaggerModel = { labels: shippedTagger().labels, weights: new Map() };

  it('reports an age written "N years old" or "N y/o" that the tagger left out', () => {
    for (const [text, age] of [['My neighbour, who is 83 years old, waved at me.', '83'], ["and i'm 26 y/o.", '26']] as const) {
      expect(detectPIIWith(text, {}, silent).map((s) => [s.type, s.text])).toEqual([['AGE', age]]);
    }
    expect(detectPIIWith('We walked 83 miles.', {}, silent)).toEqual([]);
  });

  it('gives way to what the tagger found there', () => {
    const spans = detectPII('This 82 year old female complaining of stomach pain.').filter((s) => s.type === 'AGE');
    expect(spans.map((s) => [s.text, s.source])).toEqual([['82', 'ner:tagger']]);
  });
});
