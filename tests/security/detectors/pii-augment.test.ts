import { describe, expect, it } from 'vitest';
import { streetKind, withRefilledSlots } from '../../../scripts/train-pii-augment.js';
import { rng } from '../../../scripts/train-pii-perceptron.js';
import { presidioRow as row } from '../../helpers/presidio-row.js';

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

describe('street-address values swapped by kind', () => {
  it('tells bare numbers, unit lines and whole addresses of different outlines apart', () => {
    const kinds: Record<string, string> = {
      '28245': 'n',
      'Puruntie 82': 'wds',
      'Apt. 595': 'us',
      'P.O. Box 242': 'us',
      '31 Rue tachkent': 'dws',
      '6400 12 Timms Drive Suite 215 NUNGATTA Australia': 'ddl',
      '609 P.O. Box 186 Apt. 561, ALT-DIETMANNS, Austria': 'dwl,',
    };
    for (const [value, kind] of Object.entries(kinds)) expect(streetKind(value)).toBe(kind);
  });

  const rows = [
    row('The bus drops you off at 9383 ul. Chrzanowska 61 St.', ['STREET_ADDRESS', '9383'], ['STREET_ADDRESS', 'ul. Chrzanowska 61']),
    row('Please stop at 4823 Ringvej 144 St.', ['STREET_ADDRESS', '4823'], ['STREET_ADDRESS', 'Ringvej 144']),
    row('Anna lives at 28245 Puruntie 82, Kiel', ['PERSON', 'Anna'], ['STREET_ADDRESS', '28245'], ['STREET_ADDRESS', 'Puruntie 82'], ['GPE', 'Kiel']),
    row('The letter arrived at 6400 12 Timms Drive Suite 215 NUNGATTA Australia last night.', ['STREET_ADDRESS', '6400 12 Timms Drive Suite 215 NUNGATTA Australia']),
    row('Send it to 636 Rue De La Gare\n Apt. 271\n Canada', ['STREET_ADDRESS', '636 Rue De La Gare\n Apt. 271\n Canada']),
  ];

  it('swaps a street value only for one of the same kind, keeps bare building numbers and multi-line blocks, and only when asked', () => {
    const kinds = new Map(rows.flatMap((r) => r.spans.filter((s) => s.entity_type === 'STREET_ADDRESS').map((s) => [s.entity_value, streetKind(s.entity_value)] as const)));
    const texts = Array.from({ length: 30 }, (_, seed) => withRefilledSlots(rows, rng(seed + 1), true)).flat();
    let swapped = 0;
    for (const r of texts) {
      for (const s of r.spans) expect(r.full_text.slice(s.start_position, s.end_position)).toBe(s.entity_value);
      const source = rows.find((x) => x.full_text.slice(0, 12) === r.full_text.slice(0, 12))!;
      r.spans.forEach((s, i) => {
        if (s.entity_type !== 'STREET_ADDRESS') return;
        const was = [...source.spans].sort((a, b) => a.start_position - b.start_position)[i]!.entity_value;
        expect(kinds.get(s.entity_value)).toBe(streetKind(was));
        if (streetKind(was) === 'n') expect(s.entity_value).toBe(was);
        if (s.entity_value !== was) swapped++;
      });
    }
    expect(swapped).toBeGreaterThan(0);
    expect(texts.some((r) => r.full_text.startsWith('Send it to') && r.full_text !== rows[4]!.full_text)).toBe(false);
    expect(texts.filter((r) => r.full_text.startsWith('The letter'))).toEqual([]);
    const plain = Array.from({ length: 30 }, (_, seed) => withRefilledSlots(rows, rng(seed + 1))).flat();
    expect(plain.filter((r) => !r.full_text.startsWith('Anna'))).toEqual([]);
  });
});
