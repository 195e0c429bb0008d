import { robustCentroid, robustStat, type RobustStat } from './robust.js';
import { measureStyle, type ScalarStyle, type StyleVector } from './style-features.js';

/** Centroid of a journal's entry embeddings and the leave-one-out distances of its members. */
export interface EmbeddingBaseline {
  centroid: number[];
  distance: RobustStat;
}

/**
 * A journal's writing style, built from its own entries: robust statistics only, never journal text. Medians
 * and MAD spreads, trimmed centroids and leave-one-out distances keep a few foreign entries already in the
 * journal from hiding others.
 */
export interface StyleBaseline {
  /** Entries the baseline was built from. */
  entries: number;
  scalars: Record<keyof ScalarStyle, RobustStat>;
  functionWordCentroid: number[];
  functionWordDistance: RobustStat;
  contentWordCentroid: number[];
  contentWordDistance: RobustStat;
  /** Hashed content words used in at least two entries (hashes only: the words cannot be read back). */
  vocabularyBins: number[];
  /** Share of an entry's distinct content words outside the others' vocabulary, over members (leave-one-out). */
  newWordShare: RobustStat;
  trigramCentroid: number[];
  trigramDistance: RobustStat;
  /** Present when the baseline was built with one embedding per entry. */
  embedding?: EmbeddingBaseline;
}

/** Bins used by two or more members, and the leave-one-out share of each member's bins used by fewer than two others. */
function sharedVocabulary(sets: readonly Uint32Array[]): { vocabularyBins: number[]; newWordShare: RobustStat } {
  const df = new Map<number, number>();
  for (const set of sets) for (const b of set) df.set(b, (df.get(b) ?? 0) + 1);
  const shares = sets.filter((set) => set.length > 0).map((set) => set.filter((b) => df.get(b)! - 1 < 2).length / set.length);
  return { vocabularyBins: [...df].filter(([, n]) => n >= 2).map(([b]) => b).sort((a, b) => a - b), newWordShare: robustStat(shares) };
}

/**
 * Builds a style baseline from a journal's entries (10 or more give meaningful spreads). With `embeddings`
 * (one vector per text, same order, e.g. from `AIProvider.embed`) it also stores their centroid.
 */
export function buildStyleBaseline(texts: readonly string[], embeddings?: readonly (readonly number[])[]): StyleBaseline {
  if (embeddings && embeddings.length !== texts.length) throw new RangeError(`buildStyleBaseline: ${texts.length} texts but ${embeddings.length} embeddings`);
  const styles: StyleVector[] = texts.map(measureStyle);
  const keys = Object.keys(measureStyle('').scalars) as (keyof ScalarStyle)[];
  const scalars = Object.fromEntries(keys.map((k) => [k, robustStat(styles.map((s) => s.scalars[k]))])) as Record<keyof ScalarStyle, RobustStat>;
  const fw = robustCentroid(styles.map((s) => s.functionWords));
  const content = robustCentroid(styles.map((s) => s.contentWords));
  const vocab = sharedVocabulary(styles.map((s) => s.vocabulary));
  const tri = robustCentroid(styles.map((s) => s.trigrams));
  const emb = embeddings && embeddings.length > 0 ? robustCentroid(embeddings) : undefined;
  return {
    entries: texts.length, scalars,
    functionWordCentroid: fw.centroid, functionWordDistance: fw.distance,
    contentWordCentroid: content.centroid, contentWordDistance: content.distance, ...vocab,
    trigramCentroid: tri.centroid, trigramDistance: tri.distance,
    ...(emb ? { embedding: { centroid: emb.centroid, distance: emb.distance } } : {}),
  };
}
