/**
 * Cross-validates the fast path over the six fold assignments the training report uses (salts cv, cv2, cv3,
 * BIPIA held out by category and by attack string) and prints each one's pooled recall and per-source
 * figures, the mean recall and the worst benign false-positive rate: a change to features or training is
 * judged on all six, not on the one reported split.
 *
 *   npx tsx scripts/injection-splits.ts [--data fixtures/data] [--folds 5] [--max-fpr 0.025] [--json out.json]
 *
 * L2= and EPOCHS= override the n-gram model's hyper-parameters, as in train-injection.ts.
 */
import { writeFileSync } from 'node:fs';
import { BENIGN_SOURCES, chooseFastCutoffs, fastScore, figuresAt } from './injection-cv-report.js';
import { crossValidate, DEFAULT_HYPER_PARAMS, type HyperParams } from './injection-cv.js';

const arg = (name: string, fallback: string): string => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1]! : fallback);
const dataDir = arg('--data', 'fixtures/data');
const folds = Number(arg('--folds', '5'));
const maxFpr = Number(arg('--max-fpr', '0.025'));
const HP: HyperParams = { ...DEFAULT_HYPER_PARAMS, l2: Number(process.env.L2 ?? DEFAULT_HYPER_PARAMS.l2), epochs: Number(process.env.EPOCHS ?? DEFAULT_HYPER_PARAMS.epochs) };
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

const results: Record<string, unknown>[] = [];
const recalls: number[] = [];
let worstFpr = 0;
for (const salt of ['cv', 'cv2', 'cv3']) {
  for (const grouping of ['category', 'attack'] as const) {
    const rows = await crossValidate(dataDir, folds, HP, false, grouping, salt);
    const cut = chooseFastCutoffs(rows, maxFpr);
    const f = figuresAt(rows, (r) => fastScore(r, cut), cut.medium);
    const rate = (s: string): number => f.bySource[s]?.rate ?? 0;
    const fprs = BENIGN_SOURCES.map(rate);
    worstFpr = Math.max(worstFpr, ...fprs);
    recalls.push(f.pooledRecall.rate);
    const bySource = Object.fromEntries(Object.entries(f.bySource).map(([k, s]) => [k, s.rate]));
    results.push({ salt, grouping, recall: f.pooledRecall.rate, bySource, cut });
    console.log(`${salt.padEnd(4)} ${grouping.padEnd(9)} recall ${pct(f.pooledRecall.rate)} | deepset+ ${pct(rate('deepset-positive'))} jailbreaks ${pct(rate('jailbreaks'))} bipia ${pct(rate('bipia-email-attack'))} | FPR deepset- ${pct(rate('deepset-negative'))} notinject ${pct(rate('notinject'))} goemotions ${pct(rate('goemotions'))} emails ${pct(rate('bipia-clean-email'))}`);
  }
}
const mean = recalls.reduce((a, b) => a + b, 0) / recalls.length;
console.log(`mean recall ${pct(mean)}, lowest ${pct(Math.min(...recalls))}, worst benign FPR ${pct(worstFpr)}`);
const out = arg('--json', '');
if (out) writeFileSync(out, `${JSON.stringify({ maxFpr, folds, hyperParams: HP, mean, worstFpr, results }, null, 2)}\n`);
