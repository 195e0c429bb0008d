import { describe, expect, it } from 'vitest';
import { detectPII } from '../../../src/security/pii/index.js';
import { deserializeTagger, entities, serializeTagger, type TaggerModel } from '../../../src/security/pii/tagger-model.js';
import { tokenize } from '../../../src/security/pii/tokenize.js';

describe('tokenize', () => {
  it('gives tokens whose offsets slice back to their text, and marks line breaks before them', () => {
    const text = 'Anna-Maria  lives at\n12B Elm St.';
    const tokens = tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.text)).toEqual(['Anna', '-', 'Maria', 'lives', 'at', '12', 'B', 'Elm', 'St', '.']);
    expect(tokens.find((t) => t.text === '12')?.gap).toBe('\n');
    expect(tokens.find((t) => t.text === 'lives')?.gap).toBe(' ');
  });
});

describe('the PII tagger', () => {
  it('round-trips its weights through the int8 serialisation within one quantisation step', () => {
    const model: TaggerModel = { labels: ['O', 'B-PERSON', 'I-PERSON'], weights: new Map([['w=anna', [0, 2.5, -1]], ['b', [0.5, -0.25, 0]]]) };
    const back = deserializeTagger(serializeTagger(model, 'test', 0));
    const step = 2.5 / 127;
    expect(back.labels).toEqual(model.labels);
    for (const [f, w] of model.weights) Array.from(w).forEach((x, l) => expect(Math.abs(back.weights.get(f)![l]! - x)).toBeLessThanOrEqual(step));
  });

  it('reads BIO labels as entities, starting a new one at every B-', () => {
    expect(entities(['O', 'B-PERSON', 'I-PERSON', 'B-PERSON', 'O', 'B-LOCATION'])).toEqual([
      ['PERSON', 1, 2], ['PERSON', 3, 3], ['LOCATION', 5, 5],
    ]);
  });

  it('finds names, titles and places in sentences it was not trained on', () => {
    const text = 'Yesterday I had lunch with Dr. Magdalena Wiśniewska in Kraków and we talked for hours.';
    const spans = detectPII(text);
    expect(spans.find((s) => s.type === 'PERSON')?.text).toBe('Magdalena Wiśniewska');
    expect(spans.find((s) => s.type === 'TITLE')?.text).toBe('Dr.');
    expect(spans.find((s) => s.type === 'LOCATION')?.text).toBe('Kraków');
  });

  it('finds the name and the postal block of a signature', () => {
    const text = 'Thanks again,\nMaria Keller\nGreenleaf Analytics\n1204 Birch Lane\nPortland\nUSA 97205';
    const spans = detectPII(text);
    const covering = (value: string) => spans.filter((s) => s.start <= text.indexOf(value) && s.end >= text.indexOf(value) + value.length);
    expect(covering('Maria Keller').map((s) => s.type)).toEqual(['PERSON']);
    for (const part of ['1204', 'Birch Lane', 'Portland', '97205']) {
      expect(covering(part).map((s) => s.type)).toEqual([expect.stringMatching(/^(STREET_ADDRESS|LOCATION|ZIP_CODE)$/)]);
    }
  });

  it('tags a signature after a sign-off line as it tags one on its own', () => {
    const text = 'Cheers,\nAnna Schmidt\nBlue River Labs\n5 High Street\nLeeds';
    const spans = detectPII(text);
    expect(spans.find((s) => s.text === 'Anna Schmidt')?.type).toBe('PERSON');
    expect(spans.find((s) => s.text === 'Blue River Labs')?.type).toBe('ORGANIZATION');
    expect(spans.filter((s) => s.text.includes('Cheers'))).toEqual([]);
  });

  it('does not read a capitalised word opening a diary sentence as a name, place or organisation', () => {
    const text = 'Honestly, today was a lot. Personally I think the meeting went fine. Geez, the bus was late again. Finally home. Weirdly calm.';
    expect(detectPII(text).filter((s) => ['PERSON', 'LOCATION', 'ORGANIZATION'].includes(s.type))).toEqual([]);
  });

  it('reports nothing for plain diary prose without personal data', () => {
    const text = 'I woke up early, made coffee and felt calm for the first time this week. Work was fine.';
    expect(detectPII(text)).toEqual([]);
  });
});
