/**
 * Grouped k-fold splits of the injection corpus for cross-validation. Items are grouped by splitKey; BIPIA
 * is split two ways, by attack category and by carrier email, so a held-out positive is an unseen attack
 * category inside an unseen email (the grader's BIPIA split has other categories and other emails).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildInjectionCorpus, insertAttack, type CorpusItem, type InsertPosition } from '../benchmarks/security/injection-corpus.js';
import { loadBipiaAttacks, loadBipiaEmails } from '../benchmarks/security/load-data.js';
import { fnv1a } from '../src/security/injection/features.js';

/** One cross-validation fold: what to train on and what to score. */
export interface Fold {
  train: CorpusItem[];
  test: CorpusItem[];
}

const POSITIONS: InsertPosition[] = ['start', 'middle', 'end'];

/**
 * Hand-written diary lines that use an attack's words ("answer the question", "ignore", "prompt", "from now
 * on"), fixtures/diary-lines/lines.txt: benign training items of source 'diary', in every training set and
 * cross-validated like the other sources. DIARY_LINES=<file> reads another file, DIARY_LINES= (empty) none.
 */
export function loadDiaryLines(path = process.env.DIARY_LINES ?? fileURLToPath(new URL('../fixtures/diary-lines/lines.txt', import.meta.url))): CorpusItem[] {
  if (!path || !existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean)
    .map((text) => ({ text, label: 0 as const, source: 'diary', splitKey: `diary:${text}` }));
}

/** Fold (0..k-1) of a non-BIPIA item, from its splitKey; `salt` picks another assignment ('cv' is the reported one). */
export function foldOf(splitKey: string, k: number, salt = 'cv'): number {
  return (fnv1a(`${salt}:${splitKey}`) >>> 0) % k;
}

function attacksInEmails(attacks: [string, string][], emails: string[], carriers: number, salt: number): CorpusItem[] {
  const out: CorpusItem[] = [];
  if (!emails.length) return out;
  attacks.forEach(([category, attack], a) => {
    for (let c = 0; c < carriers; c++) {
      const idx = (a * 7 + c * 13 + salt) % emails.length;
      out.push({ text: insertAttack(emails[idx]!, attack, POSITIONS[(a + c + salt) % 3]!), label: 1, source: 'bipia-email-attack', splitKey: `bipia-category:${category}`, attack });
    }
  });
  return out;
}

/**
 * How BIPIA attacks are grouped into folds: by category (a held-out attack's whole category is unseen, like
 * BIPIA's own test file, whose categories differ from the train file's) or by attack string only (the same
 * category can sit on both sides). Carrier emails are held out either way.
 */
export type BipiaGrouping = 'category' | 'attack';

/**
 * Builds k folds from a data directory. Training sets carry each training attack in three training
 * emails; test sets carry each held-out attack in one held-out email (as the evaluation does). `salt`
 * reshuffles which fold each non-BIPIA item (and, grouped by attack, each attack) lands in.
 */
export function buildFolds(dir: string, k: number, grouping: BipiaGrouping = 'category', salt = 'cv'): Fold[] {
  const base = [...buildInjectionCorpus(dir, 0).filter((it) => it.source !== 'bipia-clean-email'), ...loadDiaryLines()];
  const emails = loadBipiaEmails(dir);
  const attacks = Object.entries(loadBipiaAttacks(dir) ?? {});
  const categories = attacks.map(([c]) => c).sort((a, b) => fnv1a(a) - fnv1a(b));
  const catFold = new Map(categories.map((c, i) => [c, i % k]));
  const pairs = attacks.flatMap(([c, list]) => list.map((a): [string, string] => [c, a]));
  const attackFold = ([c, a]: [string, string]): number => (grouping === 'category' ? catFold.get(c)! : foldOf(`bipia-attack:${a}`, k, salt));
  return Array.from({ length: k }, (_, f) => {
    const trainEmails = emails.filter((_, i) => i % k !== f);
    const testEmails = emails.filter((_, i) => i % k === f);
    const clean = (list: string[], offset: number): CorpusItem[] => list.map((text, i) => ({ text, label: 0, source: 'bipia-clean-email', splitKey: `email:${offset + i}` }));
    return {
      train: [
        ...base.filter((it) => foldOf(it.splitKey, k, salt) !== f), ...clean(trainEmails, 0),
        ...attacksInEmails(pairs.filter((p) => attackFold(p) !== f), trainEmails, 3, f),
      ],
      test: [
        ...base.filter((it) => foldOf(it.splitKey, k, salt) === f), ...clean(testEmails, 1000),
        ...attacksInEmails(pairs.filter((p) => attackFold(p) === f), testEmails, 1, f),
      ],
    };
  });
}

/** The whole corpus for the shipped model: every attack in three emails, every clean email, everything else, the diary lines. */
export function buildFullTraining(dir: string): CorpusItem[] {
  return [...buildInjectionCorpus(dir, 3), ...loadDiaryLines()];
}
