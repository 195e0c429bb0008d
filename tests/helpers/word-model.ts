import { shippedTagger } from '../../src/security/pii/tagger.js';
import type { TaggerModel } from '../../src/security/pii/tagger-model.js';

/**
 * A model that gives each listed word its label (a B- label for the first of a run, the I- label after a word
 * of the same type) and every other word 'O': the rules after the tagger are tested on what it hands them.
 */
export function wordModel(words: Record<string, string>): TaggerModel {
  const { labels } = shippedTagger();
  const weights = new Map<string, number[]>([['b', labels.map((label) => (label === 'O' ? 10 : 0))]]);
  for (const [word, type] of Object.entries(words)) {
    weights.set(`w=${word}`, labels.map((label) => (label === `B-${type}` ? 100 : 0)));
    weights.set(`t-1|w=${word}`, labels.map((label) => (label === `I-${type}` ? 300 : 0)));
  }
  return { labels, weights };
}

