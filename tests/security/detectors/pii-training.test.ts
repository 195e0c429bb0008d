import { describe, expect, it } from 'vitest';
import { fromPresidio, TAGGER_LABELS } from '../../../scripts/train-pii-data.js';
import { trainPerceptron } from '../../../scripts/train-pii-perceptron.js';
import { decode } from '../../../src/security/pii/tagger-model.js';
import { presidioRow } from '../../helpers/presidio-row.js';

const data = [
  presidioRow('Anna Berg lives in Oslo', ['PERSON', 'Anna Berg'], ['GPE', 'Oslo']),
  presidioRow('Call Kuba at Cloudmade tomorrow', ['PERSON', 'Kuba'], ['ORGANIZATION', 'Cloudmade']),
].map(fromPresidio);
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
    presidioRow('Mila Novak moved to Tartu', ['PERSON', 'Mila Novak'], ['GPE', 'Tartu']),
    presidioRow('Ask Otto at Lawdragon today', ['PERSON', 'Otto'], ['ORGANIZATION', 'Lawdragon']),
    presidioRow('Jonas Lind lives in Bergen', ['PERSON', 'Jonas Lind'], ['GPE', 'Bergen']),
  ].map(fromPresidio);
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
