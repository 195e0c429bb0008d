/**
 * Scores the poisoning detector on the synthetic journals (benchmarks/security/poisoning-set.ts).
 *
 *   npx tsx benchmarks/security/eval-poisoning.ts [--data fixtures/data] [--seed 17] [--journals 40] [--embeddings] [--cache <file.json>] [--out <file.json>] [--train]
 *
 * Threshold for 1% false positives is chosen on the 'train' journals and measured on the disjoint 'test'
 * journals. `--embeddings` adds Universal Sentence Encoder vectors (slow on a CPU: about 2 entries a second;
 * `--cache` keeps them, keyed by a hash of the public text). `--train` refits src/security/poisoning/weights.ts
 * on the train journals (do this on fixtures/data only).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildStyleBaseline, combineDeviations, detectPoisoning, DEFAULT_POISONING_THRESHOLD, type PoisoningFeature } from '../../src/security/poisoning/index.js';
import type { PoisoningWeights } from '../../src/security/poisoning/weights.js';
import { auroc, metricsFrom, wilson, type BinaryMetrics, type Interval } from './metrics.js';
import { buildPoisoningSet, POISONING_SET_SHAPE, type SyntheticJournal } from './poisoning-set.js';

/** Embeddings of the set's texts by text. */
export type EmbeddingTable = Map<string, number[]>;

/** One scored entry. */
interface Row {
  split: 'train' | 'test';
  label: 0 | 1;
  kind: string;
  source: string;
  deviations: Partial<Record<PoisoningFeature, number>>;
  score: number;
}

/** Detection of one group of foreign entries at the 1%-FPR threshold. */
export interface GroupDetection {
  n: number;
  detected: number;
  rate: number;
  ci: Interval;
  /** AUROC of this group against the test journals' own entries, with its Hanley–McNeil interval. */
  auroc: number;
  aurocCI: Interval;
}

/** Poisoning figures on the test journals of the synthetic set. */
export interface PoisoningEvaluation extends BinaryMetrics {
  dataset: string;
  journals: number;
  embeddings: boolean;
  auroc: number;
  aurocCI: Interval;
  /** Detection of foreign entries at the threshold flagging 1% of own entries of the TRAIN journals. */
  detectionAt1pctFpr: number;
  detectionAt1pctFprCI: Interval;
  thresholdAt1pctFpr: number;
  /** For reference: detection when the threshold flags 1% of the TEST journals' own entries (chosen on the test data itself). */
  detectionAtTest1pctFpr: number;
  detectionAtTest1pctFprCI: Interval;
  /** False-positive rate of that threshold on the test journals' own entries. */
  fprAtThreshold: number;
  fprAtThresholdCI: Interval;
  ownEntries: number;
  foreignEntries: number;
  /** Threshold used for precision/recall/F1/FPR (the shipped default). */
  threshold: number;
  byKind: Record<string, GroupDetection>;
  bySource: Record<string, GroupDetection>;
}

const key = (t: string): string => createHash('sha256').update(t).digest('hex').slice(0, 24);

/** Embeds every text of `journals` with the built-in sentence encoder, reusing and refreshing `cacheFile`. */
export async function embedSet(journals: readonly SyntheticJournal[], cacheFile?: string): Promise<EmbeddingTable> {
  const cache: Record<string, number[]> = cacheFile && existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, 'utf8')) : {};
  const texts = [...new Set(journals.flatMap((j) => [...j.baseline, ...j.own, ...j.foreign.map((f) => f.text)]))];
  const todo = texts.filter((t) => !cache[key(t)]);
  if (todo.length) {
    const { loadSentenceEncoder } = await import('../../src/providers/builtin-provider.js');
    const encoder = await loadSentenceEncoder();
    for (let i = 0; i < todo.length; i += 16) {
      const batch = todo.slice(i, i + 16);
      (await encoder.embed(batch)).forEach((v, k) => { cache[key(batch[k]!)] = v.map((x) => Math.round(x * 1e6) / 1e6); });
      if (cacheFile && (i / 16) % 10 === 9) writeFileSync(cacheFile, JSON.stringify(cache));
      process.stderr.write(`\rembedded ${Math.min(i + 16, todo.length)}/${todo.length}`);
    }
    process.stderr.write('\n');
    if (cacheFile) writeFileSync(cacheFile, JSON.stringify(cache));
  }
  return new Map(texts.map((t) => [t, cache[key(t)]!]));
}

function scoreRows(journals: readonly SyntheticJournal[], embeddings?: EmbeddingTable): Row[] {
  const rows: Row[] = [];
  for (const j of journals) {
    const baseline = buildStyleBaseline(j.baseline, embeddings ? j.baseline.map((t) => embeddings.get(t)!) : undefined);
    const add = (text: string, label: 0 | 1, kind: string, source: string): void => {
      const r = detectPoisoning(text, baseline, { embedding: embeddings?.get(text) });
      rows.push({ split: j.split, label, kind, source, deviations: r.deviations, score: r.score });
    };
    for (const t of j.own) add(t, 0, 'own', 'own');
    for (const f of j.foreign) add(f.text, 1, f.kind, f.source);
  }
  return rows;
}

/** The score flagging at most 1% of `own` (flagged = strictly above). */
function cutAt1pct(own: number[]): number {
  const sorted = [...own].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)] ?? Infinity;
}

function featureVector(d: Partial<Record<PoisoningFeature, number>>, names: string[]): number[] {
  const top = Object.values(d).sort((a, b) => b - a);
  return names.map((n) => (n.startsWith('top') ? top[Number(n.slice(3)) - 1] ?? 0 : d[n as PoisoningFeature] ?? 0));
}

/**
 * Fits the non-negative logistic scorer on the train rows (L2 0.01, plain gradient descent), then shifts its
 * bias so the train 1%-FPR score equals DEFAULT_POISONING_THRESHOLD.
 */
export function fitScorer(rows: readonly Row[]): PoisoningWeights {
  const train = rows.filter((r) => r.split === 'train');
  const names = [...new Set(train.flatMap((r) => Object.keys(r.deviations))), 'top1', 'top2', 'top3'];
  const X = train.map((r) => featureVector(r.deviations, names));
  const w = new Array<number>(names.length).fill(0);
  let b = 0;
  for (let it = 0; it < 4000; it++) {
    const g = new Array<number>(names.length).fill(0);
    let gb = 0;
    X.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-(b + x.reduce((a, v, k) => a + v * w[k]!, 0))));
      const e = p - train[i]!.label;
      x.forEach((v, k) => { g[k]! += e * v; });
      gb += e;
    });
    for (let k = 0; k < w.length; k++) w[k] = Math.max(0, w[k]! - 0.05 * (g[k]! / X.length + 0.01 * w[k]!));
    b -= 0.05 * gb / X.length;
  }
  const logits = X.map((x) => b + x.reduce((a, v, k) => a + v * w[k]!, 0));
  const cut = cutAt1pct(logits.filter((_, i) => train[i]!.label === 0));
  const weights = Object.fromEntries(names.map((n, k) => [n, Math.round(w[k]! * 1e4) / 1e4]).filter(([, v]) => v !== 0));
  return { bias: Math.round((b - cut + DEFAULT_POISONING_THRESHOLD + 1e-3) * 1e4) / 1e4, weights };
}

/** Hanley–McNeil 95% interval for an AUROC from np positives and nn negatives. */
function aurocInterval(a: number, np: number, nn: number): Interval {
  const q1 = a / (2 - a);
  const q2 = (2 * a * a) / (1 + a);
  const se = Math.sqrt((a * (1 - a) + (np - 1) * (q1 - a * a) + (nn - 1) * (q2 - a * a)) / Math.max(1, np * nn));
  return { low: Math.max(0, a - 1.96 * se), high: Math.min(1, a + 1.96 * se) };
}

function group(rows: readonly Row[], cut: number, own: readonly number[]): GroupDetection {
  const detected = rows.filter((r) => r.score > cut).length;
  const a = auroc(rows.map((r) => r.score), [...own]);
  return { n: rows.length, detected, rate: rows.length ? detected / rows.length : 0, ci: wilson(detected, rows.length), auroc: a, aurocCI: aurocInterval(a, rows.length, own.length) };
}

/** Scores detectPoisoning on the synthetic set: threshold from the train journals, figures on the test journals. */
export function evaluatePoisoning(journals: readonly SyntheticJournal[], embeddings?: EmbeddingTable, scorer?: PoisoningWeights): PoisoningEvaluation {
  const rows = scoreRows(journals, embeddings);
  if (scorer) for (const r of rows) r.score = combineDeviations(r.deviations, scorer);
  const cut = cutAt1pct(rows.filter((r) => r.split === 'train' && r.label === 0).map((r) => r.score));
  const test = rows.filter((r) => r.split === 'test');
  const own = test.filter((r) => r.label === 0);
  const foreign = test.filter((r) => r.label === 1);
  const ownScores = own.map((r) => r.score);
  const all = group(foreign, cut, ownScores);
  const oracle = group(foreign, cutAt1pct(ownScores), ownScores);
  const fp = own.filter((r) => r.score > cut).length;
  const byKind: Record<string, GroupDetection> = {};
  const bySource: Record<string, GroupDetection> = {};
  for (const k of [...new Set(foreign.map((r) => r.kind))]) byKind[k] = group(foreign.filter((r) => r.kind === k), cut, ownScores);
  for (const s of [...new Set(foreign.map((r) => r.source))]) bySource[s] = group(foreign.filter((r) => r.source === s), cut, ownScores);
  const t = DEFAULT_POISONING_THRESHOLD;
  const a = auroc(foreign.map((r) => r.score), own.map((r) => r.score));
  return {
    dataset: `synthetic diarist journals (benchmarks/security/poisoning-set.ts; per journal ${JSON.stringify(POISONING_SET_SHAPE)})`,
    journals: journals.length, embeddings: embeddings !== undefined,
    ...metricsFrom({
      tp: foreign.filter((r) => r.score >= t).length, fn: foreign.filter((r) => r.score < t).length,
      fp: own.filter((r) => r.score >= t).length, tn: own.filter((r) => r.score < t).length,
    }),
    auroc: a, aurocCI: aurocInterval(a, foreign.length, own.length),
    detectionAt1pctFpr: all.rate, detectionAt1pctFprCI: all.ci, thresholdAt1pctFpr: cut,
    detectionAtTest1pctFpr: oracle.rate, detectionAtTest1pctFprCI: oracle.ci,
    fprAtThreshold: own.length ? fp / own.length : 0, fprAtThresholdCI: wilson(fp, own.length),
    ownEntries: own.length, foreignEntries: foreign.length, threshold: t, byKind, bySource,
  };
}

/** Train-split rows, for fitting (see fitScorer). */
export function trainingRows(journals: readonly SyntheticJournal[], embeddings?: EmbeddingTable): Row[] {
  return scoreRows(journals, embeddings);
}

const pct = (x: number): string => (x * 100).toFixed(1);

/** One printable block of an evaluation. */
export function renderPoisoning(p: PoisoningEvaluation): string {
  const line = (name: string, g: GroupDetection): string => `  ${name.padEnd(22)} n ${String(g.n).padStart(4)}  detected ${pct(g.rate).padStart(5)}% [${pct(g.ci.low)}–${pct(g.ci.high)}]  AUROC ${g.auroc.toFixed(3)} [${g.aurocCI.low.toFixed(3)}–${g.aurocCI.high.toFixed(3)}]`;
  return [
    `Poisoning, ${p.embeddings ? 'with' : 'without'} embeddings: ${p.journals} journals (test half: ${p.ownEntries} own, ${p.foreignEntries} foreign entries)`,
    `  AUROC ${p.auroc.toFixed(3)} [${p.aurocCI.low.toFixed(3)}–${p.aurocCI.high.toFixed(3)}]; detection at 1% FPR (threshold ${p.thresholdAt1pctFpr.toFixed(2)} from train journals) `
      + `${pct(p.detectionAt1pctFpr)}% [${pct(p.detectionAt1pctFprCI.low)}–${pct(p.detectionAt1pctFprCI.high)}], test FPR ${pct(p.fprAtThreshold)}% [${pct(p.fprAtThresholdCI.low)}–${pct(p.fprAtThresholdCI.high)}]`,
    `  (reference: threshold at 1% of the test journals' own entries: ${pct(p.detectionAtTest1pctFpr)}% [${pct(p.detectionAtTest1pctFprCI.low)}–${pct(p.detectionAtTest1pctFprCI.high)}])`,
    `  at the default threshold ${p.threshold}: recall ${pct(p.recall)}%, FPR ${pct(p.fpr)}%, precision ${pct(p.precision)}%`,
    ...Object.entries(p.byKind).map(([k, g]) => line(k, g)),
    ...Object.entries(p.bySource).map(([k, g]) => line(`  ${k}`, g)),
  ].join('\n');
}

function literal(w: PoisoningWeights): string {
  return `{ bias: ${w.bias}, weights: { ${Object.entries(w.weights).map(([k, v]) => `${k}: ${v}`).join(', ')} } }`;
}

async function main(argv: string[]): Promise<void> {
  const opt = (flag: string): string | undefined => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const data = opt('--data') ?? 'fixtures/data';
  const journals = buildPoisoningSet(data, Number(opt('--seed') ?? 17), Number(opt('--journals') ?? 40));
  if (journals.length === 0) throw new Error(`no poisoning set could be built from ${data} (needs injections and bipia emails)`);
  const embeddings = argv.includes('--embeddings') ? await embedSet(journals, opt('--cache')) : undefined;
  if (argv.includes('--train')) {
    const name = embeddings ? 'withEmbedding' : 'withoutEmbedding';
    const fitted = fitScorer(trainingRows(journals, embeddings));
    const file = 'src/security/poisoning/weights.ts';
    writeFileSync(file, readFileSync(file, 'utf8').replace(new RegExp(`  ${name}: .*`), `  ${name}: ${literal(fitted)},`));
    console.log(`${name}: ${JSON.stringify(fitted)} written to ${file}`);
    return;
  }
  const results = [evaluatePoisoning(journals), ...(embeddings ? [evaluatePoisoning(journals, embeddings)] : [])];
  for (const r of results) console.log(renderPoisoning(r));
  const out = opt('--out');
  if (out) {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify({ data, poisoning: results }, null, 2)}\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error((e as Error).message);
    process.exit(1);
  });
}
