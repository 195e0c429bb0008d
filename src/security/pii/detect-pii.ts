import { addressBlockSpans } from './address-block.js';
import { findNamedEntities } from './ner.js';
import { findPatternSpans } from './patterns.js';
import type { DetectPiiOptions, PiiSpan } from './types.js';

/** Validated and structured types win overlaps against NER guesses. */
const PRIORITY: Record<PiiSpan['type'], number> = {
  EMAIL: 10, URL: 9, IBAN: 10, CREDIT_CARD: 10, US_SSN: 9, IP_ADDRESS: 9, DATE_OF_BIRTH: 8, PHONE: 7,
  ZIP_CODE: 6, STREET_ADDRESS: 6, AGE: 6, DATE_TIME: 5, PERSON: 4, ORGANIZATION: 4, LOCATION: 3, NRP: 2, SECRET: 11,
};

function rank(s: PiiSpan): number {
  return PRIORITY[s.type] * 10 + s.confidence * 5 + Math.min(s.end - s.start, 60) / 60;
}

/** Keeps the best span of each overlapping group, then returns spans in text order. */
export function resolveOverlaps(spans: PiiSpan[]): PiiSpan[] {
  const sorted = [...spans].sort((a, b) => rank(b) - rank(a));
  const kept: PiiSpan[] = [];
  for (const s of sorted) {
    if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Finds personal data in `text`: validated regex recognisers (email, phone, card with Luhn, IBAN with
 * mod-97, SSN, IP, URL, addresses, dates of birth, ages) plus compromise NER for people, places and
 * organisations. Returns non-overlapping spans in text order; never throws on any string.
 */
export function detectPII(text: string, options: DetectPiiOptions = {}): PiiSpan[] {
  const spans = findPatternSpans(text);
  spans.push(...addressBlockSpans(text, spans.filter((s) => s.type === 'STREET_ADDRESS')));
  if (options.ner !== false) spans.push(...findNamedEntities(text));
  const min = options.minConfidence ?? 0;
  const allowed = options.types ? new Set(options.types) : undefined;
  return resolveOverlaps(spans.filter((s) => s.confidence >= min && (!allowed || allowed.has(s.type))));
}
