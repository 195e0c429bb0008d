/**
 * Sentiment accuracy of the built-in analyzer on GoEmotions group labels (positive / neutral / negative;
 * ambiguous and multi-group rows left out).
 *
 *   npm run eval:insight -- [--data <dir laid out like fixtures/data>] [--out <json>] [--tune]
 *
 * Rows are split into a dev half and a report half by a hash of the comment id. `--tune` grid-searches the
 * label thresholds on the dev half only and prints the best pair; the library's shipped thresholds are then
 * scored on both halves, so any overfitting to the dev half shows as a gap.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SENTIMENT_THRESHOLDS, labelScore, sentimentScore, type SentimentThresholds } from '../../src/core/analysis/sentiment.js';
import { loadGoEmotionsGroup, splitHalves, type SentimentExample } from './goemotions.js';
import { CLASSES, bootstrapMacroF1, score, type SentimentClass } from './metrics.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'fixtures/data' },
    out: { type: 'string', default: 'benchmarks/insight/results/sentiment-eval.json' },
    tune: { type: 'boolean', default: false },
  },
});

const dataDir = resolve(values.data ?? 'fixtures/data');
const loaded = loadGoEmotionsGroup(dataDir);
if (loaded === null) {
  console.error(`No goemotions/group/data.tsv under ${dataDir}; nothing to evaluate.`);
  process.exit(2);
}

const scoreCache = new Map<SentimentExample, number>();
for (const example of loaded.examples) scoreCache.set(example, sentimentScore(example.text));

function predict(examples: SentimentExample[], thresholds: SentimentThresholds): SentimentClass[] {
  return examples.map((e) => labelScore(scoreCache.get(e) ?? 0, thresholds).label);
}

function evaluate(name: string, examples: SentimentExample[], thresholds: SentimentThresholds) {
  const gold = examples.map((e) => e.label);
  const predicted = predict(examples, thresholds);
  const scores = score(gold, predicted);
  const interval = bootstrapMacroF1(gold, predicted);
  return { split: name, n: examples.length, ...scores, macroF1Ci95: interval };
}

const { dev, report } = splitHalves(loaded.examples);

if (values.tune) {
  let best = { positive: 0, negative: 0, macroF1: -1 };
  for (let p = 0.02; p <= 0.7; p += 0.02) {
    for (let n = 0.02; n <= 0.7; n += 0.02) {
      const thresholds = { positive: Number(p.toFixed(2)), negative: Number(n.toFixed(2)) };
      const f1 = score(dev.map((e) => e.label), predict(dev, thresholds)).macroF1;
      if (f1 > best.macroF1) best = { ...thresholds, macroF1: f1 };
    }
  }
  console.log(`tuned on dev half (n=${dev.length}): positive >= ${best.positive}, negative <= -${best.negative}, macro-F1 ${best.macroF1.toFixed(3)}`);
}

const results = [
  evaluate('dev half (tuning)', dev, SENTIMENT_THRESHOLDS),
  evaluate('report half', report, SENTIMENT_THRESHOLDS),
  evaluate('all', loaded.examples, SENTIMENT_THRESHOLDS),
];

const pct = (x: number) => x.toFixed(3);
console.log(`dataset: GoEmotions group (${loaded.file})`);
console.log(`kept ${loaded.examples.length} rows; left out ${loaded.skippedAmbiguous} ambiguous, ${loaded.skippedMultiGroup} multi-group`);
console.log(`thresholds: positive >= ${SENTIMENT_THRESHOLDS.positive}, negative <= -${SENTIMENT_THRESHOLDS.negative}`);
for (const r of results) {
  console.log(`\n${r.split}: n=${r.n}  macro-F1 ${pct(r.macroF1)}  (95% bootstrap ${pct(r.macroF1Ci95.low)}–${pct(r.macroF1Ci95.high)})`);
  console.log('  class      P      R      F1     support');
  for (const cls of CLASSES) {
    const c = r.perClass[cls];
    console.log(`  ${cls.padEnd(9)}  ${pct(c.precision)}  ${pct(c.recall)}  ${pct(c.f1)}  ${c.support}`);
  }
}

const out = resolve(values.out ?? 'benchmarks/insight/results/sentiment-eval.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ dataset: 'GoEmotions group', file: loaded.file, thresholds: SENTIMENT_THRESHOLDS, skippedAmbiguous: loaded.skippedAmbiguous, skippedMultiGroup: loaded.skippedMultiGroup, results }, null, 2)}\n`);
console.log(`\nwrote ${out}`);
