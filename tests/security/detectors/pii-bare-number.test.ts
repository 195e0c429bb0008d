import { describe, expect, it } from 'vitest';
import { beamCache, extendBeam, labelPath, startBeam } from '../../../src/security/pii/tagger-beam.js';
import { regexTags, staticFeatures, tokenInfos } from '../../../src/security/pii/tagger-features.js';
import { layoutOf, lineHeads } from '../../../src/security/pii/tagger-layout.js';
import { addScores, decode, type TaggerModel } from '../../../src/security/pii/tagger-model.js';
import { afterBareNumber, bareNumberFeatures, continuationFeatures, continuationKind } from '../../../src/security/pii/tagger-split.js';
import { tagFeatures, START, nextState, type TagContext } from '../../../src/security/pii/tagger-state.js';
import { ruleFeatureSpans, ruleSpans, shippedTagger } from '../../../src/security/pii/tagger.js';
import { tokenize, type Token } from '../../../src/security/pii/tokenize.js';

const TEXTS = [
  'Kevin had given Alma his address: 5049 Harjukuja 54, SEINÄJOKI',
  'The address of Persint is 6750 Koskikatu 25 Apt. 864\nArtilleros\n, CO\n Uruguay',
  'Satu Elomo\n\n45818 P.O. Box 242\n Suite 787\n Espoo',
  'The bus drops you off at 70248 31 Rue tachkent St.',
];

function contextOf(tokens: readonly Token[]): TagContext {
  const infos = tokenInfos(tokens);
  return { words: infos.map((t) => t.lower), shapes: infos.map((t) => t.shape), newline: tokens.map((t) => t.gap === '\n'), cues: layoutOf(tokens, infos).cues, head: lineHeads(tokens) };
}

/** The training search (tagger-beam.ts over feature strings). */
function referenceDecode(model: TaggerModel, tokens: readonly Token[], rx: readonly string[], width: number): string[] {
  const ctx = contextOf(tokens);
  const features = staticFeatures(tokens, rx);
  const cache = beamCache();
  let beam = startBeam();
  for (let i = 0; i < tokens.length; i++) {
    const statics = new Float64Array(model.labels.length);
    addScores(model, features[i]!, statics);
    beam = extendBeam(model, ctx, beam, i, statics, 0, width, cache);
  }
  return labelPath(beam[0]!).map((l) => model.labels[l]!);
}

/** The shipped model with weights on every bare-number feature the texts can produce, favouring a split. */
function modelWithBareNumberWeights(): TaggerModel {
  const shipped = shippedTagger();
  const weights = new Map(shipped.weights);
  const split = shipped.labels.map((l) => (l === 'B-STREET_ADDRESS' ? 40 : l === 'I-STREET_ADDRESS' ? -40 : 0));
  for (const text of TEXTS) {
    const tokens = tokenize(text);
    const { words, shapes, newline } = contextOf(tokens);
    for (let e = 0; e + 1 < tokens.length; e++) {
      if (!afterBareNumber(words, 'STREET_ADDRESS', e, e + 1)) continue;
      for (const before of ['<s>', ...shipped.labels]) {
        for (const pll of ['<s>', ...shipped.labels]) {
          for (const f of bareNumberFeatures(words, shapes, newline, e, e + 1, before, pll)) weights.set(f, Float32Array.from(split));
        }
      }
    }
  }
  return { ...shipped, weights };
}

/** The shipped model with seeded pseudo-random weights on every continuation feature the texts can produce. */
function modelWithContinuationWeights(): TaggerModel {
  const shipped = shippedTagger();
  const weights = new Map(shipped.weights);
  let seed = 11;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 80 - 40;
  const types = ['', ...new Set(shipped.labels.filter((l) => l !== 'O').map((l) => l.slice(2)))];
  for (const text of TEXTS) {
    const tokens = tokenize(text);
    const { words, newline } = contextOf(tokens);
    for (let i = 1; i < tokens.length; i++) {
      const kind = continuationKind(words, newline, i);
      if (!kind) continue;
      for (let e = 0; e < i; e++) {
        for (const ft of types) for (const f of continuationFeatures(words, kind, e, ft)) weights.set(f, Float32Array.from(shipped.labels, random));
      }
    }
  }
  return { ...shipped, weights };
}

describe('bare-number place features', () => {
  it('fire only right after a place that so far is one bare number', () => {
    const words = ['at', '5049', 'harjukuja', '54'];
    expect(afterBareNumber(words, 'STREET_ADDRESS', 1, 2)).toBe(true);
    expect(afterBareNumber(words, 'STREET_ADDRESS', 1, 3)).toBe(false);
    expect(afterBareNumber(words, 'PERSON', 1, 2)).toBe(false);
    expect(afterBareNumber(words, 'STREET_ADDRESS', 2, 3)).toBe(false);
  });

  it('name the words before the number, the label before it and whether the street has its own number', () => {
    const tokens = tokenize('Kevin had given Alma his address: 5049 Harjukuja 54, SEINÄJOKI');
    const ctx = contextOf(tokens);
    const e = ctx.words.indexOf('5049');
    let state = START;
    for (let i = 0; i <= e; i++) state = nextState(ctx, state, i === e ? 'B-STREET_ADDRESS' : 'O', i);
    const features = tagFeatures(ctx, state, e + 1);
    expect(features).toContain('ns3=his|address|:');
    expect(features).toContain('ns2=address|:|Xx|o');
    expect(features).toContain('nsp=O||<s>|Xx');
    expect(features).toContain('nso=o|Xx');
    const afterName = tagFeatures(ctx, nextState(ctx, state, 'I-STREET_ADDRESS', e + 1), e + 2);
    expect(afterName.some((f) => f.startsWith('ns'))).toBe(false);
  });

  it('are scored the same by the fast search and the training search, and can split a block', () => {
    const model = modelWithBareNumberWeights();
    const shipped = shippedTagger();
    let changed = 0;
    for (const text of TEXTS) {
      const tokens = tokenize(text);
      const rx = regexTags(tokens, ruleFeatureSpans(text, ruleSpans(text)));
      for (const width of [1, 2, 3]) expect(decode(model, tokens, rx, width)).toEqual(referenceDecode(model, tokens, rx, width));
      if (JSON.stringify(decode(model, tokens, rx, 2)) !== JSON.stringify(decode(shipped, tokens, rx, 2))) changed++;
    }
    expect(changed).toBeGreaterThan(0);
  });

  it('and the features where a place may run over a line break or comma are scored the same by both searches', () => {
    const model = modelWithContinuationWeights();
    const words = ['5049', 'harjukuja', '54', ',', 'seinäjoki'];
    expect(continuationKind(words, [false, false, false, false, true], 4)).toBe('n');
    expect(continuationKind(words, [false, false, false, false, false], 3)).toBe(',');
    expect(continuationKind(words, [false, false, false, false, false], 2)).toBe('');
    const shipped = shippedTagger();
    let changed = 0;
    for (const text of TEXTS) {
      const tokens = tokenize(text);
      const rx = regexTags(tokens, ruleFeatureSpans(text, ruleSpans(text)));
      for (const width of [1, 2, 3]) expect(decode(model, tokens, rx, width)).toEqual(referenceDecode(model, tokens, rx, width));
      if (JSON.stringify(decode(model, tokens, rx, 2)) !== JSON.stringify(decode(shipped, tokens, rx, 2))) changed++;
    }
    expect(changed).toBeGreaterThan(0);
  });
});
