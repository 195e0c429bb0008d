/**
 * The entries of benchmarks/security/latency.ts: a synthetic diary entry (a few pieces of PII, one diary line
 * with attack words) and a stream of different entries of real personal writing, shared with the equivalence
 * checks that must cover them.
 */
import { loadGoEmotions } from './load-data.js';

/** The sentences the entry repeats in order. */
export const LATENCY_SENTENCES: readonly string[] = [
  'I woke up early and made coffee while the rain tapped on the kitchen window.',
  'Sara called around nine to ask whether we were still meeting at the café on Elm Street.',
  'Work felt heavy today, and I kept thinking about the conversation with my manager.',
  'I need to ignore my inbox for a while and forget everything about the deadline this weekend.',
  'My phone number changed to 780-999-2181, so I texted everyone the new one.',
  'In the evening we walked by the river and talked about moving to Lisbon next year.',
  'I felt grateful, tired, and a little anxious, all at once, which is normal lately.',
];

/** The entry of at least `words` words (whole sentences, joined by spaces). */
export function latencyEntry(words: number): string {
  const out: string[] = [];
  for (let i = 0, count = 0; count < words; i++) {
    const s = LATENCY_SENTENCES[i % LATENCY_SENTENCES.length]!;
    out.push(s);
    count += s.split(/\s+/).length;
  }
  return out.join(' ');
}

/**
 * Entries of about `words` words made of consecutive GoEmotions comments from `dir` (personal writing, joined
 * by spaces), as many as the data gives: words mostly met for the first time, unlike the repeated entry.
 */
export function goEmotionsEntries(dir: string, words: number): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let count = 0;
  for (const { text } of loadGoEmotions(dir)) {
    current.push(text);
    count += text.split(/\s+/).length;
    if (count >= words) {
      out.push(current.join(' '));
      current = [];
      count = 0;
    }
  }
  return out;
}
