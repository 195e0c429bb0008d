import { describe, expect, it } from 'vitest';
import { builtinReflection, summarizePeriod } from '../../src/core/summary/index.js';
import { UsageError } from '../../src/core/errors.js';
import { FORTNIGHT_NOW, entryId, seededFortnight } from './fortnight.js';

const opts = { utcOffsetMinutes: 0 };

describe('summarizePeriod on the seeded fortnight', () => {
  const all = seededFortnight();

  it('counts the whole fortnight exactly', () => {
    const s = summarizePeriod(all, { from: '2024-05-01', to: '2024-05-14' }, [], FORTNIGHT_NOW, opts);
    expect(s.entries).toBe(13);
    expect(s.daysWritten).toBe(12);
    expect(s.streaks).toEqual({ current: 4, longest: 5 });
    expect(s.words).toBe(99); // 44 words on 1–7 May, 55 on 8–14 May, counted by hand
  });

  it('summarises the last week against the week before', () => {
    const s = summarizePeriod(all, { from: '2024-05-08', to: '2024-05-14' }, all, FORTNIGHT_NOW, opts);
    expect(s.entries).toBe(6);
    expect(s.daysWritten).toBe(6);
    expect(s.streaks).toEqual({ current: 4, longest: 4 });
    expect(s.timeOfDay).toEqual({ morning: 3, afternoon: 2, evening: 0, night: 1 });
    expect(s.mood.sparkline).toBe('▇▇·▆▅▄█');
    expect(s.mood.average).toBeCloseTo(0.4, 3);
    expect(s.mood.previousAverage).toBeCloseTo(-0.171, 3);
    expect(s.mood.best?.date).toBe('2024-05-14');
    expect(s.mood.hardest?.date).toBe('2024-05-13');
  });

  it('lists themes with their change and supporting entries', () => {
    const s = summarizePeriod(all, { from: '2024-05-08', to: '2024-05-14' }, all, FORTNIGHT_NOW, opts);
    const theme = (label: string) => s.topThemes.find((t) => t.label === label);
    expect(theme('running')).toMatchObject({ entries: 2, previousEntries: 1, change: 1, trend: 'up', entryIds: [entryId(8), entryId(13)] });
    expect(theme('Sarah')).toMatchObject({ entries: 2, previousEntries: 2, trend: 'same', entryIds: [entryId(9), entryId(13)] });
    expect(s.people.map((p) => p.label)).toEqual(['Sarah']);
    expect(s.places.map((p) => p.label)).toEqual(['river']);
    expect(s.notable).toEqual([
      { date: '2024-05-14', entryId: entryId(13), reason: 'best day', excerpt: 'Ran by the river at sunrise with Sarah.' },
      { date: '2024-05-13', entryId: entryId(12), reason: 'hardest day', excerpt: 'Could not sleep, worried about money.' },
      { date: '2024-05-08', entryId: entryId(8), reason: 'longest entry', excerpt: 'Running by the river again, the sun was out and I felt great.' },
    ]);
  });

  it('keeps the streak alive until the day ends', () => {
    const s = summarizePeriod(all.slice(0, 12), { from: '2024-05-08', to: '2024-05-14' }, all, FORTNIGHT_NOW, opts);
    expect(s.streaks.current).toBe(3);
  });

  it('writes a reflection only from the numbers and themes', () => {
    const s = summarizePeriod(all, { from: '2024-05-08', to: '2024-05-14' }, all, FORTNIGHT_NOW, opts);
    const text = builtinReflection(s).join(' ');
    expect(text).toContain('You wrote 6 entries (55 words) on 6 of 7 days.');
    expect(text).toContain('4-day streak');
    expect(text).toContain('lighter than the period before');
    expect(text).toContain('The brightest day was 2024-05-14; the hardest was 2024-05-13.');
    expect(text).toContain('Sarah');
    expect(builtinReflection(summarizePeriod([], { from: '2024-06-01', to: '2024-06-07' }, [], FORTNIGHT_NOW, opts))).toEqual(['You did not write between 2024-06-01 and 2024-06-07.']);
  });

  it('rejects a bad range', () => {
    expect(() => summarizePeriod(all, { from: '2024-05-10', to: '2024-05-01' }, [], FORTNIGHT_NOW)).toThrow(UsageError);
    expect(() => summarizePeriod(all, { from: 'last week', to: '2024-05-01' }, [], FORTNIGHT_NOW)).toThrow(UsageError);
  });
});
