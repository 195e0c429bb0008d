import { wilson, type Interval } from './metrics.js';

/** A typed character span, gold or predicted. */
export interface TypedSpan {
  type: string;
  start: number;
  end: number;
}

/** Span-level figures for one type (or overall): fractions in [0, 1], with 95% Wilson intervals. */
export interface SpanMetrics {
  precision: number;
  recall: number;
  f1: number;
  /** Gold spans. */
  n: number;
  predicted: number;
  matchedGold: number;
  matchedPredicted: number;
  precisionCI: Interval;
  recallCI: Interval;
}

/** Running match counts of one type. */
interface Tally {
  gold: number;
  pred: number;
  matchedGold: number;
  matchedPred: number;
}

/** Accumulates exact- or overlap-matched spans per type across documents. */
export class SpanScorer {
  private readonly tallies = new Map<string, Tally>();

  constructor(private readonly mode: 'exact' | 'overlap') {}

  private tally(type: string): Tally {
    let t = this.tallies.get(type);
    if (!t) this.tallies.set(type, (t = { gold: 0, pred: 0, matchedGold: 0, matchedPred: 0 }));
    return t;
  }

  private matches(a: TypedSpan, b: TypedSpan): boolean {
    if (a.type !== b.type) return false;
    return this.mode === 'exact' ? a.start === b.start && a.end === b.end : a.start < b.end && b.start < a.end;
  }

  /** Scores one document's gold and predicted spans. */
  add(gold: readonly TypedSpan[], predicted: readonly TypedSpan[]): void {
    for (const g of gold) {
      const t = this.tally(g.type);
      t.gold++;
      if (predicted.some((p) => this.matches(g, p))) t.matchedGold++;
    }
    for (const p of predicted) {
      const t = this.tally(p.type);
      t.pred++;
      if (gold.some((g) => this.matches(g, p))) t.matchedPred++;
    }
  }

  /** Figures per type plus `overall` (micro-averaged over every type seen). */
  result(): Record<string, SpanMetrics> {
    const out: Record<string, SpanMetrics> = {};
    const total: Tally = { gold: 0, pred: 0, matchedGold: 0, matchedPred: 0 };
    for (const [type, t] of [...this.tallies].sort(([a], [b]) => a.localeCompare(b))) {
      out[type] = toMetrics(t);
      total.gold += t.gold;
      total.pred += t.pred;
      total.matchedGold += t.matchedGold;
      total.matchedPred += t.matchedPred;
    }
    out.overall = toMetrics(total);
    return out;
  }
}

function toMetrics(t: Tally): SpanMetrics {
  const precision = t.pred === 0 ? 0 : t.matchedPred / t.pred;
  const recall = t.gold === 0 ? 0 : t.matchedGold / t.gold;
  return {
    precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    n: t.gold, predicted: t.pred, matchedGold: t.matchedGold, matchedPredicted: t.matchedPred,
    precisionCI: wilson(t.matchedPred, t.pred), recallCI: wilson(t.matchedGold, t.gold),
  };
}
