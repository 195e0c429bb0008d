import { detectInjection } from '../../src/security/injection/index.js';
import { buildInjectionCorpus, splitOf, type CorpusItem } from './injection-corpus.js';
import { addCounts, metricsFrom, ZERO, type BinaryMetrics, type Counts } from './metrics.js';

/** Injection figures: pooled over every source, and per source (recall for positive, FPR for negative sources). */
export interface InjectionEvaluation extends BinaryMetrics {
  /** A text counts as flagged at this risk or above. */
  flaggedAt: 'MEDIUM';
  split: 'all' | 'val';
  bySource: Record<string, BinaryMetrics>;
}

/**
 * Scores detectInjection on the corpus built from `dir` (one carrier email per BIPIA attack). `split: 'val'`
 * keeps only the validation split the shipped model was not trained on (meaningful for fixtures/data).
 */
export function evaluateInjection(dir: string, split: 'all' | 'val' = 'all'): InjectionEvaluation {
  const items: CorpusItem[] = buildInjectionCorpus(dir, 1).filter((it) => split === 'all' || splitOf(it) === 'val');
  const per = new Map<string, Counts>();
  let total: Counts = ZERO;
  for (const it of items) {
    const r = detectInjection(it.text);
    const flagged = r.risk === 'MEDIUM' || r.risk === 'HIGH';
    const c: Counts = {
      tp: flagged && it.label === 1 ? 1 : 0, fn: !flagged && it.label === 1 ? 1 : 0,
      fp: flagged && it.label === 0 ? 1 : 0, tn: !flagged && it.label === 0 ? 1 : 0,
    };
    const key = `${it.source}${it.source === 'deepset' ? (it.label ? '-positive' : '-negative') : ''}`;
    per.set(key, addCounts(per.get(key) ?? ZERO, c));
    total = addCounts(total, c);
  }
  const bySource = Object.fromEntries([...per].map(([k, c]) => [k, metricsFrom(c)]));
  return { ...metricsFrom(total), flaggedAt: 'MEDIUM', split, bySource };
}
