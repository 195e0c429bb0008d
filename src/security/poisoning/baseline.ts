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
  trigramCentroid: number[];
  trigramDistance: RobustStat;
  /** Present when the baseline was built with one embedding per entry. */
  embedding?: EmbeddingBaseline;
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
  const tri = robustCentroid(styles.map((s) => s.trigrams));
  const emb = embeddings && embeddings.length > 0 ? robustCentroid(embeddings) : undefined;
  return {
    entries: texts.length, scalars,
    functionWordCentroid: fw.centroid, functionWordDistance: fw.distance,
    contentWordCentroid: content.centroid, contentWordDistance: content.distance,
    trigramCentroid: tri.centroid, trigramDistance: tri.distance,
    ...(emb ? { embedding: { centroid: emb.centroid, distance: emb.distance } } : {}),
  };
}
