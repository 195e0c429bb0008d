/**
 * Cross-validates the fast path over the six fold assignments the training report uses (salts cv, cv2, cv3,
 * BIPIA held out by category and by attack string) and prints each one's pooled recall and per-source
 * figures, the mean recall and the worst benign false-positive rate: a change to features or training is
 * judged on all six, not on the one reported split.
 *
 *   npx tsx scripts/injection-splits.ts [--data fixtures/data] [--folds 5] [--max-fpr 0.025] [--embeddings] [--deep-max-fpr 0.02] [--json out.json] [--rows rows.json]
 *
 * --embeddings also scores the whole detector (fast path plus the embedding layer, its combiner nested inside
 * each split's folds, as train-injection.ts reports it for the first split) on every split; its combiner
 * holds every benign source at --deep-max-fpr.
 *
 * --rows writes every split's out-of-fold rows (layer scores per text) to a file outside the repository, so
 * combiner and cut-off choices can be compared on all six splits without retraining (injection-combiner-cv.ts --rows FILE).
 *
 * L2= and EPOCHS= override the n-gram model's hyper-parameters, as in train-injection.ts.
 */
import { writeFileSync } from 'node:fs';
import { BENIGN_SOURCES, chooseFastCutoffs, fastScore, figuresAt, type CvFigures } from './injection-cv-report.js';
import { crossValidate, DEFAULT_HYPER_PARAMS, type HyperParams, type OutOfFold } from './injection-cv.js';
import { DEEP_MAX_FPR, fastHighCutoff, nestedDeepFigures } from './injection-stack.js';

const arg = (name: string, fallback: string): string => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1]! : fallback);
const dataDir = arg('--data', 'fixtures/data');
const folds = Number(arg('--folds', '5'));
const maxFpr = Number(arg('--max-fpr', '0.025'));
const deepMaxFpr = Number(arg('--deep-max-fpr', String(DEEP_MAX_FPR)));
const HP: HyperParams = { ...DEFAULT_HYPER_PARAMS, l2: Number(process.env.L2 ?? DEFAULT_HYPER_PARAMS.l2), epochs: Number(process.env.EPOCHS ?? DEFAULT_HYPER_PARAMS.epochs) };
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const withEmbeddings = process.argv.includes('--embeddings');

/** One line: pooled recall and each source's rate. */
function line(label: string, f: CvFigures): string {
  const rate = (s: string): number => f.bySource[s]?.rate ?? 0;
  return `${label} recall ${pct(f.pooledRecall.rate)} | deepset+ ${pct(rate('deepset-positive'))} jailbreaks ${pct(rate('jailbreaks'))} bipia ${pct(rate('bipia-email-attack'))} | FPR deepset- ${pct(rate('deepset-negative'))} notinject ${pct(rate('notinject'))} goemotions ${pct(rate('goemotions'))} emails ${pct(rate('bipia-clean-email'))} diary ${pct(rate('diary'))}`;
}

const deepRecalls: number[] = [];
let deepWorstFpr = 0;

const results: Record<string, unknown>[] = [];
const allRows: Record<string, OutOfFold[]> = {};
const recalls: number[] = [];
let worstFpr = 0;
for (const salt of ['cv', 'cv2', 'cv3']) {
  for (const grouping of ['category', 'attack'] as const) {
    const rows = await crossValidate(dataDir, folds, HP, withEmbeddings, grouping, salt);
    allRows[`${salt}/${grouping}`] = rows;
    const cut = chooseFastCutoffs(rows, maxFpr);
    const f = figuresAt(rows, (r) => fastScore(r, cut), cut.medium);
    const rate = (s: string): number => f.bySource[s]?.rate ?? 0;
    const fprs = BENIGN_SOURCES.map(rate);
    worstFpr = Math.max(worstFpr, ...fprs);
    recalls.push(f.pooledRecall.rate);
    const bySource = Object.fromEntries(Object.entries(f.bySource).map(([k, s]) => [k, s.rate]));
    const high = fastHighCutoff(rows, cut, maxFpr);
    const deep = withEmbeddings ? nestedDeepFigures(rows, cut, deepMaxFpr, (r) => r.trusted || r.sync >= high) : undefined;
    if (deep) {
      deepRecalls.push(deep.pooledRecall.rate);
      deepWorstFpr = Math.max(deepWorstFpr, ...BENIGN_SOURCES.map((s) => deep.bySource[s]?.rate ?? 0));
    }
    const deepBySource = deep ? Object.fromEntries(Object.entries(deep.bySource).map(([k, x]) => [k, x.rate])) : undefined;
    results.push({ salt, grouping, recall: f.pooledRecall.rate, bySource, cut, ...(deep ? { withEmbeddings: { recall: deep.pooledRecall.rate, bySource: deepBySource } } : {}) });
    console.log(line(`${salt.padEnd(4)} ${grouping.padEnd(9)}`, f));
    if (deep) console.log(line(`${''.padEnd(4)} + embeddings`, deep));
  }
}
const mean = recalls.reduce((a, b) => a + b, 0) / recalls.length;
console.log(`mean recall ${pct(mean)}, lowest ${pct(Math.min(...recalls))}, worst benign FPR ${pct(worstFpr)}`);
const deepMean = deepRecalls.length ? deepRecalls.reduce((a, b) => a + b, 0) / deepRecalls.length : undefined;
if (deepMean !== undefined) console.log(`with embeddings: mean recall ${pct(deepMean)}, lowest ${pct(Math.min(...deepRecalls))}, worst benign FPR ${pct(deepWorstFpr)}`);
const out = arg('--json', '');
if (out) writeFileSync(out, `${JSON.stringify({ maxFpr, deepMaxFpr, folds, hyperParams: HP, mean, worstFpr, ...(deepMean !== undefined ? { withEmbeddings: { mean: deepMean, worstFpr: deepWorstFpr } } : {}), results }, null, 2)}\n`);
const rowsOut = arg('--rows', '');
if (rowsOut) writeFileSync(rowsOut, JSON.stringify({ maxFpr, deepMaxFpr, splits: allRows }));
