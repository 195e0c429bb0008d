import { createRng as seededRandom } from '../../src/core/prompts/rng.js';
/** The seeded PRNG (mulberry32) shared with the prompter. */
export { seededRandom };

const WORDS = (
  'the a and to of i was it in my that with for had but we at so on this she he they went about felt after ' +
  'today morning evening night work home walk coffee tea dinner lunch breakfast friend family mum dad sister ' +
  'brother partner meeting project deadline email call run river park garden book chapter film music song ' +
  'tired happy calm anxious hopeful stressed grateful quiet busy slow long short early late rain sun wind cold ' +
  'warm bright grey kitchen office train bus bike station market shop bread soup pasta salad apples letter ' +
  'plan list idea question answer worry hope dream sleep woke thought wrote read cooked cleaned talked laughed ' +
  'cried listened waited started finished tried missed remembered noticed decided needed wanted liked loved ' +
  'really very little much more still again maybe perhaps honestly later tomorrow yesterday week weekend month ' +
  'body back head knees lungs heart breath stretch yoga swim climb gym doctor appointment medicine headache'
).split(' ');

/** Tags the synthetic journal uses, in a skewed mix (earlier ones are more common). */
export const SYNTHETIC_TAGS = ['work', 'family', 'health', 'running', 'reading', 'sleep', 'travel', 'gratitude'] as const;

/** A word no generated text contains except where planted; no vocabulary word starts with it. */
export const PLANTED_WORD = 'quillwort';

/** One synthetic entry: text of about `words` words, tags and creation time. */
export interface SyntheticEntry {
  text: string;
  tags: string[];
  created: Date;
  planted: boolean;
}

/** Options of the synthetic journal. */
export interface SyntheticJournalOptions {
  seed?: number;
  /** Words per entry (about; ±20%). */
  words?: number;
  /** Every `plantEvery`-th entry contains PLANTED_WORD (100 gives 1%). */
  plantEvery?: number;
  /** Entries are spread uniformly over [from, to). */
  from?: Date;
  to?: Date;
}

/** Generate `count` deterministic synthetic entries (same options, same entries). */
export function* syntheticJournal(count: number, opts: SyntheticJournalOptions = {}): Generator<SyntheticEntry> {
  const rnd = seededRandom(opts.seed ?? 20250101);
  const words = opts.words ?? 100;
  const plantEvery = opts.plantEvery ?? 100;
  const from = (opts.from ?? new Date(Date.UTC(2019, 0, 1))).getTime();
  const to = (opts.to ?? new Date(Date.UTC(2024, 11, 31))).getTime();
  for (let i = 0; i < count; i += 1) {
    const n = Math.round(words * (0.8 + 0.4 * rnd()));
    const planted = i % plantEvery === plantEvery - 1;
    const plantAt = planted ? Math.floor(rnd() * n) : -1;
    const out: string[] = [];
    for (let w = 0; w < n; w += 1) {
      out.push(w === plantAt ? PLANTED_WORD : WORDS[Math.floor(rnd() * rnd() * WORDS.length)]!);
      if (w % 12 === 11) out[out.length - 1] += '.';
    }
    const tags = new Set<string>();
    const tagCount = Math.floor(rnd() * 3.2);
    for (let t = 0; t < tagCount; t += 1) tags.add(SYNTHETIC_TAGS[Math.floor(rnd() * rnd() * SYNTHETIC_TAGS.length)]!);
    const text = out.join(' ');
    yield { text: text.charAt(0).toUpperCase() + text.slice(1) + '.', tags: [...tags], created: new Date(from + Math.floor(rnd() * (to - from))), planted };
  }
}
