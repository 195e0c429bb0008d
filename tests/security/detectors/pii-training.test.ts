import { describe, expect, it } from 'vitest';
import { fromPresidio, TAGGER_LABELS } from '../../../scripts/train-pii-data.js';
import { trainPerceptron } from '../../../scripts/train-pii-perceptron.js';
import { decode } from '../../../src/security/pii/tagger-model.js';

const span = (text: string, type: string, value: string) => ({ entity_type: type, entity_value: value, start_position: text.indexOf(value), end_position: text.indexOf(value) + value.length });
const text1 = 'Anna Berg lives in Oslo';
const text2 = 'Call Kuba at Cloudmade tomorrow';
const data = [
  fromPresidio({ full_text: text1, spans: [span(text1, 'PERSON', 'Anna Berg'), span(text1, 'GPE', 'Oslo')] }),
  fromPresidio({ full_text: text2, spans: [span(text2, 'PERSON', 'Kuba'), span(text2, 'ORGANIZATION', 'Cloudmade')] }),
];
const own = /^(w|w-1w|ww\+1|p3|x3|x2|t-1\|w)=(.*)$/;
/** Features of a token's own word that name a real word (padding and the hidden-word marker are not words). */
const ownWords = (features: readonly string[]): string[] =>
  features.filter((f) => own.exec(f)?.[2]!.split('|').some((w) => w !== '<pad>' && w !== '<unk>'));

describe('PII tagger training with word dropout', () => {
  it('learns a token’s own word features without it and never with every word hidden', () => {
    for (const width of [1, 2]) {
      const plain = [...trainPerceptron(data, TAGGER_LABELS, 4, 1, { width }).weights.keys()];
      const hidden = [...trainPerceptron(data, TAGGER_LABELS, 4, 1, { width, wordDropout: 1 }).weights.keys()];
      expect(ownWords(plain).length).toBeGreaterThan(10);
      expect(ownWords(hidden)).toEqual([]);
      expect(hidden.some((f) => f.startsWith('w-1=') && f !== 'w-1=<pad>')).toBe(true);
    }
  });
});

describe('PII tagger training with passive-aggressive steps', () => {
  const more = [
    ['Mila Novak moved to Tartu', 'PERSON', 'Mila Novak', 'GPE', 'Tartu'],
    ['Ask Otto at Lawdragon today', 'PERSON', 'Otto', 'ORGANIZATION', 'Lawdragon'],
    ['Jonas Lind lives in Bergen', 'PERSON', 'Jonas Lind', 'GPE', 'Bergen'],
  ].map(([t, a, av, b, bv]) => fromPresidio({ full_text: t!, spans: [span(t!, a!, av!), span(t!, b!, bv!)] }));
  const all = [...data, ...more];
  const maxWeight = (weights: ReadonlyMap<string, ArrayLike<number>>): number => Math.max(...[...weights.values()].flatMap((w) => Array.from(w, Math.abs)));

  it('tags its training texts right, with weights on the perceptron’s scale', () => {
    const model = trainPerceptron(all, TAGGER_LABELS, 6, 1, { width: 2, pa: 1 });
    for (const s of all) expect(decode(model, s.tokens, s.rx)).toEqual(s.labels);
    const plain = trainPerceptron(all, TAGGER_LABELS, 6, 1, { width: 2 });
    const ratio = maxWeight(model.weights) / maxWeight(plain.weights);
    expect(ratio).toBeGreaterThan(0.2);
    expect(ratio).toBeLessThan(5);
  });

  it('differs from the perceptron’s unit steps', () => {
    const pa = trainPerceptron(all, TAGGER_LABELS, 3, 1, { width: 2, pa: 1 }).weights;
    const plain = trainPerceptron(all, TAGGER_LABELS, 3, 1, { width: 2 }).weights;
    const differs = [...pa].some(([f, w]) => {
      const p = plain.get(f);
      return !p || Array.from(w).some((x, l) => Math.abs(x - p[l]!) > 1e-9);
    });
    expect(differs).toBe(true);
  });
});
