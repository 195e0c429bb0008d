/**
 * Trains the PII sequence tagger (src/security/pii/tagger-weights.ts) on presidio-synth (plus WNUT-17's
 * training file with --wnut: off by default, it lowered presidio accuracy), after estimating held-out
 * performance by k-fold cross-validation over presidio sentences. Run scripts/train-pii-gazetteer.ts first
 * when compromise's lexicon changes.
 *
 *   npx tsx scripts/train-pii-tagger.ts [--data fixtures/data] [--folds 5] [--epochs 16] [--seed 1]
 *       [--wnut] [--negatives N] [--cv-only] [--report scripts/train-pii-report.json] [--drop prefix,prefix] [--runs R]
 *       [--beam W] [--margin M] [--benign N] [--negatives-filter all|unmasked|clean] [--lead-lines] [--oof FILE]
 *       [--refill K] [--refill-streets] [--word-dropout P] [--pa C] [--weights FILE] [--cv-from REPORT]
 *       [--fold-weights DIR | --fold-weights-from DIR]
 *
 * --negatives N adds N GoEmotions comments (no PII we claim; names masked) as all-O sentences, so that a
 * capitalised first word is not read as a name; with --negatives-filter clean only comments without a
 * masked "[NAME]" or an unmasked name or place (scripts/train-pii-negatives.ts) are used, with unmasked only
 * those without "[NAME]". --drop leaves out features whose names start with the
 * given prefixes (ablations). --runs R averages the weights of R perceptrons trained on differently
 * shuffled data. --beam W trains (early update) and tags with a beam of W partial taggings; --margin M
 * drops from it those scoring more than M below the best when tagging (speed). --benign N (default 2000)
 * GoEmotions comments never used as negatives measure how often benign text gets a name/place/org span,
 * for the weights shipped before the run and the ones trained now; the same among those of them with no
 * masked or unmasked name (scripts/train-pii-negatives.ts), where every such span is a false alarm.
 * --lead-lines adds a copy of every training text with a line break, after a short name-free comment
 * line (a signature after "Thanks again,"). --oof FILE writes every held-out sentence's text, gold and
 * predicted spans (read by scripts/pii-misses.ts). --refill K adds K copies of the training texts whose
 * name, organisation, place, title and NRP values are swapped among the training texts (train-pii-augment.ts);
 * with --refill-streets their one-line street-address values too (bare building numbers excepted), each only
 * for one of the same kind (a unit line for another, a whole address for one of the same outline), so the
 * tagger learns from the words around a postal block whether the generator splits it. --word-dropout P hides a
 * token's own word features (word, word bigrams, affixes) with chance P in each epoch (tried, not used).
 * --pa C makes each beam update a passive-aggressive step (train-pii-perceptron.ts): the gold prefix is moved
 * just far enough above the beam's best to clear its number of wrong labels, at most C times the features'
 * difference (the shipped weights use --pa 1).
 * --weights FILE writes the weights there instead of src/security/pii/tagger-weights.ts. --cv-from REPORT
 * skips the cross-validation and takes its figures from the report of an earlier --cv-only run with the same
 * configuration (checked; both parts are deterministic in the seed, so the result is that of one full run):
 * the final weights can then be trained while the CV runs, in a second process. --fold-weights DIR writes each
 * fold model (DIR/fold-K.json, with the configuration in DIR/config.json); --fold-weights-from DIR reads them
 * instead of training (the configuration checked), so that a change to what detectPII does with the tagger's
 * labels (tagger.ts's rules after tagging, place-names.ts) is scored on the same fold models in seconds.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asEvaluated, presidioGold } from '../benchmarks/security/eval-pii.js';
import { loadGoEmotions, loadPresidio, loadWnut, type PresidioRow } from '../benchmarks/security/load-data.js';
import type { TypedSpan } from '../benchmarks/security/span-scoring.js';
import { detectPIIWith } from '../src/security/pii/detect-pii.js';
import { shippedTagger } from '../src/security/pii/tagger.js';
import { wilson } from '../benchmarks/security/metrics.js';
import { benignFlagShare, type BenignFlagShare } from './train-pii-benign.js';
import { cleanNegative } from './train-pii-negatives.js';
import { withLeadLine, withRefilledSlots } from './train-pii-augment.js';
import { deserializeTagger, serializeTagger, type SerializedTagger } from '../src/security/pii/tagger-model.js';
import { crossValidationReport, type Scored } from './train-pii-cv.js';
import { fromPlain, fromPresidio, fromWnut, misaligned, TAGGER_LABELS } from './train-pii-data.js';
import { rng, shuffle, trainAveraged, type TaggedSentence } from './train-pii-perceptron.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i !== -1 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const dir = arg('--data', 'fixtures/data');
const folds = Number(arg('--folds', '5'));
const epochs = Number(arg('--epochs', '16'));
const seed = Number(arg('--seed', '1'));
const minWeight = Number(arg('--min-weight', '0.02'));
const useWnut = process.argv.includes('--wnut');
const drop = arg('--drop', '').split(',').filter(Boolean);
const runs = Number(arg('--runs', '1'));
const wordDropout = Number(arg('--word-dropout', '0'));
const pa = Number(arg('--pa', '0'));
const width = Number(arg('--beam', '1'));
const margin = process.argv.includes('--margin') ? Number(arg('--margin', '')) : undefined;
const reportPath = arg('--report', 'scripts/train-pii-report.json');
const weightsPath = arg('--weights', 'src/security/pii/tagger-weights.ts');
const cvFrom = arg('--cv-from', '');

const rows = loadPresidio(dir);
if (rows.length === 0) throw new Error(`no presidio-synth data under ${dir}`);
const presidio = rows.map(fromPresidio);
const negativeCount = Number(arg('--negatives', '0'));
const benignCount = Number(arg('--benign', '2000'));
/** GoEmotions comments in one seeded order: the first N are training negatives, the last --benign held out. */
const comments = shuffle(loadGoEmotions(dir), rng(seed + 1));
/** Negatives come from the comments before the held-out benign ones; 'clean' keeps only those without a masked or unmasked name. */
const negativeFilter = arg('--negatives-filter', 'all');
const pool = comments.slice(0, Math.max(negativeCount, comments.length - benignCount));
const keepNegative = (text: string): boolean => (negativeFilter === 'clean' ? cleanNegative(text) : negativeFilter === 'unmasked' ? !text.includes('[NAME]') : true);
const negatives = pool.filter((r) => keepNegative(r.text)).slice(0, negativeCount);
const wnut: TaggedSentence[] = [
  ...(useWnut ? loadWnut(dir, 'wnut17/wnut17train.conll').map(fromWnut) : []),
  ...negatives.map((r) => fromPlain(r.text)),
];
/** --lead-lines: copies of laid-out texts with a short name-free comment line before them (train-pii-augment.ts). */
const leadLines = process.argv.includes('--lead-lines');
const leadPool = pool.filter((r) => cleanNegative(r.text) && r.text.length <= 60).map((r) => r.text);
const leadLined = (train: readonly PresidioRow[]): TaggedSentence[] => (leadLines ? withLeadLine(train, leadPool).map(fromPresidio) : []);
/** --refill K: K copies of the training texts with their name, organisation, place, title and NRP values swapped among themselves. */
const refills = Number(arg('--refill', '0'));
const refillStreets = process.argv.includes('--refill-streets');
const refilled = (train: readonly PresidioRow[]): TaggedSentence[] => {
  const random = rng(seed + 3);
  return Array.from({ length: refills }, () => withRefilledSlots(train, random, refillStreets).map(fromPresidio)).flat();
};
/** Every extra training sentence made from the presidio rows of a training split. */
const augmented = (train: readonly PresidioRow[]): TaggedSentence[] => [...leadLined(train), ...refilled(train)];
const benignTexts = comments.slice(Math.max(negativeCount, comments.length - benignCount)).map((r) => r.text);
/** The held-out comments with no masked or unmasked name: any span there is a false alarm. */
const nameFreeTexts = benignTexts.filter(cleanNegative);
console.log(`presidio ${rows.length} sentences, extra (wnut17train, GoEmotions negatives) ${wnut.length}; gold edges inside a token: ${misaligned.count}`);

const order = shuffle(rows.map((_, i) => i), rng(seed));
const scored: Scored[] = [];
const texts = new Map<Scored, string>();
const foldBenign: BenignFlagShare[] = [];
const foldNameFree: BenignFlagShare[] = [];
/** --fold-weights DIR / --fold-weights-from DIR: the fold models written, or read instead of trained. */
const foldWeightsTo = arg('--fold-weights', '');
const foldWeightsFrom = arg('--fold-weights-from', '');
/** The configuration written to the report (and compared with a --cv-from report). */
const config = { data: dir, folds, epochs, seed, runs, beam: width, margin: margin ?? null, wnut: useWnut, negatives: negatives.length, negativesFilter: negativeFilter, leadLines, refills, minWeight, refillStreets, wordDropout, pa };
/** What the fold models depend on: the report's configuration and the features left out. */
const foldConfig = JSON.stringify({ ...config, drop });
if (foldWeightsTo) {
  mkdirSync(foldWeightsTo, { recursive: true });
  writeFileSync(join(foldWeightsTo, 'config.json'), `${foldConfig}\n`);
}
if (foldWeightsFrom && readFileSync(join(foldWeightsFrom, 'config.json'), 'utf8').trim() !== foldConfig) {
  console.error(`--fold-weights-from ${foldWeightsFrom}: its fold models were trained with another configuration (${join(foldWeightsFrom, 'config.json')})`);
  process.exit(2);
}
for (let k = 0; k < (cvFrom ? 0 : folds); k++) {
  const test = new Set(order.filter((_, i) => i % folds === k));
  const train = [...presidio.filter((_, i) => !test.has(i)), ...wnut, ...augmented(rows.filter((_, i) => !test.has(i)))];
  const foldFile = (from: string): string => join(from, `fold-${k}.json`);
  const serialized: SerializedTagger = foldWeightsFrom
    ? JSON.parse(readFileSync(foldFile(foldWeightsFrom), 'utf8'))
    : serializeTagger({ ...trainAveraged(train, TAGGER_LABELS, epochs, seed, runs, { drop, width, wordDropout, pa }), margin }, 'cv', minWeight);
  if (foldWeightsTo) writeFileSync(foldFile(foldWeightsTo), JSON.stringify(serialized));
  const model = deserializeTagger(serialized);
  for (const i of test) {
    const row = rows[i]!;
    const gold: TypedSpan[] = presidioGold(row);
    const item = { fold: k, gold, predicted: asEvaluated(detectPIIWith(row.full_text, {}, model)) };
    scored.push(item);
    texts.set(item, row.full_text);
  }
  if (benignTexts.length) {
    foldBenign.push(benignFlagShare(benignTexts, model));
    foldNameFree.push(benignFlagShare(nameFreeTexts, model));
  }
  console.log(`fold ${k + 1}/${folds} done`);
}
const cv = cvFrom ? undefined : crossValidationReport(scored, folds, seed);
/** --oof FILE: the out-of-fold predictions with their texts, for scripts/pii-misses.ts. */
const oofPath = arg('--oof', '');
if (oofPath) writeFileSync(oofPath, `${JSON.stringify(scored.map((s) => ({ ...s, text: texts.get(s) })))}\n`);
const benign: Record<string, BenignFlagShare> = {};
const showBenign = (name: string, b: BenignFlagShare): void => {
  benign[name] = b;
  console.log(`benign GoEmotions comments with a name/place/org span (${name}): ${b.flagged}/${b.texts} = ${(100 * b.share).toFixed(1)}% [${(100 * b.ci95[0]).toFixed(1)}, ${(100 * b.ci95[1]).toFixed(1)}] ${JSON.stringify(b.byType)}`);
};
/** Several measurements of the same texts pooled into one. */
const pooled = (shares: readonly BenignFlagShare[]): BenignFlagShare => {
  const flagged = shares.reduce((n, b) => n + b.flagged, 0);
  const texts = shares.reduce((n, b) => n + b.texts, 0);
  const byType: Record<string, number> = {};
  for (const b of shares) for (const [t, n] of Object.entries(b.byType)) byType[t] = (byType[t] ?? 0) + n;
  const ci = wilson(flagged, texts);
  return { texts, flagged, share: flagged / texts, ci95: [ci.low, ci.high], byType };
};
if (!cvFrom && benignTexts.length) {
  showBenign('shipped before this run', benignFlagShare(benignTexts, shippedTagger()));
  showBenign(`the ${folds} CV fold models, pooled`, pooled(foldBenign));
  showBenign('name-free comments, shipped before this run', benignFlagShare(nameFreeTexts, shippedTagger()));
  showBenign(`name-free comments, the ${folds} CV fold models, pooled`, pooled(foldNameFree));
}

if (!process.argv.includes('--cv-only')) {
  const all = [...presidio, ...wnut, ...augmented(rows)];
  const trainedOn = `presidio-synth (${rows.length} sentences)${useWnut ? ' + wnut17train' : ''}${negativeCount ? ` + ${negatives.length} GoEmotions texts as negatives${negativeFilter === 'all' ? '' : ` (filter ${negativeFilter})`}` : ''}${leadLines ? ' + laid-out texts again after a prose line' : ''}${refills ? ` + ${refills} cop${refills === 1 ? 'y' : 'ies'} with names, organisations, places, titles and NRP${refillStreets ? ', one-line streets' : ''} swapped` : ''}, ${epochs} epochs, seed ${seed}${runs > 1 ? `, weights averaged over ${runs} runs` : ''}${width > 1 ? `, beam ${width}${margin !== undefined ? ` (margin ${margin})` : ''}` : ''}${pa > 0 ? `, passive-aggressive steps (C ${pa})` : ''}`;
  const serialized = serializeTagger({ ...trainAveraged(all, TAGGER_LABELS, epochs, seed, runs, { drop, width, wordDropout, pa }), margin }, trainedOn, minWeight);
  if (benignTexts.length) {
    showBenign('trained now', benignFlagShare(benignTexts, deserializeTagger(serialized)));
    showBenign('name-free comments, trained now', benignFlagShare(nameFreeTexts, deserializeTagger(serialized)));
  }
  const body = `// Generated by scripts/train-pii-tagger.ts; do not edit by hand.
import type { SerializedTagger } from './tagger-model.js';

/** Trained PII tagger weights (see trainedOn for the data). */
export const TAGGER_WEIGHTS: SerializedTagger = ${JSON.stringify(serialized, null, 2)};
`;
  writeFileSync(weightsPath, body);
  console.log(`weights: ${serialized.features} features, ${(body.length / 1024).toFixed(0)} KiB`);
}
/**
 * --cv-from: the CV figures and fold models' benign shares of an earlier --cv-only run of the same
 * configuration, waiting for its report if that run has not finished yet.
 */
async function earlierCv(path: string): Promise<Pick<ReturnType<typeof crossValidationReport>, 'sentences' | 'cv' | 'perFoldOverallF1'> & { benignGoEmotions: Record<string, BenignFlagShare> }> {
  while (!existsSync(path)) {
    console.log(`waiting for ${path}`);
    await new Promise((resolve) => setTimeout(resolve, 15_000));
  }
  const earlier = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const differs = Object.entries(config).filter(([key, value]) => JSON.stringify(earlier[key]) !== JSON.stringify(value));
  if (differs.length) throw new Error(`--cv-from ${path}: another configuration (${differs.map(([key]) => key).join(', ')})`);
  return earlier as unknown as Awaited<ReturnType<typeof earlierCv>>;
}
const { benignGoEmotions: earlierBenign, ...figures } = cvFrom ? await earlierCv(cvFrom) : { ...cv!, benignGoEmotions: {} };
writeFileSync(reportPath, `${JSON.stringify({ ...config, sentences: figures.sentences, cv: figures.cv, perFoldOverallF1: figures.perFoldOverallF1, benignGoEmotions: { ...earlierBenign, ...benign } }, null, 2)}\n`);
console.log(`report written to ${reportPath}`);
