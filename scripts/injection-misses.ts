/**
 * Prints what the fast path gets wrong under grouped cross-validation: every missed injection and every
 * flagged benign text, with the layer scores, so rules and features can be judged on real errors.
 *
 *   npx tsx scripts/injection-misses.ts [--data fixtures/data] [--folds 5] [--max-fpr 0.025] [--bipia category|attack] [--quiet]
 *
 * `--bipia attack` groups BIPIA attacks by attack string instead of by category (see injection-folds.ts).
 * `--quiet` prints only the figures. Texts are public benchmark data, never journal text.
 */
import { chooseFastCutoffs, fastScore, figuresAt, formatFigures } from './injection-cv-report.js';
import { crossValidate, DEFAULT_HYPER_PARAMS, type OutOfFold } from './injection-cv.js';
import type { BipiaGrouping } from './injection-folds.js';

const arg = (name: string, fallback: string): string => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1]! : fallback);
const dataDir = arg('--data', 'fixtures/data');
const folds = Number(arg('--folds', '5'));
const maxFpr = Number(arg('--max-fpr', '0.025'));
const grouping = arg('--bipia', 'category') as BipiaGrouping;
if (grouping !== 'category' && grouping !== 'attack') throw new Error(`--bipia must be category or attack, not ${grouping}`);

const rows = await crossValidate(dataDir, folds, DEFAULT_HYPER_PARAMS, false, grouping);
const cut = chooseFastCutoffs(rows, maxFpr);
const score = (r: OutOfFold): number => fastScore(r, cut);
const shown = (r: OutOfFold): string => (r.attack ?? r.text).replace(/\s+/g, ' ').slice(0, 220);
const line = (r: OutOfFold): string => `  ngram ${r.sync.toFixed(3)} planted ${r.planted.toFixed(3)} | ${shown(r)}`;
if (!process.argv.includes('--quiet')) {
  const sources = [...new Set(rows.map((r) => r.source))].sort();
  for (const src of sources) {
    const part = rows.filter((r) => r.source === src);
    const wrong = part.filter((r) => (r.label === 1 ? score(r) < cut.medium : score(r) >= cut.medium));
    if (!wrong.length) continue;
    console.log(`\n== ${src}: ${wrong.length} ${part[0]!.label ? 'missed' : 'flagged'} of ${part.length}`);
    for (const r of wrong.sort((a, b) => b.sync - a.sync)) console.log(line(r));
  }
}
console.log(`\n${formatFigures(`fast path, ${folds}-fold CV, BIPIA grouped by ${grouping} (planted cut-off ${cut.planted.toFixed(3)})`, figuresAt(rows, score, cut.medium))}`);
