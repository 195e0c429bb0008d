import { describe, expect, it } from 'vitest';
import { emotionalTrend, movingAverage } from '../../src/core/analysis/index.js';
import { UsageError } from '../../src/core/errors.js';
import { FORTNIGHT_NOW, seededFortnight } from './fortnight.js';

describe('emotionalTrend', () => {
  it('gives the daily series of the week ending today', () => {
    const trend = emotionalTrend(seededFortnight(), 'week', FORTNIGHT_NOW, { utcOffsetMinutes: 0 });
    expect(trend.from).toBe('2024-05-08');
    expect(trend.to).toBe('2024-05-14');
    expect(trend.days.map((d) => d.mood)).toEqual([0.6, 0.5, null, 0.4, 0.2, -0.1, 0.8]);
    expect(trend.days[2]?.entries).toBe(0);
  });

  it('compares the mean mood with the previous week', () => {
    const trend = emotionalTrend(seededFortnight(), 'week', FORTNIGHT_NOW, { utcOffsetMinutes: 0 });
    // previous week: days 1,2,3,5,6,7 → -0.4, 0, -0.6, 0.2, mean(-0.5, 0.1) = -0.2, 0 → mean -0.1667
    expect(trend.previousAverage).toBeCloseTo(-0.167, 3);
    expect(trend.average).toBeCloseTo(0.4, 3);
    expect(trend.change).toBeCloseTo(0.567, 3);
    expect(trend.direction).toBe('up');
  });

  it('averages two entries on one day and lists their ids', () => {
    const trend = emotionalTrend(seededFortnight(), { days: 14 }, FORTNIGHT_NOW, { utcOffsetMinutes: 0 });
    const sixth = trend.days.find((d) => d.date === '2024-05-06');
    expect(sixth?.mood).toBeCloseTo(-0.2, 3);
    expect(sixth?.entryIds).toHaveLength(2);
    expect(trend.previousAverage).toBeNull();
    expect(trend.direction).toBe('unknown');
  });

  it('uses the UTC offset to decide which day is today', () => {
    const trend = emotionalTrend(seededFortnight(), 'week', FORTNIGHT_NOW, { utcOffsetMinutes: 240 });
    expect(trend.to).toBe('2024-05-15');
  });

  it('computes a trailing moving average that skips empty days', () => {
    expect(movingAverage([1, null, 0, 0.5], 3)).toEqual([1, 1, 0.5, 0.25]);
    expect(movingAverage([null, null], 2)).toEqual([null, null]);
  });

  it('rejects a period that is not a whole number of days', () => {
    expect(() => emotionalTrend([], { days: 0 }, FORTNIGHT_NOW)).toThrow(UsageError);
  });
});
