/**
 * The best-first list of a beam step's candidates, at most `width` long, in parallel arrays: the
 * hypothesis each extends, the label it adds and its score. Shared by the training search (tagger-beam.ts)
 * and the run-time search (tagger-search.ts) so both keep the same candidates in the same order.
 */
export interface BeamTop {
  from: Int32Array;
  labels: Int32Array;
  scores: Float64Array;
}

/** An empty list for beams of `width`. */
export function beamTop(width: number): BeamTop {
  return { from: new Int32Array(width), labels: new Int32Array(width), scores: new Float64Array(width) };
}

/**
 * Offers a candidate to a list holding `count` entries: it goes in at its rank (after equal scores, so
 * ties keep the earlier hypothesis and label) unless the list is full and it is no better than the last.
 * Returns the new count.
 */
export function offerCandidate(top: BeamTop, count: number, width: number, score: number, from: number, label: number): number {
  const { from: f, labels, scores } = top;
  if (count === width && score <= scores[width - 1]!) return count;
  let at = count < width ? count++ : width - 1;
  while (at > 0 && scores[at - 1]! < score) {
    f[at] = f[at - 1]!;
    labels[at] = labels[at - 1]!;
    scores[at] = scores[at - 1]!;
    at--;
  }
  f[at] = from;
  labels[at] = label;
  scores[at] = score;
  return count;
}
