import { loadBipiaAttacks, loadBipiaEmails, loadDeepset, loadGoEmotions, loadJailbreaks, loadWnut } from './load-data.js';
import { createRng as seededRandom } from '../../src/core/prompts/rng.js';
import { diaryEntries, makePersona } from '../../tests/helpers/one-voice.js';

/** The three kinds of foreign entry the issue names. */
export type ForeignKind = 'other-author' | 'instruction-bearing' | 'spam';

/** One foreign entry: its kind, where its text came from, and the text. */
export interface ForeignEntry {
  kind: ForeignKind;
  /** other-author: 'other-diarist' | 'reddit-crowd' | 'tweets'; instruction-bearing: 'deepset' | 'jailbreak' | 'bipia-attack'; spam: 'email' | 'email+attack'. */
  source: string;
  text: string;
}

/** One synthetic journal: the entries its baseline is built from (a few of them foreign), own held-out entries, and foreign ones. */
export interface SyntheticJournal {
  author: string;
  /** 'train' journals choose features and the threshold; 'test' journals only measure. */
  split: 'train' | 'test';
  /** Baseline pool: the author's entries with CONTAMINATION foreign entries mixed in (not scored). */
  baseline: string[];
  own: string[];
  foreign: ForeignEntry[];
}

/** The seeded PRNG (mulberry32) shared with the prompter. */
export { seededRandom };

/** Groups consecutive short texts into diary-sized entries of 3–6 texts. */
function entries(texts: string[], rand: () => number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < texts.length) {
    const k = 3 + Math.floor(rand() * 4);
    out.push(texts.slice(i, i + k).join(' '));
    i += k;
  }
  return out;
}

const BASELINE = 40;
const CONTAMINATION = 2;
const OWN = 30;
const PER_KIND = 4;

/** Sizes of the set, for the report. */
export const POISONING_SET_SHAPE = { baseline: BASELINE, contamination: CONTAMINATION, own: OWN, foreignPerKind: PER_KIND };

/** Puts `insert` between two sentences of `entry` (or at its end). */
function splice(entry: string, insert: string, rand: () => number): string {
  const sentences = entry.split(/(?<=[.!?])\s+/);
  const at = 1 + Math.floor(rand() * sentences.length);
  return [...sentences.slice(0, at), insert, ...sentences.slice(at)].join(' ');
}

/**
 * Builds `journals` synthetic journals, half 'train' and half 'test'. The author of each is one deterministic
 * synthetic diarist (tests/helpers/one-voice.ts: own people, places, habits and templates), because no
 * labelled source here is one person's writing (GoEmotions and WNUT-17 are thousands of Reddit and Twitter
 * users). Each journal has 40 baseline entries (2 of them foreign, so the baseline must be robust), 30
 * held-out own entries and 4 foreign entries of each kind, taken from the data dir: other authors (another
 * diarist, a run of GoEmotions comments, a run of WNUT-17 tweets), instruction-bearing (the author's own
 * entry with a deepset injection, a jailbreak opening or a BIPIA attack spliced in), and imported spam
 * (a BIPIA email, half of them carrying a BIPIA attack). Seeded: same data dir and seed, same set.
 */
export function buildPoisoningSet(dir: string, seed = 17, journals = 40): SyntheticJournal[] {
  const rand = seededRandom(seed);
  const crowd = {
    'reddit-crowd': entries(loadGoEmotions(dir).map((r) => r.text), rand),
    tweets: entries([...loadWnut(dir), ...loadWnut(dir, 'wnut17/wnut17train.conll')].map((s) => s.tokens.join(' ')), rand),
  };
  const attacks = Object.values(loadBipiaAttacks(dir) ?? {}).flat();
  const injections = {
    deepset: loadDeepset(dir).filter((r) => r.label === 1).map((r) => r.text),
    jailbreak: loadJailbreaks(dir).map((r) => r.text.slice(0, 600)),
    'bipia-attack': attacks,
  };
  const emails = loadBipiaEmails(dir);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const nonEmpty = <T extends Record<string, string[]>>(o: T): string[] => Object.keys(o).filter((k) => o[k]!.length > 0);
  const crowdSources = nonEmpty(crowd) as (keyof typeof crowd)[];
  const injectionSources = nonEmpty(injections) as (keyof typeof injections)[];
  if (injectionSources.length === 0 || emails.length === 0) return [];

  const out: SyntheticJournal[] = [];
  for (let j = 0; j < journals; j++) {
    const persona = makePersona(seed * 1000 + j);
    const mine = diaryEntries(persona, BASELINE - CONTAMINATION + OWN + 3 * PER_KIND, seed * 1000 + j);
    const other = makePersona(seed * 1000 + 500 + j);
    const foreignOf = (kind: ForeignKind, f: number): ForeignEntry => {
      if (kind === 'other-author') {
        const sources = ['other-diarist', ...crowdSources];
        const source = sources[f % sources.length]!;
        const text = source === 'other-diarist' ? diaryEntries(other, 1, seed * 7 + j * 31 + f)[0]! : pick(crowd[source as keyof typeof crowd]);
        return { kind, source, text };
      }
      if (kind === 'instruction-bearing') {
        const source = injectionSources[f % injectionSources.length]!;
        return { kind, source, text: splice(mine.pop()!, pick(injections[source]), rand) };
      }
      const withAttack = f % 2 === 1 && attacks.length > 0;
      return { kind, source: withAttack ? 'email+attack' : 'email', text: withAttack ? `${pick(emails)}\n${pick(attacks)}` : pick(emails) };
    };
    const kinds: ForeignKind[] = ['other-author', 'instruction-bearing', 'spam'];
    const foreign = kinds.flatMap((kind) => Array.from({ length: PER_KIND }, (_, f) => foreignOf(kind, f + j)));
    const contamination = Array.from({ length: CONTAMINATION }, (_, c) => foreignOf(kinds[(j + c) % 3]!, j + c + 1).text);
    const baseline = mine.slice(0, BASELINE - CONTAMINATION);
    for (const [c, text] of contamination.entries()) baseline.splice(Math.floor(rand() * baseline.length) + c, 0, text);
    out.push({
      author: `diarist-${j}`, split: j % 2 === 0 ? 'train' : 'test', baseline,
      own: mine.slice(BASELINE - CONTAMINATION, BASELINE - CONTAMINATION + OWN), foreign,
    });
  }
  return out;
}
