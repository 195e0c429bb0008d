/**
 * Fits the embedding layer's combiner (src/security/injection/deep-model.ts) on out-of-fold scores, and
 * estimates its held-out figures by nesting: for each fold, the combiner and its threshold are fitted on
 * the other folds' out-of-fold scores and applied to the fold.
 */
import { combineDeep, type DeepCombiner } from '../src/security/injection/deep-model.js';
import type { OutOfFold } from './injection-cv.js';
import { BENIGN_SOURCES, chooseThreshold, figuresAt, type CvFigures, type FastCutoffs } from './injection-cv-report.js';
import { quantile } from './injection-train-core.js';

/**
 * The false-positive rate per benign source the combiner is fitted for (below the fast path's 2.5%): the
 * nested estimate runs above the inner folds' rate (up to 3.2% on deepset negatives at 2.5%).
 */
export const DEEP_MAX_FPR = 0.02;

/** Weights the combiner may give a document's off-topic request contrast. */
const CONTRAST_WEIGHTS = [0, 0.5, 1, 2];
/** Weights the combiner may give the neighbour vote (share of attacks among the nearest known prompts, less 0.5). */
const VOTE_WEIGHTS = [0, 1, 2, 4];
/**
 * Added to the off-topic request cut-off (logit units) above the benign documents of the training part:
 * with 40 training e-mails the quantile is their highest contrast, and an unseen e-mail must not pass it
 * by chance (margins 0 and 0.5 flagged 2 of 50 held-out clean e-mails on some splits; see SECURITY.md).
 */
export const CONTRAST_MARGIN = 1;

/**
 * The off-topic request cut-off: the lowest contrast at or above which every benign source keeps at most
 * `maxFpr` of its rows, plus CONTRAST_MARGIN.
 */
export function contrastCutoff(rows: readonly OutOfFold[], maxFpr: number): number {
  let t = 0;
  for (const src of BENIGN_SOURCES) {
    const s = rows.filter((r) => r.source === src).map((r) => r.contrast);
    if (s.length) t = Math.max(t, quantile(s, 1 - maxFpr));
  }
  return t + CONTRAST_MARGIN;
}

/**
 * Chooses the combiner: the fast path's logit plus `a` times the embedding model's logit plus `b` times the
 * similarity to known attacks plus `d` times a document's off-topic request contrast plus `e` times the
 * neighbour vote less 0.5 (a planted instruction, or a contrast at or above {@link contrastCutoff} at
 * `maxFpr / 2`, adds enough to flag), with `a`, `b`, `d` and `e` from a small grid
 * maximising pooled recall when every benign source is held at `maxFpr`. A plain sum of logits beat a
 * log-loss fit here because only the operating point matters. Embedding weights above 0.5 were dropped
 * from the grid: in nested cross-validation their cut-off did not carry over to the held-out fold (German
 * deepset negatives, which the English sentence encoder reads poorly, went over 3%).
 */
export function fitCombiner(rows: readonly OutOfFold[], c: FastCutoffs, maxFpr: number, fastHigh: (r: OutOfFold) => boolean): Omit<DeepCombiner, 'thresholds'> {
  let best: { comb: Omit<DeepCombiner, 'thresholds'>; recall: number } | undefined;
  const positives = rows.filter((r) => r.label === 1);
  const contrastCut = contrastCutoff(rows, maxFpr / 2);
  for (const a of [0.25, 0.5]) {
    for (const b of [0, 2, 4]) {
      for (const d of CONTRAST_WEIGHTS) {
        for (const e of VOTE_WEIGHTS) {
          const comb = { weights: { sync: 1, embedding: a, similarity: b, planted: 20, contrast: d, vote: e }, bias: 0, contrastCutoff: contrastCut };
          const score = (r: OutOfFold): number => (fastHigh(r) ? 1 : deepScore(r, comb, c));
          const t = chooseThreshold(rows, score, maxFpr);
          const recall = positives.filter((r) => score(r) >= t).length / Math.max(1, positives.length);
          if (!best || recall > best.recall) best = { comb, recall };
        }
      }
    }
  }
  return best!.comb;
}

/** Combined probability of one out-of-fold row under a fitted combiner. */
export function deepScore(r: OutOfFold, comb: Omit<DeepCombiner, 'thresholds'>, c: FastCutoffs): number {
  return combineDeep({ ...comb, thresholds: { low: 0, medium: 0, high: 0 } }, r.trusted ? 0.9999 : r.sync, r.emb, r.knn, r.planted >= c.planted, r.contrast, r.vote ?? 0.5);
}

/**
 * Nested estimate: each row's combined score and flag from a combiner and threshold fitted without its
 * fold; a row the fast path calls HIGH (`fastHigh`) stays flagged, as in detectInjectionDeep.
 */
export function nestedDeep(rows: readonly OutOfFold[], c: FastCutoffs, maxFpr: number, fastHigh: (r: OutOfFold) => boolean): { row: OutOfFold; score: number; flagged: boolean }[] {
  const folds = [...new Set(rows.map((r) => r.fold))];
  return folds.flatMap((f) => {
    const rest = rows.filter((r) => r.fold !== f);
    const comb = fitCombiner(rest, c, maxFpr, fastHigh);
    const t = chooseThreshold(rest, (r) => (fastHigh(r) ? 1 : deepScore(r, comb, c)), maxFpr);
    return rows.filter((r) => r.fold === f).map((row) => {
      const score = deepScore(row, comb, c);
      return { row, score, flagged: fastHigh(row) || score >= t };
    });
  });
}

/** The fast path's HIGH cut-off on out-of-fold scores: a quarter of `maxFpr` per benign source, above MEDIUM. */
export function fastHighCutoff(rows: readonly OutOfFold[], c: FastCutoffs, maxFpr: number): number {
  return Math.min(0.999, Math.max(c.medium + 0.01, chooseThreshold(rows, (r) => r.sync, maxFpr / 4)));
}

/** The whole detector's nested out-of-fold figures: a fast-path HIGH stands, below it {@link nestedDeep} decides. */
export function nestedDeepFigures(rows: readonly OutOfFold[], c: FastCutoffs, maxFpr: number, fastHigh: (r: OutOfFold) => boolean): CvFigures {
  const flagged = new Map(nestedDeep(rows, c, maxFpr, fastHigh).map((d) => [d.row, d.flagged ? 1 : 0]));
  return figuresAt(rows, (r) => flagged.get(r)!, 0.5);
}
