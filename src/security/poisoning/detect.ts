import type { StyleBaseline } from './baseline.js';
import { cosineDistance, type RobustStat } from './robust.js';
import { measureStyle, type ScalarStyle } from './style-features.js';
import { POISONING_WEIGHTS, type PoisoningWeights } from './weights.js';

/** Names of the measurements detectPoisoning compares with the baseline. */
export type PoisoningFeature = keyof ScalarStyle | 'functionWordDistance' | 'contentWordDistance' | 'newWordShare' | 'trigramDistance' | 'embeddingDistance';

/** Result of {@link detectPoisoning}. */
export interface PoisoningResult {
  /** Anomaly score, 0 or more (see {@link combineDeviations}); higher is less like the journal. */
  score: number;
  /** True when `score` is at or above the threshold (the entry should be quarantined). */
  anomalous: boolean;
  /** Human-readable reasons, largest deviation first (no journal text, only measurements). */
  reasons: string[];
  /** Each measurement's robust deviation from the journal's usual, in spreads (one-sided ones never below 0). */
  deviations: Partial<Record<PoisoningFeature, number>>;
}

/** Options of {@link detectPoisoning}. */
export interface PoisoningOptions {
  /** Score at or above which the entry is anomalous; default DEFAULT_POISONING_THRESHOLD. */
  threshold?: number;
  /** The entry's embedding (same model as the baseline's); used only when the baseline has a centroid. */
  embedding?: readonly number[];
}

/** Default quarantine threshold on the anomaly score, set for 1% false positives on training journals (benchmarks/security/eval-poisoning.ts). */
export const DEFAULT_POISONING_THRESHOLD = 4;

const LABELS: Record<PoisoningFeature, string> = {
  meanSentenceWords: 'sentence length', meanWordLength: 'word length', typeTokenRatio: 'vocabulary richness',
  firstPersonRate: 'use of "I/me/my"', secondPersonRate: 'use of "you"', punctuationRate: 'punctuation',
  exclamationQuestionRate: '"!" and "?"', uppercaseRate: 'capital letters', digitRate: 'digits', urlCount: 'links',
  nonAsciiRate: 'non-ASCII characters', injectionScore: 'instruction-like wording', contentWordDistance: 'vocabulary (names, places, topics)', newWordShare: 'words this journal never uses', spamCueRate: 'prices, mail headers and calls to action',
  functionWordDistance: 'function-word profile', trigramDistance: 'character patterns', embeddingDistance: 'meaning (embedding)',
};

/** Features where only "more" is suspicious. */
const ONE_SIDED = new Set<PoisoningFeature>(['secondPersonRate', 'exclamationQuestionRate', 'digitRate', 'urlCount', 'nonAsciiRate', 'injectionScore', 'spamCueRate', 'contentWordDistance', 'newWordShare', 'functionWordDistance', 'trigramDistance', 'embeddingDistance']);

/** Smallest spread each measurement is divided by, so a near-constant journal does not make every change extreme. */
const FLOORS: Partial<Record<PoisoningFeature, number>> = {
  urlCount: 0.5, injectionScore: 0.08, contentWordDistance: 0.02, newWordShare: 0.03, spamCueRate: 0.02, meanSentenceWords: 1, functionWordDistance: 0.02, trigramDistance: 0.02, embeddingDistance: 0.02,
};

const CAP = 12;

function sortedHas(sorted: readonly number[], x: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === x) return true;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function deviation(feature: PoisoningFeature, value: number, s: RobustStat): number {
  const z = (value - s.median) / Math.max(s.spread, FLOORS[feature] ?? 0.01, Math.abs(s.median) * 0.05);
  return Math.min(CAP, ONE_SIDED.has(feature) ? Math.max(0, z) : Math.abs(z));
}

/**
 * Combines deviations into one score with a fitted scorer (default: the one for whether an embedding
 * distance is present): bias plus weighted deviations and weighted three largest deviations, floored at 0.
 * At DEFAULT_POISONING_THRESHOLD, 1% of own entries were flagged on the training journals.
 */
export function combineDeviations(deviations: Partial<Record<PoisoningFeature, number>>, scorer?: PoisoningWeights): number {
  const w = scorer ?? (deviations.embeddingDistance === undefined ? POISONING_WEIGHTS.withoutEmbedding : POISONING_WEIGHTS.withEmbedding);
  const top = Object.values(deviations).sort((a, b) => b - a);
  let score = w.bias;
  for (const [k, z] of Object.entries(deviations)) score += (w.weights[k] ?? 0) * z;
  for (let i = 0; i < 3; i++) score += (w.weights[`top${i + 1}`] ?? 0) * (top[i] ?? 0);
  return Math.max(0, score);
}

/**
 * Scores how unlike the journal's own style `text` is: robust deviations of sentence and word length,
 * vocabulary, pronouns, punctuation, links, prices and calls to action, instruction-like wording, distance
 * from the journal's function-word and character-trigram profiles, and (when the baseline has one and
 * `options.embedding` is given) distance from its embedding centroid. Returns the score, whether it crosses
 * the threshold, the reasons and each deviation. A number as third argument is the threshold.
 */
export function detectPoisoning(text: string, baseline: StyleBaseline, options: PoisoningOptions | number = {}): PoisoningResult {
  const opts = typeof options === 'number' ? { threshold: options } : options;
  const style = measureStyle(text);
  const deviations: Partial<Record<PoisoningFeature, number>> = {};
  const values: Partial<Record<PoisoningFeature, number>> = {};
  for (const key of Object.keys(baseline.scalars) as (keyof ScalarStyle)[]) {
    values[key] = style.scalars[key];
    deviations[key] = deviation(key, style.scalars[key], baseline.scalars[key]);
  }
  values.functionWordDistance = cosineDistance(style.functionWords, baseline.functionWordCentroid);
  deviations.functionWordDistance = deviation('functionWordDistance', values.functionWordDistance, baseline.functionWordDistance);
  values.contentWordDistance = cosineDistance(style.contentWords, baseline.contentWordCentroid);
  deviations.contentWordDistance = deviation('contentWordDistance', values.contentWordDistance, baseline.contentWordDistance);
  if (style.vocabulary.length > 0) {
    values.newWordShare = style.vocabulary.filter((b) => !sortedHas(baseline.vocabularyBins, b)).length / style.vocabulary.length;
    deviations.newWordShare = deviation('newWordShare', values.newWordShare, baseline.newWordShare);
  }
  values.trigramDistance = cosineDistance(style.trigrams, baseline.trigramCentroid);
  deviations.trigramDistance = deviation('trigramDistance', values.trigramDistance, baseline.trigramDistance);
  if (baseline.embedding && opts.embedding && opts.embedding.length === baseline.embedding.centroid.length) {
    values.embeddingDistance = cosineDistance(opts.embedding, baseline.embedding.centroid);
    deviations.embeddingDistance = deviation('embeddingDistance', values.embeddingDistance, baseline.embedding.distance);
  }
  const score = combineDeviations(deviations);
  const reasons = (Object.entries(deviations) as [PoisoningFeature, number][])
    .filter(([, z]) => z >= 2.5).sort((a, b) => b[1] - a[1])
    .map(([k, z]) => {
      const s = k === 'functionWordDistance' ? baseline.functionWordDistance : k === 'contentWordDistance' ? baseline.contentWordDistance : k === 'newWordShare' ? baseline.newWordShare : k === 'trigramDistance' ? baseline.trigramDistance
        : k === 'embeddingDistance' ? baseline.embedding!.distance : baseline.scalars[k];
      const dir = k.endsWith('Distance') ? 'farther from' : k === 'newWordShare' ? 'more than' : values[k]! > s.median ? 'above' : 'below';
      return `${LABELS[k]} ${dir} this journal's usual (${values[k]!.toFixed(2)} vs ${s.median.toFixed(2)}, ${z.toFixed(1)} spreads)`;
    });
  const threshold = opts.threshold ?? DEFAULT_POISONING_THRESHOLD;
  return { score, anomalous: score >= threshold, reasons, deviations };
}
