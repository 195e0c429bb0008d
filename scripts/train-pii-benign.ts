/** How often benign short personal texts get a name, place or organisation span (used by train-pii-tagger.ts). */
import { detectPIIWith } from '../src/security/pii/detect-pii.js';
import type { TaggerModel } from '../src/security/pii/tagger-model.js';
import type { PiiType } from '../src/security/pii/types.js';
import { wilson } from '../benchmarks/security/metrics.js';

/** The span types that count as a name, place or organisation. */
const NAMED: ReadonlySet<PiiType> = new Set(['PERSON', 'LOCATION', 'ORGANIZATION', 'STREET_ADDRESS', 'ZIP_CODE']);

/** Share of texts with at least one named span, its 95% Wilson interval, the count, and per-type counts. */
export interface BenignFlagShare {
  texts: number;
  flagged: number;
  share: number;
  ci95: [number, number];
  byType: Record<string, number>;
}

/** Runs the detector with `model` over `texts` and counts the texts that get a name/place/org span. */
export function benignFlagShare(texts: readonly string[], model: TaggerModel): BenignFlagShare {
  let flagged = 0;
  const byType: Record<string, number> = {};
  for (const text of texts) {
    const named = detectPIIWith(text, {}, model).filter((s) => NAMED.has(s.type));
    if (named.length > 0) flagged++;
    for (const t of new Set(named.map((s) => s.type))) byType[t] = (byType[t] ?? 0) + 1;
  }
  const ci = wilson(flagged, texts.length);
  return { texts: texts.length, flagged, share: texts.length ? flagged / texts.length : 0, ci95: [ci.low, ci.high], byType };
}
