import { UsageError } from '../errors.js';
import type { Mood } from '../entry.js';
import { QUESTION_DAMPING, isQuestion, neutraliseDiscourseWords } from './discourse.js';
import { replaceEmoji } from './emoji.js';
import { vaderCompound } from './vader-scorer.js';

/** Result of sentiment analysis: the same shape as an entry's mood. */
export type Sentiment = Mood;

/**
 * Label thresholds on the score: at or above `positive` is positive, at or below `-negative` is negative.
 * Chosen on the dev half of the GoEmotions group split with `npm run eval:insight -- --tune` (grid best 0.14 /
 * 0.02; 0.15 / 0.05 scores the same on the dev half and is less tied to one grid point).
 */
export const SENTIMENT_THRESHOLDS = { positive: 0.15, negative: 0.05 } as const;

/** Label thresholds as a plain pair, so the evaluation can score other choices. */
export interface SentimentThresholds {
  positive: number;
  negative: number;
}

const SENTENCE_SPLIT = /(?<=[.!?…])\s+|\n+/u;

/**
 * Score a text in [-1, 1]: VADER's compound per sentence (so a long entry does not saturate), combined as a
 * mean weighted towards the more strongly felt sentences. Emoji are turned into lexicon words first, words
 * used without feeling ("feels like", an opening "Well,") are neutralised, and questions count half.
 */
export function sentimentScore(text: string): number {
  const sentences = replaceEmoji(text)
    .split(SENTENCE_SPLIT)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  let weighted = 0;
  let weights = 0;
  for (const sentence of sentences) {
    const neutralised = neutraliseDiscourseWords(sentence);
    const raw = vaderCompound(neutralised);
    const compound = isQuestion(sentence) ? raw * QUESTION_DAMPING : raw;
    const weight = 0.5 + Math.abs(compound);
    weighted += compound * weight;
    weights += weight;
  }
  if (weights === 0) return 0;
  return Math.max(-1, Math.min(1, weighted / weights));
}

/** Turn a score into a label and a confidence for the given thresholds. */
export function labelScore(score: number, thresholds: SentimentThresholds = SENTIMENT_THRESHOLDS): Sentiment {
  const rounded = Math.round(score * 1000) / 1000;
  if (score >= thresholds.positive) {
    return { label: 'positive', score: rounded, confidence: marginConfidence(score - thresholds.positive, 1 - thresholds.positive) };
  }
  if (score <= -thresholds.negative) {
    return { label: 'negative', score: rounded, confidence: marginConfidence(-thresholds.negative - score, 1 - thresholds.negative) };
  }
  const toEdge = score >= 0 ? thresholds.positive - score : thresholds.negative + score;
  const halfWidth = score >= 0 ? thresholds.positive : thresholds.negative;
  return { label: 'neutral', score: rounded, confidence: marginConfidence(toEdge, halfWidth) };
}

/** Confidence in [0.5, 1]: 0.5 on a threshold, rising with the distance from it. */
function marginConfidence(margin: number, range: number): number {
  const fraction = range > 0 ? Math.max(0, Math.min(1, margin / range)) : 1;
  return Math.round((0.5 + 0.5 * fraction) * 1000) / 1000;
}

/**
 * Analyse the feeling of a text with VADER-class lexicon rules (negation, "but", intensifiers, capitals,
 * punctuation, emoji). Returns a label, a score in [-1, 1] and a confidence in [0.5, 1].
 * Throws UsageError for empty or blank text: an empty entry has no mood, not a neutral one.
 */
export function analyzeSentiment(text: string): Sentiment {
  if (text.trim().length === 0) {
    throw new UsageError('Cannot analyse the sentiment of an empty text.');
  }
  return labelScore(sentimentScore(text));
}
