import type { PresidioRow } from '../../benchmarks/security/load-data.js';

/** A presidio-synth row of `text` whose spans are [type, value] pairs, each at the value's first occurrence. */
export function presidioRow(text: string, ...spans: [string, string][]): PresidioRow {
  return {
    full_text: text,
    spans: spans.map(([type, value]) => ({ entity_type: type, entity_value: value, start_position: text.indexOf(value), end_position: text.indexOf(value) + value.length })),
  };
}
