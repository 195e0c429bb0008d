import { detectInjection, detectInjectionDeep, type TextEmbedder } from '../../src/security/injection/index.js';
import { chooseFastCutoffs, fastScore, figuresAt, type CvFigures } from '../../scripts/injection-cv-report.js';
import { crossValidate, DEFAULT_HYPER_PARAMS } from '../../scripts/injection-cv.js';
import type { BipiaGrouping } from '../../scripts/injection-folds.js';
import { buildInjectionCorpus, type CorpusItem } from './injection-corpus.js';
import { addCounts, metricsFrom, ZERO, type BinaryMetrics, type Counts } from './metrics.js';

/** Which detection layers produced the figures. */
export interface EvaluatedLayers {
  rules: true;
  ngramModel: true;
  plantedInstructions: true;
  embeddingModel: boolean;
  attackSimilarity: boolean;
  /** The embedding layer's vote among the nearest known prompts (attacks and ordinary requests). */
  neighbourVote: boolean;
}

/** Injection figures: pooled over every source, and per source (recall for positive, FPR for negative sources). */
export interface InjectionEvaluation extends BinaryMetrics {
  /** A text counts as flagged at this risk or above. */
  flaggedAt: 'MEDIUM';
  /** The shipped model (trained on all of fixtures/data) scored every item of the directory. */
  model: 'shipped';
  layers: EvaluatedLayers;
  bySource: Record<string, BinaryMetrics>;
}

function sourceKey(it: CorpusItem): string {
  return `${it.source}${it.source === 'deepset' ? (it.label ? '-positive' : '-negative') : ''}`;
}

function tally(items: readonly CorpusItem[], flags: readonly boolean[], layers: EvaluatedLayers): InjectionEvaluation {
  const per = new Map<string, Counts>();
  let total: Counts = ZERO;
  items.forEach((it, i) => {
    const flagged = flags[i]!;
    const c: Counts = {
      tp: flagged && it.label === 1 ? 1 : 0, fn: !flagged && it.label === 1 ? 1 : 0,
      fp: flagged && it.label === 0 ? 1 : 0, tn: !flagged && it.label === 0 ? 1 : 0,
    };
    per.set(sourceKey(it), addCounts(per.get(sourceKey(it)) ?? ZERO, c));
    total = addCounts(total, c);
  });
  const bySource = Object.fromEntries([...per].map(([k, c]) => [k, metricsFrom(c)]));
  return { ...metricsFrom(total), flaggedAt: 'MEDIUM', model: 'shipped', layers, bySource };
}

const FAST_LAYERS: EvaluatedLayers = { rules: true, ngramModel: true, plantedInstructions: true, embeddingModel: false, attackSimilarity: false, neighbourVote: false };

/**
 * Scores the shipped detectInjection (fast path: rules, n-gram model, planted-instruction windows) on the
 * corpus built from `dir` (one carrier email per BIPIA attack). On fixtures/data these are training-set
 * figures; use {@link crossValidateInjection} for held-out estimates there.
 */
export function evaluateInjection(dir: string): InjectionEvaluation {
  const items = buildInjectionCorpus(dir, 1);
  return tally(items, items.map((it) => ['MEDIUM', 'HIGH'].includes(detectInjection(it.text).risk)), FAST_LAYERS);
}

/** As {@link evaluateInjection}, with the embedding layer on (detectInjectionDeep with `embedder`). */
export async function evaluateInjectionDeep(dir: string, embedder: TextEmbedder): Promise<InjectionEvaluation> {
  const items = buildInjectionCorpus(dir, 1);
  const flags: boolean[] = [];
  let neighbourVote = false;
  for (const it of items) {
    const r = await detectInjectionDeep(it.text, embedder);
    flags.push(['MEDIUM', 'HIGH'].includes(r.risk));
    neighbourVote ||= r.layers.neighbourVote;
  }
  return tally(items, flags, { ...FAST_LAYERS, embeddingModel: true, attackSimilarity: true, neighbourVote });
}

/**
 * Grouped k-fold cross-validation of the fast path on `dir` (training on k-1 folds, scoring the held-out
 * one, cut-offs chosen on the pooled out-of-fold scores so every benign source stays at or under `maxFpr`).
 * `bipia` says whether BIPIA attacks are held out by whole category (the default) or by attack string.
 */
export async function crossValidateInjection(dir: string, folds = 5, maxFpr = 0.025, bipia: BipiaGrouping = 'category'): Promise<CvFigures> {
  const rows = await crossValidate(dir, folds, DEFAULT_HYPER_PARAMS, false, bipia);
  const cut = chooseFastCutoffs(rows, maxFpr);
  return figuresAt(rows, (r) => fastScore(r, cut), cut.medium);
}
