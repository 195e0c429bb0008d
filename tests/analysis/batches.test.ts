import { describe, expect, it } from 'vitest';
import { buildBm25, estimateTokens, itemTokens, planBatches, planReduce } from '../../src/core/summary/index.js';
import { makeEntry } from './fortnight.js';

const WORDS = 'walked the dog then worked on the report and called home about the weekend plans while the rain kept falling outside'.split(' ');

function entries(count: number, words: number) {
  return Array.from({ length: count }, (_, i) => {
    const text = Array.from({ length: words }, (_, w) => WORDS[(i * 7 + w) % WORDS.length]).join(' ');
    const day = String(1 + (i % 28)).padStart(2, '0');
    return makeEntry(i, `2024-03-${day}T${String(i % 24).padStart(2, '0')}:00:00Z`, `${text}.`, 0);
  });
}

describe('planBatches', () => {
  it('fits 200 entries into batches for a 4096-token context', () => {
    const list = entries(200, 150);
    const plan = planBatches(list, 4096, 1024);
    expect(plan.budget).toBe(3072);
    for (const batch of plan.batches) {
      const rendered = batch.items.map((i) => `[${i.date} ${i.id}]\n${i.text}\n\n`).join('');
      expect(batch.tokens).toBeLessThanOrEqual(3072);
      expect(batch.items.reduce((s, i) => s + itemTokens(i), 0)).toBe(batch.tokens);
      expect(estimateTokens(rendered)).toBeLessThanOrEqual(3072 + batch.items.length);
    }
    const ids = plan.batches.flatMap((b) => b.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(200);
    expect(plan.truncatedIds).toEqual([]);
    const rounds = planReduce(plan.batches.length, 300, 3072);
    expect(rounds.at(-1)).toHaveLength(1);
    for (const round of rounds) for (const group of round) expect(group * 300).toBeLessThanOrEqual(3072);
  });

  it('estimates tokens conservatively (at least one per 3 characters)', () => {
    const text = 'x'.repeat(900);
    expect(estimateTokens(text)).toBeGreaterThanOrEqual(300);
    expect(estimateTokens('a b c d e f')).toBeGreaterThanOrEqual(6);
  });

  it('truncates a single entry that cannot fit on its own', () => {
    const [long] = entries(1, 6000);
    const plan = planBatches(long ? [long] : [], 1024, 256);
    expect(plan.truncatedIds).toEqual([long?.id]);
    expect(plan.batches[0]?.tokens).toBeLessThanOrEqual(768);
    expect(plan.batches[0]?.items[0]?.text.endsWith('…')).toBe(true);
  });

  it('refuses a context too small for anything', () => {
    expect(() => planBatches([], 100, 90)).toThrow(/no room/);
  });
});

describe('BM25', () => {
  it('ranks a planted entry first for its question', () => {
    const list = entries(200, 60);
    const planted = makeEntry(999, '2024-03-15T10:00:00Z', 'We adopted a grey kitten from the shelter today and named her Miso.', 0.7);
    list.splice(117, 0, planted);
    const index = buildBm25(list);
    const top = index.rank('What did we name the kitten from the shelter?', 5);
    expect(top[0]?.id).toBe(planted.id);
    expect(top.length).toBeGreaterThanOrEqual(1);
  });

  it('returns nothing when no entry shares a term with the question', () => {
    expect(buildBm25(entries(20, 30)).rank('saxophone lessons', 5)).toEqual([]);
  });
});
