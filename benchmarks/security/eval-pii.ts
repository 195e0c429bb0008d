import { detectPII, type PiiSpan } from '../../src/security/pii/index.js';
import type { ConllSentence, PresidioRow } from './load-data.js';
import { SpanScorer, type SpanMetrics, type TypedSpan } from './span-scoring.js';

/**
 * presidio-synth label → the evaluation type it is scored as (presidio-evaluator's own grouping: GPE,
 * STREET_ADDRESS and ZIP_CODE are all LOCATION). Every label of the generator is mapped; a label missing
 * here is still scored (as itself), so a type the detector does not produce counts as misses.
 */
const GOLD_MAP: Record<string, string> = {
  PERSON: 'PERSON', GPE: 'LOCATION', STREET_ADDRESS: 'LOCATION', ZIP_CODE: 'LOCATION', ORGANIZATION: 'ORGANIZATION',
  CREDIT_CARD: 'CREDIT_CARD', PHONE_NUMBER: 'PHONE', DATE_TIME: 'DATE_TIME', EMAIL_ADDRESS: 'EMAIL',
  DOMAIN_NAME: 'URL', IBAN_CODE: 'IBAN', US_SSN: 'US_SSN', IP_ADDRESS: 'IP_ADDRESS', AGE: 'AGE', NRP: 'NRP',
  TITLE: 'TITLE', US_DRIVER_LICENSE: 'US_DRIVER_LICENSE',
};

/** Detector type → evaluation type. */
const PRED_MAP: Record<PiiSpan['type'], string> = {
  PERSON: 'PERSON', LOCATION: 'LOCATION', STREET_ADDRESS: 'LOCATION', ZIP_CODE: 'LOCATION', ORGANIZATION: 'ORGANIZATION',
  EMAIL: 'EMAIL', PHONE: 'PHONE', CREDIT_CARD: 'CREDIT_CARD', IBAN: 'IBAN', US_SSN: 'US_SSN', IP_ADDRESS: 'IP_ADDRESS',
  URL: 'URL', DATE_OF_BIRTH: 'DATE_TIME', DATE_TIME: 'DATE_TIME', AGE: 'AGE', NRP: 'NRP', SECRET: 'SECRET',
  TITLE: 'TITLE', US_DRIVER_LICENSE: 'US_DRIVER_LICENSE', ID_NUMBER: 'ID_NUMBER', USERNAME: 'USERNAME', CRYPTO: 'CRYPTO',
};

/** PII figures on presidio-synth: per evaluation type and overall, exact and overlap matching. */
export interface PiiEvaluation {
  dataset: string;
  sentences: number;
  exact: Record<string, SpanMetrics>;
  overlap: Record<string, SpanMetrics>;
  /** Gold labels with no entry in the label map, with their counts (scored as misses under their own name). */
  unmappedGold: Record<string, number>;
}

function trimmed(text: string, start: number, end: number): [number, number] {
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  return [start, end];
}

/** A presidio row's gold spans as evaluation types (whitespace trimmed); unmapped labels counted in `unmapped`. */
export function presidioGold(row: PresidioRow, unmapped: Record<string, number> = {}): TypedSpan[] {
  return row.spans.map((s) => {
    const type = GOLD_MAP[s.entity_type];
    if (!type) unmapped[s.entity_type] = (unmapped[s.entity_type] ?? 0) + 1;
    const [start, end] = trimmed(row.full_text, s.start_position, s.end_position);
    return { type: type ?? s.entity_type, start, end };
  });
}

/** Detector spans as evaluation types. */
export function asEvaluated(spans: readonly PiiSpan[]): TypedSpan[] {
  return spans.map((p) => ({ type: PRED_MAP[p.type], start: p.start, end: p.end }));
}

/** Scores a detector (default: detectPII) against presidio-synth gold spans. */
export function evaluatePresidio(rows: readonly PresidioRow[], detect: (text: string) => PiiSpan[] = (t) => detectPII(t)): PiiEvaluation {
  const exact = new SpanScorer('exact');
  const overlap = new SpanScorer('overlap');
  const unmappedGold: Record<string, number> = {};
  for (const row of rows) {
    const gold = presidioGold(row, unmappedGold);
    const predicted = asEvaluated(detect(row.full_text));
    exact.add(gold, predicted);
    overlap.add(gold, predicted);
  }
  return { dataset: 'presidio-synth', sentences: rows.length, exact: exact.result(), overlap: overlap.result(), unmappedGold };
}

/** WNUT-17 person and location figures (other WNUT classes and other PII types are ignored). */
export interface WnutEvaluation {
  dataset: string;
  sentences: number;
  exact: Record<string, SpanMetrics>;
  overlap: Record<string, SpanMetrics>;
}

/** Scores a detector's (default: detectPII) PERSON and LOCATION/STREET_ADDRESS on WNUT-17 (tokens joined by spaces). */
export function evaluateWnut(sentences: readonly ConllSentence[], detect: (text: string) => PiiSpan[] = (t) => detectPII(t)): WnutEvaluation {
  const exact = new SpanScorer('exact');
  const overlap = new SpanScorer('overlap');
  for (const s of sentences) {
    let text = '';
    const offsets: [number, number][] = [];
    for (const tok of s.tokens) {
      if (text) text += ' ';
      offsets.push([text.length, text.length + tok.length]);
      text += tok;
    }
    const gold: TypedSpan[] = [];
    s.tags.forEach((tag, i) => {
      const m = /^([BI])-(person|location)$/.exec(tag);
      const [start, end] = offsets[i]!;
      if (!m) return;
      const type = m[2] === 'person' ? 'PERSON' : 'LOCATION';
      const last = gold[gold.length - 1];
      if (m[1] === 'I' && last && last.type === type) last.end = end;
      else gold.push({ type, start, end });
    });
    const predicted = detect(text).filter((p) => p.type === 'PERSON' || p.type === 'LOCATION' || p.type === 'STREET_ADDRESS')
      .map((p) => ({ type: p.type === 'PERSON' ? 'PERSON' : 'LOCATION', start: p.start, end: p.end }));
    exact.add(gold, predicted);
    overlap.add(gold, predicted);
  }
  return { dataset: 'wnut17', sentences: sentences.length, exact: exact.result(), overlap: overlap.result() };
}
