import { describe, expect, it } from 'vitest';
import { fromPresidio, TAGGER_LABELS } from '../../../scripts/train-pii-data.js';
import { trainPerceptron } from '../../../scripts/train-pii-perceptron.js';

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
