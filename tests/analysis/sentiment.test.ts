import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from '../../src/core/analysis/sentiment.js';
import { UsageError } from '../../src/core/errors.js';

describe('analyzeSentiment', () => {
  it('labels plainly positive and negative text', () => {
    expect(analyzeSentiment('Today was a wonderful, happy day with friends.').label).toBe('positive');
    expect(analyzeSentiment('I feel awful and lonely tonight.').label).toBe('negative');
    expect(analyzeSentiment('I bought milk and took the bus to the office.').label).toBe('neutral');
  });

  it('flips the feeling under negation', () => {
    const plain = analyzeSentiment('The meeting was good.');
    const negated = analyzeSentiment('The meeting was not good.');
    expect(plain.label).toBe('positive');
    expect(negated.score).toBeLessThan(0);
    expect(negated.label).toBe('negative');
  });

  it('weighs the clause after "but" more than the one before', () => {
    const result = analyzeSentiment('The food was great but the evening was miserable.');
    expect(result.label).toBe('negative');
    const reversed = analyzeSentiment('The evening was miserable but the food was great.');
    expect(reversed.label).toBe('positive');
  });

  it('strengthens the score with intensifiers and capitals', () => {
    const base = analyzeSentiment('I am happy.').score;
    const boosted = analyzeSentiment('I am extremely happy.').score;
    const shouted = analyzeSentiment('I am HAPPY today.').score;
    expect(boosted).toBeGreaterThan(base);
    expect(shouted).toBeGreaterThan(analyzeSentiment('I am happy today.').score);
  });

  it('reads emoji as feelings', () => {
    expect(analyzeSentiment('Finished the marathon 🎉😊').label).toBe('positive');
    expect(analyzeSentiment('Missed the train again 😢').label).toBe('negative');
    expect(analyzeSentiment('Lunch 😡').score).toBeLessThan(0);
  });

  it('does not read comparison "like" as liking', () => {
    expect(analyzeSentiment('It looks like rain tomorrow.').label).toBe('neutral');
    expect(analyzeSentiment('I really like my new desk.').label).toBe('positive');
  });

  it('keeps score and confidence in range', () => {
    for (const text of ['ok', 'BEST DAY EVER!!!', 'worst worst worst', 'Was it good?']) {
      const r = analyzeSentiment(text);
      expect(r.score).toBeGreaterThanOrEqual(-1);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.confidence).toBeGreaterThanOrEqual(0.5);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('throws a UsageError for empty or blank text', () => {
    expect(() => analyzeSentiment('')).toThrow(UsageError);
    expect(() => analyzeSentiment('   \n\t')).toThrow(UsageError);
  });
});
