/** Types for the untyped `vader-sentiment` package (Apache-2.0 JavaScript port of VADER, Hutto & Gilbert 2014). */
declare module 'vader-sentiment' {
  /** VADER polarity scores: proportions of negative, neutral and positive text, and the normalised compound. */
  export interface PolarityScores {
    neg: number;
    neu: number;
    pos: number;
    compound: number;
  }
  /** The analyzer: a class with a static scorer. */
  export const SentimentIntensityAnalyzer: {
    polarity_scores(text: string): PolarityScores;
  };
}
