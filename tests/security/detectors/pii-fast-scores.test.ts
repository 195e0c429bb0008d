import { describe, expect, it } from 'vitest';
import { detectPII } from '../../../src/security/pii/index.js';
import { compileTagger } from '../../../src/security/pii/tagger-compiled.js';
import { dynamicParts } from '../../../src/security/pii/tagger-dynamic-parts.js';
import { regexTags, staticFeatures } from '../../../src/security/pii/tagger-features.js';
import { staticScores } from '../../../src/security/pii/tagger-scores.js';
import { ruleFeatureSpans, ruleSpans, shippedTagger } from '../../../src/security/pii/tagger.js';
import { tokenize } from '../../../src/security/pii/tokenize.js';
import { GENERATION } from '../../../src/security/pii/tagger-words.js';

const TEXTS = [
  'Dear Mr. Olsen,\nplease ship it to 48 Calle Mayor 12, Apt. 3\nMadrid\nSpain 28013.',
  'Called Priya at +44 20 7946 0958 about the trip to Lisbon; she is 34 years old.',
  'Thanks again,\nMaria Keller\nGreenleaf Analytics\n1204 Birch Lane\nPortland\nUSA 97205',
  'Billing address: 77 Rue de Rivoli, 75001 Paris. Shipping address: same. Phone: (579)888-3058',
  'Yesterday I had lunch with Dr. Magdalena Wiśniewska in Kraków | and we talked || for hours at Acme Corp.',
  'ünïcødé   and\n\nnewlines\tand tabs — 12345',
  '',
];

describe('the tagger\'s remembered per-word and per-shape sums', () => {
  it('gives static scores equal bit for bit to the sum of the reference feature strings', () => {
    // The shipped weights are int8 steps of one scale stored as float32, so float64 sums of them are exact
    // whatever their order: the per-word sums must give the very same numbers as summing feature by feature.
    const model = shippedTagger();
    const L = model.labels.length;
    for (const text of TEXTS) {
      const tokens = tokenize(text);
      const rx = regexTags(tokens, ruleFeatureSpans(text, ruleSpans(text)));
      const { scores, words, shapes } = staticScores(model, tokens, rx);
      staticFeatures(tokens, rx).forEach((features, i) => {
        const slow = new Float64Array(L);
        for (const f of [...features, `t-1|w=${words[i]}`, `t-1|s=${shapes[i]}`]) {
          const w = model.weights.get(f);
          if (w) for (let l = 0; l < L; l++) slow[l]! += w[l]!;
        }
        expect(Array.from(scores.subarray(i * L, (i + 1) * L))).toEqual(Array.from(slow));
      });
    }
  });

  it('finds the same spans after the word memo has started over', () => {
    const before = TEXTS.map((t) => detectPII(t));
    // More distinct words than the memo keeps (two generations): the test texts' words are dropped and built again.
    const filler = Array.from({ length: 2 * GENERATION + 1000 }, (_, i) => `w${i.toString(36)}q`).join(' ');
    detectPII(filler);
    expect(TEXTS.map((t) => detectPII(t))).toEqual(before);
  });

  it('finds the same spans after the shape and line memos have started over', () => {
    const before = TEXTS.map((t) => detectPII(t));
    // Each symbol is a token of its own shape: more (shape, gazetteer class) pairs than the memo keeps (4,096),
    // then, one per line, more line sums than that memo keeps (8,192, with the first text's).
    const symbols: string[] = [];
    for (const [from, to] of [[0x2190, 0x2bff], [0x1f300, 0x1faff]] as const) {
      for (let cp = from; cp <= to; cp++) {
        const ch = String.fromCodePoint(cp);
        if (/^[^\s\p{L}\p{M}\p{N}]$/u.test(ch)) symbols.push(ch);
      }
    }
    expect(symbols.length).toBeGreaterThan(4200);
    detectPII(symbols.join(' '));
    detectPII(symbols.join('\n'));
    expect(TEXTS.map((t) => detectPII(t))).toEqual(before);
  });

  it('gives a shape part the weights of its feature strings, and null when none has a weight', () => {
    const model = shippedTagger();
    const tagger = compileTagger(model);
    const parts = dynamicParts(tagger);
    const o = model.labels.indexOf('O');
    const person = tagger.types.indexOf('PERSON');
    const expected = parts.weigh([`fe=PERSON|O|Xx`, `hs=|O|Xx|n`]);
    expect(expected).not.toBeNull();
    expect(parts.shapePart(parts.shapeTable('Xx'), 'Xx', 0, person, o, 1)).toEqual(expected);
    expect(parts.labels(-1, -1, -1)).toEqual(parts.weigh(['t-1=<s>', 't-2t-1=<s>|<s>', 'fp=|<s>']));
    expect(parts.weigh(['no-such-feature=1'])).toBeNull();
  });
});
