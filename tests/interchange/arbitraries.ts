import fc from 'fast-check';
import type { Entry, Mood } from '../../src/core/entry.js';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567'.split('');

/** JSON has no negative zero; a number that is -0 comes back as 0, which is the same measurement. */
const plainDouble = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((x) => x + 0);

/** An ISO 8601 timestamp with milliseconds and an offset, as Entry stores them (Z or ±HH:MM). */
export const isoWithOffset = fc
  .record({
    instant: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }),
    offsetMinutes: fc.integer({ min: -12 * 60, max: 14 * 60 }),
    zulu: fc.boolean(),
  })
  .map(({ instant, offsetMinutes, zulu }) => {
    if (zulu) return instant.toISOString();
    const shifted = new Date(instant.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
    const sign = offsetMinutes < 0 ? '-' : '+';
    const abs = Math.abs(offsetMinutes);
    return `${shifted}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  });

const mood: fc.Arbitrary<Mood> = fc.record({
  label: fc.constantFrom('positive', 'neutral', 'negative'),
  score: plainDouble(-1, 1),
  confidence: plainDouble(0, 1),
});

/** Any valid Entry, with arbitrary Unicode (lone surrogates included) in every free-text field. */
export const entry: fc.Arbitrary<Entry> = fc.record({
  id: fc.string({ unit: fc.constantFrom(...BASE32), minLength: 12, maxLength: 12 }),
  created: isoWithOffset,
  updated: isoWithOffset,
  revision: fc.integer({ min: 1, max: 1_000_000 }),
  text: fc.string({ unit: 'binary', maxLength: 300 }),
  tags: fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), { maxLength: 6 }),
  starred: fc.boolean(),
  promptUsed: fc.option(fc.string({ unit: 'binary', maxLength: 80 }), { nil: null }),
  wordCount: fc.nat({ max: 100_000 }),
  durationSeconds: fc.option(plainDouble(0, 1e7), { nil: null }),
  mood: fc.option(mood, { nil: null }),
  themes: fc.array(fc.string({ unit: 'grapheme', maxLength: 20 }), { maxLength: 4 }),
  analyzerVersion: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
});

/** A journal's worth of entries with distinct ids. */
export const entries = fc.uniqueArray(entry, { selector: (e) => e.id, maxLength: 25 });
