import { DisjointRanges } from './span-index.js';
import type { PiiSpan } from './types.js';

/** Validated and structured types win overlaps against NER guesses. */
const PRIORITY: Record<PiiSpan['type'], number> = {
  EMAIL: 10, URL: 9, IBAN: 10, CREDIT_CARD: 10, US_SSN: 9, IP_ADDRESS: 9, DATE_OF_BIRTH: 8, PHONE: 7,
  US_DRIVER_LICENSE: 7, ID_NUMBER: 7, USERNAME: 7, ZIP_CODE: 6, STREET_ADDRESS: 6, AGE: 6, DATE_TIME: 5, PERSON: 4, ORGANIZATION: 4,
  LOCATION: 3, TITLE: 3, NRP: 2, SECRET: 11, CRYPTO: 10,
};

function rank(s: PiiSpan): number {
  return PRIORITY[s.type] * 10 + s.confidence * 5 + Math.min(s.end - s.start, 60) / 60;
}

/** Keeps the best span of each overlapping group, then returns spans in text order. */
export function resolveOverlaps(spans: readonly PiiSpan[]): PiiSpan[] {
  const sorted = [...spans].sort((a, b) => rank(b) - rank(a));
  const kept: PiiSpan[] = [];
  const taken = new DisjointRanges<PiiSpan>();
  for (const s of sorted) {
    if (taken.overlapping(s.start, s.end)) continue;
    kept.push(s);
    taken.add(s);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
