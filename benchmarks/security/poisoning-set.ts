import { loadBipiaAttacks, loadBipiaEmails, loadDeepset, loadGoEmotions, loadJailbreaks, loadWnut } from './load-data.js';
import { createRng as seededRandom } from '../../src/core/prompts/rng.js';

/** One synthetic journal: baseline entries, own held-out entries, and foreign entries spliced in. */
export interface SyntheticJournal {
  author: string;
  baseline: string[];
  own: string[];
  foreign: { kind: 'other-author' | 'instruction-bearing' | 'spam'; text: string }[];
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
const OWN = 30;
const FOREIGN = 10;

/**
 * Builds journals from fixtures-style data. An "author" is one text source (GoEmotions Reddit comments,
 * WNUT-17 tweets), grouped into entries; each journal takes 40 baseline and 30 held-out own entries and 10
 * foreign ones: entries of the other source, own entries with an injection (deepset positive or the start of
 * a jailbreak) appended, and BIPIA emails carrying an attack (imported spam). Seeded: same data, same set.
 */
export function buildPoisoningSet(dir: string, seed = 17): SyntheticJournal[] {
  const rand = seededRandom(seed);
  const sources: Record<string, string[]> = {
    goemotions: entries(loadGoEmotions(dir).map((r) => r.text), rand),
    wnut17: entries([...loadWnut(dir), ...loadWnut(dir, 'wnut17/wnut17train.conll')].map((s) => s.tokens.join(' ')), rand),
  };
  const injections = [
    ...loadDeepset(dir).filter((r) => r.label === 1).map((r) => r.text),
    ...loadJailbreaks(dir).map((r) => r.text.slice(0, 600)),
  ];
  const emails = loadBipiaEmails(dir);
  const attacks = Object.values(loadBipiaAttacks(dir) ?? {}).flat();
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const journals: SyntheticJournal[] = [];
  const per = BASELINE + OWN + FOREIGN;
  for (const [author, pool] of Object.entries(sources)) {
    const others = Object.entries(sources).filter(([a]) => a !== author).flatMap(([, xs]) => xs);
    for (let j = 0; (j + 1) * per <= pool.length && j < 8; j++) {
      const slice = pool.slice(j * per, (j + 1) * per);
      const foreign: SyntheticJournal['foreign'] = [];
      for (let f = 0; f < FOREIGN; f++) {
        const kind = f % 3 === 0 ? 'other-author' : f % 3 === 1 ? 'instruction-bearing' : 'spam';
        if (kind === 'other-author' && others.length) foreign.push({ kind, text: pick(others) });
        else if (kind === 'instruction-bearing' && injections.length) foreign.push({ kind, text: `${slice[BASELINE + OWN + f]!} ${pick(injections)}` });
        else if (kind === 'spam' && emails.length && attacks.length) foreign.push({ kind, text: `${pick(emails)}\n${pick(attacks)}` });
      }
      journals.push({ author, baseline: slice.slice(0, BASELINE), own: slice.slice(BASELINE, BASELINE + OWN), foreign });
    }
  }
  return journals;
}
