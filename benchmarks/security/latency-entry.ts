/**
 * The synthetic diary entry of benchmarks/security/latency.ts (a few pieces of PII, one diary line with
 * attack words), shared with the equivalence checks that must cover it.
 */

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
