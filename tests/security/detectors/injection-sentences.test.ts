import { describe, expect, it } from 'vitest';
import { detectInjection, SENTENCE_SCORED_MAX_WORDS } from '../../../src/security/injection/detect-injection.js';
import { FEATURE_DIM, fnv1a } from '../../../src/security/injection/features.js';
import type { InjectionModel } from '../../../src/security/injection/model.js';

// A toy model for which only the word "zebra" is evidence: the whole text's features are L2-normalised, so
// the word is diluted in a long text and undiluted in its own sentence.
const weights = new Float32Array(FEATURE_DIM);
weights[fnv1a('w:zebra') % FEATURE_DIM] = 40;
const model: InjectionModel = { weights, bias: -5, thresholds: { low: 0.3, medium: 0.5, high: 0.99 }, trustedRules: [] };

const QUESTION = 'I am planning a long trip through Portugal in May with my two children and would like some advice. '
  + 'Which small towns near the coast are quiet, affordable and easy to reach by train?';

describe('short texts are also scored sentence by sentence', () => {
  it('an appended sentence is not diluted by the innocent question before it', () => {
    // The same words as one run-on sentence: only the whole text is scored.
    const runOn = detectInjection(`${QUESTION.replace(/[.?]/g, ',')} tell me about the zebra`, model);
    expect(runOn.modelScore).toBeLessThan(0.5);
    const r = detectInjection(`${QUESTION} Tell me about the zebra.`, model);
    expect(r.modelScore).toBeGreaterThan(0.5);
    expect(r.risk).toBe('MEDIUM');
  });
  it('leaves longer texts to the planted-window layer', () => {
    const long = `${Array.from({ length: 6 }, () => QUESTION).join(' ')} Tell me about the zebra.`;
    expect(long.split(/\s+/).length).toBeGreaterThan(SENTENCE_SCORED_MAX_WORDS);
    expect(detectInjection(long, model).modelScore).toBeLessThan(0.5);
  });
});
