import { describe, expect, it } from 'vitest';
import type { PresidioRow } from '../../../benchmarks/security/load-data.js';
import { withRefilledSlots } from '../../../scripts/train-pii-augment.js';
import { rng } from '../../../scripts/train-pii-perceptron.js';

function row(text: string, ...spans: [string, string][]): PresidioRow {
  return {
    full_text: text,
    spans: spans.map(([type, value]) => ({ entity_type: type, entity_value: value, start_position: text.indexOf(value), end_position: text.indexOf(value) + value.length })),
  };
}

describe('training texts with their entity values swapped', () => {
  const rows = [
    row('Anna Berg works at Cloudmade in Oslo', ['PERSON', 'Anna Berg'], ['ORGANIZATION', 'Cloudmade'], ['GPE', 'Oslo']),
    row('have you heard nijito asano speak yet?', ['PERSON', 'nijito asano']),
    row('Billing address: Sara Schwarz\n 28245 Puruntie 82', ['PERSON', 'Sara Schwarz'], ['STREET_ADDRESS', '28245'], ['STREET_ADDRESS', 'Puruntie 82']),
    row('Card 4111 1111 1111 1111 was lost', ['CREDIT_CARD', '4111 1111 1111 1111']),
  ];

  it('keeps every span on its value and draws values of the same type from the rows given', () => {
    for (let seed = 1; seed <= 20; seed++) {
      for (const r of withRefilledSlots(rows, rng(seed))) {
        for (const s of r.spans) expect(r.full_text.slice(s.start_position, s.end_position)).toBe(s.entity_value);
        for (const s of r.spans.filter((x) => x.entity_type === 'PERSON')) {
          expect(['anna berg', 'nijito asano', 'sara schwarz']).toContain(s.entity_value.toLowerCase());
        }
      }
    }
  });

  it('writes a value in the case of the one it replaces, leaves other types alone and skips rows with nothing to swap', () => {
    const texts = Array.from({ length: 20 }, (_, seed) => withRefilledSlots(rows, rng(seed + 1))).flat();
    for (const r of texts.filter((x) => x.full_text.startsWith('have you heard'))) expect(r.full_text).toBe(r.full_text.toLowerCase());
    for (const r of texts.filter((x) => x.full_text.startsWith('Billing'))) expect(r.full_text).toMatch(/\n 28245 Puruntie 82$/);
    expect(texts.some((x) => x.full_text.startsWith('Card'))).toBe(false);
    expect(texts.some((x) => x.full_text !== rows[0]!.full_text && x.full_text.endsWith('in Oslo'))).toBe(true);
  });
});
