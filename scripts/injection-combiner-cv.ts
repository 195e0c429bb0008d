/**
 * Scores the whole injection detector on the six fold assignments from out-of-fold rows stored by
 * `injection-splits.ts --embeddings --rows FILE`, without retraining any layer: the fast path's cut-offs and
 * the embedding layer's combiner are fitted exactly as injection-splits.ts fits them (the combiner nested
 * inside each split's folds), so a change to the combiner or its cut-offs is judged on all six splits in
 * seconds instead of minutes. The layers' scores in the file must come from the current layers.
 *
 *   npx tsx scripts/injection-combiner-cv.ts --rows rows.json [--max-fpr 0.025] [--deep-max-fpr 0.02] [--no-vote]
 *
 * --no-vote drops the neighbour vote from every row (the combiner before round 6).
 */
import { readFileSync } from 'node:fs';
import { BENIGN_SOURCES, chooseFastCutoffs, type CvFigures } from './injection-cv-report.js';
import type { OutOfFold } from './injection-cv.js';
import { DEEP_MAX_FPR, fastHighCutoff, nestedDeepFigures } from './injection-stack.js';

const arg = (name: string, fallback: string): string => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1]! : fallback);
const file = arg('--rows', '');
if (!file) {
  console.error('usage: npx tsx scripts/injection-combiner-cv.ts --rows rows.json [--max-fpr 0.025] [--deep-max-fpr 0.02] [--no-vote]');
  process.exit(2);
}
const maxFpr = Number(arg('--max-fpr', '0.025'));
const deepMaxFpr = Number(arg('--deep-max-fpr', String(DEEP_MAX_FPR)));
const noVote = process.argv.includes('--no-vote');
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** One split's line: pooled recall and each source's rate (recall or false-positive rate). */
function line(label: string, f: CvFigures): string {
  const rate = (s: string): string => pct(f.bySource[s]?.rate ?? 0);
  return `${label.padEnd(13)} recall ${pct(f.pooledRecall.rate)} | deepset+ ${rate('deepset-positive')} jailbreaks ${rate('jailbreaks')} bipia ${rate('bipia-email-attack')} | FPR deepset- ${rate('deepset-negative')} notinject ${rate('notinject')} goemotions ${rate('goemotions')} emails ${rate('bipia-clean-email')}`;
}

const { splits } = JSON.parse(readFileSync(file, 'utf8')) as { splits: Record<string, OutOfFold[]> };
const recalls: number[] = [];
let worstFpr = 0;
for (const [name, stored] of Object.entries(splits)) {
  const rows = noVote ? stored.map(({ vote: _unused, ...r }) => r) : stored;
  const cut = chooseFastCutoffs(rows, maxFpr);
  const high = fastHighCutoff(rows, cut, maxFpr);
  const f = nestedDeepFigures(rows, cut, deepMaxFpr, (r) => r.trusted || r.sync >= high);
  recalls.push(f.pooledRecall.rate);
  worstFpr = Math.max(worstFpr, ...BENIGN_SOURCES.map((s) => f.bySource[s]?.rate ?? 0));
  console.log(line(name, f));
}
const mean = recalls.reduce((a, b) => a + b, 0) / Math.max(1, recalls.length);
console.log(`whole detector: mean recall ${pct(mean)}, lowest ${pct(Math.min(...recalls))}, worst benign FPR ${pct(worstFpr)}`);
