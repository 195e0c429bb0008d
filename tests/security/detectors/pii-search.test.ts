import { describe, expect, it } from 'vitest';
import { beamCache, extendBeam, labelPath, startBeam } from '../../../src/security/pii/tagger-beam.js';
import { regexTags, staticFeatures, tokenInfos } from '../../../src/security/pii/tagger-features.js';
import { layoutOf, lineHeads, sentenceStarts } from '../../../src/security/pii/tagger-layout.js';
import { addScores, decode, type TaggerModel } from '../../../src/security/pii/tagger-model.js';
import type { TagContext } from '../../../src/security/pii/tagger-state.js';
import { ruleFeatureSpans, ruleSpans, shippedTagger } from '../../../src/security/pii/tagger.js';
import { tokenize, type Token } from '../../../src/security/pii/tokenize.js';

const TEXTS = [
  'Dear Mr. Olsen,\nplease ship it to 48 Calle Mayor 12, Apt. 3\nMadrid\nSpain 28013.',
  'Called Priya at +44 20 7946 0958 about the trip to Lisbon; she is 34 years old.',
  'Thanks again,\nMaria Keller\nGreenleaf Analytics\n1204 Birch Lane\nPortland\nUSA 97205',
  '> Maria Keller\n> Greenleaf Analytics\n>\n??? 1204 Birch Lane\n??? Portland',
  'Billing address: 77 Rue de Rivoli, 75001 Paris. Shipping address: same. Phone: (579)888-3058',
  'Yesterday I had lunch with Dr. Magdalena Wiśniewska in Kraków | and we talked || for hours at Acme Corp.',
  'ünïcødé   and\n\nnewlines\tand tabs — 12345',
  '',
];

/** The training search (tagger-beam.ts over feature strings): the reference the fast decoder must equal. */
function referenceDecode(model: TaggerModel, tokens: readonly Token[], rx: readonly string[], width: number): string[] {
  const infos = tokenInfos(tokens);
  const ctx: TagContext = { words: infos.map((t) => t.lower), shapes: infos.map((t) => t.shape), newline: tokens.map((t) => t.gap === '\n'), sentence: sentenceStarts(tokens), cues: layoutOf(tokens, infos).cues, head: lineHeads(tokens) };
  const features = staticFeatures(tokens, rx);
  const cache = beamCache();
  let beam = startBeam();
  for (let i = 0; i < tokens.length; i++) {
    const statics = new Float64Array(model.labels.length);
    addScores(model, features[i]!, statics);
    beam = extendBeam(model, ctx, beam, i, statics, 0, width, cache, undefined, model.margin);
  }
  return labelPath(beam[0]!).map((l) => model.labels[l]!);
}

describe('the fast tagging search', () => {
  for (const width of [1, 2, 3, 4]) {
    it(`gives the labels of the training search at beam width ${width}`, () => {
      const model = shippedTagger();
      for (const text of TEXTS) {
        const tokens = tokenize(text);
        const rx = regexTags(tokens, ruleFeatureSpans(text, ruleSpans(text)));
        expect(decode(model, tokens, rx, width)).toEqual(referenceDecode(model, tokens, rx, width));
      }
    });
  }

  it('gives the labels of the training search when every static feature of the texts carries a weight', () => {
    // The shipped weights may lack some feature roles (word-shape bigrams, ...): give every static feature
    // of the test texts a seeded pseudo-random weight so each role's fast lookup is exercised.
    const shipped = shippedTagger();
    const weights = new Map(shipped.weights);
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 4 - 2;
    for (const text of TEXTS) {
      const tokens = tokenize(text);
      for (const features of staticFeatures(tokens, regexTags(tokens, ruleFeatureSpans(text, ruleSpans(text))))) {
        for (const f of features) if (!weights.has(f)) weights.set(f, Float32Array.from(shipped.labels, random));
      }
    }
    const model: TaggerModel = { ...shipped, weights };
    for (const width of [1, 3]) {
      for (const text of TEXTS) {
        const tokens = tokenize(text);
        const rx = regexTags(tokens, ruleFeatureSpans(text, ruleSpans(text)));
        expect(decode(model, tokens, rx, width)).toEqual(referenceDecode(model, tokens, rx, width));
      }
    }
  });

  it('gives the labels of the training search with a pruning margin', () => {
    const model: TaggerModel = { ...shippedTagger(), margin: 0.5 };
    for (const text of TEXTS) {
      const tokens = tokenize(text);
      const rx = regexTags(tokens, ruleFeatureSpans(text, ruleSpans(text)));
      expect(decode(model, tokens, rx, 3)).toEqual(referenceDecode(model, tokens, rx, 3));
    }
  });
});
