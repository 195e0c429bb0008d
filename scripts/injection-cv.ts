/**
 * Cross-validated scores of the injection detector's layers: for each grouped fold (see injection-folds.ts)
 * the n-gram model, trusted rules, embedding model and known-attack store are built from the training part
 * only, and every held-out item is scored by each layer. The pooled out-of-fold scores choose thresholds
 * and give the reported figures.
 */
import type { CorpusItem } from '../benchmarks/security/injection-corpus.js';
import { detectInjection, gatherEvidence } from '../src/security/injection/detect-injection.js';
import { FEATURE_DIM, featurize, MAIN_BIGRAM_COUNT, type SparseVector } from '../src/security/injection/features.js';
import type { InjectionModel } from '../src/security/injection/model.js';
import { cosines, highestCosine, voteOfCosines } from '../src/security/injection/attack-store.js';
import { RULES } from '../src/security/injection/rules.js';
import { buildFolds, type BipiaGrouping } from './injection-folds.js';
import { trainPlanted } from './injection-planted.js';
import { embedCorpus } from './injection-embed-cache.js';
import { promptContrasts, trainPromptLikeness } from './injection-prompt.js';
import { logit, sampleWeights, trainLogistic, type LinearModel } from './injection-train-core.js';

/** Hyper-parameters of one training run. */
export interface HyperParams {
  l2: number;
  epochs: number;
  lr: number;
  embL2: number;
  plantedL2: number;
  /** Tail-average the n-gram model's weights over the second half of training. */
  average: boolean;
  /** Models trained with different shuffles whose weights are averaged (one linear model in the end). */
  bags: number;
}

/** The hyper-parameters the shipped model uses, chosen by cross-validation (see scripts/train-injection-report.json). */
export const DEFAULT_HYPER_PARAMS: HyperParams = { l2: 3e-4, epochs: 3, lr: 0.03, embL2: 1e-4, plantedL2: 1e-4, average: true, bags: 5 };

/** One held-out item's scores from every layer. */
export interface OutOfFold {
  source: string;
  label: 0 | 1;
  fold: number;
  text: string;
  /** For a BIPIA positive: the attack string inserted into the carrier email. */
  attack?: string;
  /** The n-gram model's probability (the highest over the text and its decoded payloads). */
  sync: number;
  /** A trusted rule matched, or instruction words were hidden: the fast path calls this HIGH. */
  trusted: boolean;
  /** Embedding logistic-regression probability. */
  emb: number;
  /** Highest cosine similarity to a known attack in the training part. */
  knn: number;
  /**
   * Share of attacks among the training part's known prompts (attacks of the store, deepset negatives,
   * NotInject) nearest to the text (neighbourVote; 0.5 without embeddings).
   */
  vote?: number;
  /** Planted-instruction window model: how far the most instruction-like window stands out (0 for short texts). */
  planted: number;
  /** Off-topic request contrast of a document's sentences (promptContrast; 0 for short texts or without embeddings). */
  contrast: number;
}

const featureCache = new Map<string, SparseVector>();

/** Hashed n-gram features of a text as training and inference see them (cached by text). */
export function ngramFeatures(text: string): SparseVector {
  let x = featureCache.get(text);
  if (!x) {
    const ev = gatherEvidence(text);
    x = featurize(ev.norm.text, ev.markers, FEATURE_DIM, MAIN_BIGRAM_COUNT);
    featureCache.set(text, x);
  }
  return x;
}

/**
 * Rules a hit of which alone means HIGH: at least 90% of their hits on `items` are injections (with at least
 * 3 hits), or they never hit a benign text of `items`, hit at least one injection and are strong by design
 * (weight ≥ 0.8: an unambiguous override, persona or markup pattern from the taxonomy).
 */
export function trustedRules(items: readonly CorpusItem[]): string[] {
  const hits = new Map<string, { pos: number; neg: number }>();
  for (const it of items) {
    for (const rule of new Set(gatherEvidence(it.text).spans.map((s) => s.rule))) {
      const h = hits.get(rule) ?? { pos: 0, neg: 0 };
      if (it.label === 1) h.pos++;
      else h.neg++;
      hits.set(rule, h);
    }
  }
  const strong = new Set(RULES.filter((r) => r.weight >= 0.8).map((r) => r.name));
  return [...hits]
    .filter(([rule, h]) => (h.pos >= 3 && h.pos / (h.pos + h.neg) >= 0.9) || (h.neg === 0 && h.pos >= 1 && strong.has(rule)))
    .map(([rule]) => rule).sort();
}

/** Trains the n-gram model (thresholds are placeholders the caller replaces). */
export function trainNgram(items: readonly CorpusItem[], hp: HyperParams, seed: number): InjectionModel {
  const xs = items.map((it) => ngramFeatures(it.text));
  const ys = items.map((it) => it.label);
  const sw = sampleWeights(items);
  const bags = Array.from({ length: Math.max(1, hp.bags) }, (_, b) => trainLogistic(xs, ys, sw, { dim: FEATURE_DIM, epochs: hp.epochs, lr: hp.lr, l2: hp.l2, seed: seed + 1000 * b, average: hp.average }));
  const m = { weights: new Float32Array(FEATURE_DIM), bias: bags.reduce((a, x) => a + x.bias, 0) / bags.length };
  for (const x of bags) for (let k = 0; k < FEATURE_DIM; k++) m.weights[k]! += x.weights[k]! / bags.length;
  // Thresholds the score never reaches, so that `score >= 2` tells that only a trusted rule or hidden text flagged it.
  return { weights: m.weights, bias: m.bias, thresholds: { low: 2, medium: 2, high: 2 }, trustedRules: trustedRules(items) };
}

function dense(v: Float32Array): SparseVector {
  return { indices: Int32Array.from(v, (_, i) => i), values: v };
}

/** Trains logistic regression on sentence embeddings. */
export async function trainEmbedding(items: readonly CorpusItem[], hp: HyperParams, seed: number): Promise<LinearModel> {
  const vecs = await embedCorpus(items.map((it) => it.text), false);
  return trainLogistic(vecs.map(dense), items.map((it) => it.label), sampleWeights(items), { dim: vecs[0]?.length ?? 512, epochs: 12, lr: 0.01, l2: hp.embL2, seed });
}

/** Texts whose embeddings form the known-attack store: positives other than attacks hidden in emails. */
export function storeItems(items: readonly CorpusItem[]): CorpusItem[] {
  return items.filter((it) => it.label === 1 && it.source !== 'bipia-email-attack');
}

/** Ordinary requests to an assistant (deepset negatives, NotInject): the other side of the neighbour vote. */
export function requestItems(items: readonly CorpusItem[]): CorpusItem[] {
  return items.filter((it) => it.label === 0 && (it.source === 'deepset' || it.source === 'notinject'));
}

/** Runs k-fold cross-validation and returns every held-out item's layer scores (`salt`: see buildFolds). */
export async function crossValidate(dir: string, k: number, hp: HyperParams, withEmbeddings = true, grouping: BipiaGrouping = 'category', salt = 'cv'): Promise<OutOfFold[]> {
  const out: OutOfFold[] = [];
  const folds = buildFolds(dir, k, grouping, salt);
  for (const [f, fold] of folds.entries()) {
    const model = trainNgram(fold.train, hp, 11 + f);
    const planted = trainPlanted(fold.train, 31 + f, hp.plantedL2);
    let emb: LinearModel | undefined;
    let store: Float32Array[] = [];
    let requests: Float32Array[] = [];
    let testVecs: Float32Array[] = [];
    let contrasts: number[] = [];
    if (withEmbeddings) {
      emb = await trainEmbedding(fold.train, hp, 21 + f);
      store = await embedCorpus(storeItems(fold.train).map((it) => it.text), false);
      requests = await embedCorpus(requestItems(fold.train).map((it) => it.text), false);
      testVecs = await embedCorpus(fold.test.map((it) => it.text), false);
      contrasts = await promptContrasts(fold.test.map((it) => it.text), await trainPromptLikeness(fold.train, 41 + f, hp.embL2));
    }
    fold.test.forEach((it, i) => {
      const v = testVecs[i];
      const attackSims = v ? cosines(v, store) : undefined;
      const r = detectInjection(it.text, { ...model, planted: { ...planted, threshold: 2 } });
      out.push({
        source: it.source === 'deepset' ? `deepset-${it.label ? 'positive' : 'negative'}` : it.source,
        label: it.label, fold: f, text: it.text, ...(it.attack ? { attack: it.attack } : {}),
        sync: r.modelScore, trusted: r.score >= 2,
        emb: emb && v ? 1 / (1 + Math.exp(-logit(emb, dense(v)))) : 0,
        knn: attackSims ? highestCosine(attackSims) : 0,
        ...(v && attackSims ? { vote: voteOfCosines(attackSims, cosines(v, requests)) } : {}),
        planted: r.plantedScore,
        contrast: contrasts[i] ?? 0,
      });
    });
    console.error(`fold ${f + 1}/${k}: trained on ${fold.train.length}, scored ${fold.test.length}`);
  }
  return out;
}
