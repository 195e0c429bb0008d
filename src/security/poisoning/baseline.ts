import { cosine, measureStyle, type ScalarStyle, type StyleVector } from './style-features.js';

/** Mean and spread of one measurement over a journal's entries. */
interface Stat {
  mean: number;
  std: number;
}

/** A journal's writing style, built from its own entries (holds no journal text, only statistics). */
export interface StyleBaseline {
  entries: number;
  scalars: Record<keyof ScalarStyle, Stat>;
  functionWordCentroid: number[];
  trigramCentroid: number[];
  functionWordSimilarity: Stat;
  trigramSimilarity: Stat;
}

/** Result of {@link detectPoisoning}. */
export interface PoisoningResult {
  /** Anomaly score: the root mean square of the three largest deviations, in baseline standard deviations. */
  score: number;
  /** True when `score` is at or above the threshold (the entry should be quarantined). */
  anomalous: boolean;
  /** Human-readable reasons, largest deviation first. */
  reasons: string[];
}

/** Default quarantine threshold on the anomaly score. */
export const DEFAULT_POISONING_THRESHOLD = 4;

function stat(xs: number[]): Stat {
  const mean = xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length - 1);
  return { mean, std: Math.sqrt(variance) };
}

function centroid(vectors: Float64Array[]): Float64Array {
  const c = new Float64Array(vectors[0]?.length ?? 0);
  for (const v of vectors) for (let i = 0; i < c.length; i++) c[i]! += v[i]! / vectors.length;
  return c;
}

/** Builds a style baseline from a journal's entries (at least 5 give meaningful spreads). */
export function buildStyleBaseline(texts: readonly string[]): StyleBaseline {
  const styles: StyleVector[] = texts.map(measureStyle);
  const fwc = centroid(styles.map((s) => s.functionWords));
  const trc = centroid(styles.map((s) => s.trigrams));
  const keys = Object.keys(styles[0]?.scalars ?? measureStyle('').scalars) as (keyof ScalarStyle)[];
  const scalars = Object.fromEntries(keys.map((k) => [k, stat(styles.map((s) => s.scalars[k]))])) as Record<keyof ScalarStyle, Stat>;
  return {
    entries: texts.length, scalars, functionWordCentroid: [...fwc], trigramCentroid: [...trc],
    functionWordSimilarity: stat(styles.map((s) => cosine(s.functionWords, fwc))),
    trigramSimilarity: stat(styles.map((s) => cosine(s.trigrams, trc))),
  };
}

const LABELS: Record<keyof ScalarStyle, string> = {
  meanSentenceWords: 'sentence length', meanWordLength: 'word length', typeTokenRatio: 'vocabulary richness',
  firstPersonRate: 'use of "I/me/my"', secondPersonRate: 'use of "you"', punctuationRate: 'punctuation',
  exclamationQuestionRate: '"!" and "?"', uppercaseRate: 'capital letters', digitRate: 'digits', urlCount: 'links',
  nonAsciiRate: 'non-ASCII characters', injectionScore: 'instruction-like wording',
};

/** How far `value` is from `s`, in spreads; the floor keeps a near-constant baseline from exploding. */
function deviation(value: number, s: Stat, floor: number): number {
  return (value - s.mean) / Math.max(s.std, floor, Math.abs(s.mean) * 0.05);
}

/**
 * Scores how unlike the journal's own style `text` is: deviations of sentence and word length, vocabulary,
 * pronouns, punctuation, links and instruction-like wording, and dissimilarity of function-word and
 * character-trigram profiles. Returns the score, whether it crosses `threshold`, and the reasons.
 */
export function detectPoisoning(text: string, baseline: StyleBaseline, threshold = DEFAULT_POISONING_THRESHOLD): PoisoningResult {
  const style = measureStyle(text);
  const found: { z: number; reason: string }[] = [];
  for (const key of Object.keys(baseline.scalars) as (keyof ScalarStyle)[]) {
    const s = baseline.scalars[key];
    const floor = key === 'urlCount' ? 0.3 : key === 'injectionScore' ? 0.05 : 0.01;
    const z = deviation(style.scalars[key], s, floor);
    const oneSided = key === 'injectionScore' || key === 'urlCount' ? Math.max(0, z) : Math.abs(z);
    found.push({ z: Math.min(oneSided, 12), reason: `${LABELS[key]} ${z > 0 ? 'above' : 'below'} this journal's usual (${style.scalars[key].toFixed(2)} vs ${s.mean.toFixed(2)} ± ${s.std.toFixed(2)})` });
  }
  const fw = cosine(style.functionWords, Float64Array.from(baseline.functionWordCentroid));
  const tr = cosine(style.trigrams, Float64Array.from(baseline.trigramCentroid));
  found.push({ z: Math.min(12, Math.max(0, -deviation(fw, baseline.functionWordSimilarity, 0.02))), reason: `function-word profile unlike this journal's (similarity ${fw.toFixed(2)})` });
  found.push({ z: Math.min(12, Math.max(0, -deviation(tr, baseline.trigramSimilarity, 0.02))), reason: `character patterns unlike this journal's (similarity ${tr.toFixed(2)})` });
  found.sort((a, b) => b.z - a.z);
  const top = found.slice(0, 3);
  const score = Math.sqrt(top.reduce((a, f) => a + f.z * f.z, 0) / top.length);
  return { score, anomalous: score >= threshold, reasons: found.filter((f) => f.z >= 2.5).map((f) => f.reason) };
}
