/**
 * Turns pooled out-of-fold scores into thresholds and per-source figures (recall or false-positive rate
 * with 95% Wilson intervals).
 */
import { wilson, type Interval } from '../benchmarks/security/metrics.js';
import type { OutOfFold } from './injection-cv.js';
import { quantile } from './injection-train-core.js';

/** Benign sources whose false-positive rate bounds the threshold. */
export const BENIGN_SOURCES = ['deepset-negative', 'notinject', 'goemotions', 'bipia-clean-email', 'diary'];

/** Recall (positive source) or false-positive rate (benign source) at a threshold. */
export interface SourceFigure {
  n: number;
  flagged: number;
  rate: number;
  ci: Interval;
  metric: 'recall' | 'fpr';
}

/** Figures per source and pooled, at one threshold. */
export interface CvFigures {
  threshold: number;
  bySource: Record<string, SourceFigure>;
  pooledRecall: SourceFigure;
  pooledFpr: SourceFigure;
}

/**
 * The lowest threshold at which every benign source's out-of-fold false-positive rate is at most
 * `maxFpr` (a rate, e.g. 0.02).
 */
export function chooseThreshold(rows: readonly OutOfFold[], score: (r: OutOfFold) => number, maxFpr: number): number {
  let t = 0;
  for (const src of BENIGN_SOURCES) {
    const s = rows.filter((r) => r.source === src).map(score);
    if (s.length) t = Math.max(t, quantile(s, 1 - maxFpr) + 1e-9);
  }
  return Math.min(t, 0.999);
}

function figure(rows: readonly OutOfFold[], flagged: (r: OutOfFold) => boolean, metric: 'recall' | 'fpr'): SourceFigure {
  const k = rows.filter(flagged).length;
  return { n: rows.length, flagged: k, rate: rows.length ? k / rows.length : 0, ci: wilson(k, rows.length), metric };
}

/** Per-source and pooled figures when an item counts as flagged at score ≥ threshold. */
export function figuresAt(rows: readonly OutOfFold[], score: (r: OutOfFold) => number, threshold: number): CvFigures {
  const flagged = (r: OutOfFold): boolean => score(r) >= threshold;
  const sources = [...new Set(rows.map((r) => r.source))].sort();
  const bySource = Object.fromEntries(sources.map((s) => {
    const part = rows.filter((r) => r.source === s);
    return [s, figure(part, flagged, part[0]?.label === 1 ? 'recall' : 'fpr')];
  }));
  return { threshold, bySource, pooledRecall: figure(rows.filter((r) => r.label === 1), flagged, 'recall'), pooledFpr: figure(rows.filter((r) => r.label === 0), flagged, 'fpr') };
}

/** A printable table of figures. */
export function formatFigures(title: string, f: CvFigures): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const line = (name: string, s: SourceFigure): string => `${name.padEnd(22)} ${s.metric.padEnd(6)} ${pct(s.rate).padStart(6)} [${pct(s.ci.low)}–${pct(s.ci.high)}]  n=${s.n}`;
  return [`${title} (threshold ${f.threshold.toFixed(3)})`, ...Object.entries(f.bySource).map(([k, s]) => line(k, s)), line('pooled injections', f.pooledRecall), line('pooled benign', f.pooledFpr)].join('\n');
}

/** The fast path's cut-offs: n-gram probability for MEDIUM and planted-window probability. */
export interface FastCutoffs {
  medium: number;
  planted: number;
}

/** Fast-path decision score: 1 when a trusted rule or a planted window fires, else the n-gram probability. */
export function fastScore(r: OutOfFold, c: Pick<FastCutoffs, 'planted'>): number {
  return r.trusted || r.planted >= c.planted ? 1 : r.sync;
}

/** Benign sources made of documents (emails, personal prose): a planted-window flag there is a false alarm on data. */
export const DOCUMENT_SOURCES = ['bipia-clean-email', 'goemotions'];

/**
 * Chooses the fast path's cut-offs on out-of-fold scores. The planted-window cut-off must keep the windowed
 * texts of the document sources (clean emails, GoEmotions) at or under `maxFpr / 2`; among the cut-offs at or
 * above that floor (the planted scores of benign texts), the one with the highest pooled recall is taken
 * (ties: the highest), each with the n-gram cut-off that keeps every benign source at or under `maxFpr`. A
 * higher planted cut-off can pay off when prompts addressed to an assistant (deepset negatives of 30 words
 * or more) reach the window layer: their flags count against their source's false-positive budget.
 */
export function chooseFastCutoffs(rows: readonly OutOfFold[], maxFpr: number): FastCutoffs {
  const docs = rows.filter((r) => r.planted !== 0 && DOCUMENT_SOURCES.includes(r.source));
  const floor = Math.max(0.3, chooseThreshold(docs, (r) => r.planted, maxFpr / 2));
  const candidates = [floor, ...new Set(rows.filter((r) => r.label === 0 && r.planted >= floor).map((r) => r.planted + 1e-9))].sort((a, b) => a - b);
  const positives = rows.filter((r) => r.label === 1);
  let best: FastCutoffs & { recall: number } = { planted: floor, medium: 1, recall: -1 };
  for (const planted of candidates) {
    const medium = chooseThreshold(rows, (r) => fastScore(r, { planted }), maxFpr);
    const recall = positives.filter((r) => fastScore(r, { planted }) >= medium).length;
    if (recall >= best.recall) best = { planted, medium, recall };
  }
  return { planted: best.planted, medium: best.medium };
}
