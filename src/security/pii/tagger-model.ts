import { gunzipSync, gzipSync } from 'node:zlib';
import { searchLabels } from './tagger-search.js';
import type { Token } from './tokenize.js';

/** A linear sequence tagger: one weight per (feature, label); BIO labels over entity types. */
export interface TaggerModel {
  /** 'O', 'B-PERSON', 'I-PERSON', ... */
  labels: readonly string[];
  /** Feature → weight per label (length `labels.length`). */
  weights: Map<string, ArrayLike<number>>;
  /** Beam width the model was trained for (1 or absent: greedy). */
  beam?: number;
  /** Hypotheses scoring more than this below the best are dropped from the beam (absent: none). */
  margin?: number;
}

/** The serialised form: gzip of the feature list and int8 weights, base64, times `scale`. */
export interface SerializedTagger {
  labels: string[];
  scale: number;
  features: number;
  data: string;
  trainedOn: string;
  /** Beam width the model was trained for (absent: greedy). */
  beam?: number;
  /** Beam pruning margin (see {@link TaggerModel}). */
  margin?: number;
}

/** True when `label` may follow `prev` in BIO (an I- tag continues an entity of the same type). */
export function allowed(prev: string, label: string): boolean {
  if (!label.startsWith('I-')) return true;
  return prev.slice(2) === label.slice(2) && prev !== 'O';
}

/** Adds the weights of `features` into `scores` (one column per label); whether any of them has a weight. */
export function addScores(model: TaggerModel, features: readonly string[], scores: Float64Array): boolean {
  let any = false;
  for (const f of features) {
    const w = model.weights.get(f);
    if (!w) continue;
    any = true;
    for (let l = 0; l < scores.length; l++) scores[l]! += w[l]!;
  }
  return any;
}

/**
 * Tags tokens left to right under BIO constraints, keeping the `width` best partial taggings (by default
 * the width the model was trained for; 1: greedy);
 * returns the label of every token.
 */
export function decode(model: TaggerModel, tokens: readonly Token[], rx: readonly string[], width = model.beam ?? 1): string[] {
  return searchLabels(model, tokens, rx, width, model.margin).map((l) => model.labels[l]!);
}

/** Entity spans `[type, firstToken, lastToken]` read off a BIO label sequence. */
export function entities(labels: readonly string[]): [string, number, number][] {
  const out: [string, number, number][] = [];
  labels.forEach((label, i) => {
    if (label === 'O') return;
    const type = label.slice(2);
    const last = out[out.length - 1];
    if (label.startsWith('I-') && last && last[0] === type && last[2] === i - 1) last[2] = i;
    else out.push([type, i, i]);
  });
  return out;
}

/** Encodes weights as int8 with one scale, gzip-compressed, small enough to live in the repository. */
export function serializeTagger(model: TaggerModel, trainedOn: string, minWeight: number): SerializedTagger {
  let max = 0;
  for (const w of model.weights.values()) for (let l = 0; l < w.length; l++) max = Math.max(max, Math.abs(w[l]!));
  const scale = max / 127 || 1;
  const names: string[] = [];
  const bytes: number[] = [];
  for (const [name, w] of model.weights) {
    const q = Array.from(w, (x) => Math.round(x / scale));
    if (q.every((x) => Math.abs(x * scale) < minWeight || x === 0)) continue;
    names.push(name);
    for (const x of q) bytes.push(Math.max(-127, Math.min(127, x)) & 0xff);
  }
  const nameBuf = Buffer.from(names.join('\n'), 'utf8');
  const header = Buffer.alloc(4);
  header.writeUInt32LE(nameBuf.length);
  const data = gzipSync(Buffer.concat([header, nameBuf, Buffer.from(bytes)]), { level: 9 }).toString('base64');
  return { labels: [...model.labels], scale, features: names.length, data, trainedOn, ...(model.beam && model.beam > 1 ? { beam: model.beam } : {}), ...(model.margin !== undefined ? { margin: model.margin } : {}) };
}

/** Decodes a serialised tagger (the inverse of {@link serializeTagger}). */
export function deserializeTagger(s: SerializedTagger): TaggerModel {
  const raw = gunzipSync(Buffer.from(s.data, 'base64'));
  const nameLen = raw.readUInt32LE(0);
  const names = raw.subarray(4, 4 + nameLen).toString('utf8').split('\n');
  const body = new Int8Array(raw.buffer, raw.byteOffset + 4 + nameLen, names.length * s.labels.length);
  const weights = new Map<string, ArrayLike<number>>();
  const L = s.labels.length;
  const all = new Float32Array(names.length * L);
  for (let i = 0; i < all.length; i++) all[i] = body[i]! * s.scale;
  names.forEach((name, i) => weights.set(name, all.subarray(i * L, (i + 1) * L)));
  return { labels: s.labels, weights, ...(s.beam ? { beam: s.beam } : {}), ...(s.margin !== undefined ? { margin: s.margin } : {}) };
}
