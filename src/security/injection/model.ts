import { FEATURE_DIM, linearScore, linearScoreIn, logistic, MAIN_BIGRAM_COUNT, type TextTokens } from './features.js';
import { MODEL_WEIGHTS } from './model-weights.js';
import { defaultPlantedModel, type PlantedInstructionModel } from './planted-instructions.js';

/** A logistic-regression injection classifier over hashed n-grams, with the risk thresholds tuned with it. */
export interface InjectionModel {
  weights: Float32Array;
  bias: number;
  /** Combined-score cut-offs for LOW, MEDIUM and HIGH risk. */
  thresholds: { low: number; medium: number; high: number };
  /** Rules precise enough on the training split (precision ≥ 0.9, ≥ 3 hits) that a hit alone means HIGH. */
  trustedRules: string[];
  /** Window model for instructions planted inside longer documents; documents are not window-scored without it. */
  planted?: PlantedInstructionModel;
}

/** The serialised form written by scripts/train-injection.ts (weights as base64 int8 times `scale`). */
export interface SerializedModel {
  dim: number;
  scale: number;
  bias: number;
  thresholds: { low: number; medium: number; high: number };
  weights: string;
  trustedRules: string[];
  trainedOn: string;
}

/** Decodes a serialised model; throws when its dimension does not match the featuriser. */
export function deserializeModel(s: SerializedModel): InjectionModel {
  if (s.dim !== FEATURE_DIM) throw new Error(`injection model has ${s.dim} features, featuriser has ${FEATURE_DIM}`);
  const bytes = Buffer.from(s.weights, 'base64');
  const weights = new Float32Array(s.dim);
  for (let i = 0; i < s.dim; i++) weights[i] = ((bytes[i] ?? 128) - 128) * s.scale;
  return { weights, bias: s.bias, thresholds: s.thresholds, trustedRules: s.trustedRules };
}

/** Encodes weights as int8 (offset 128) with one scale, small enough to live in the repository. */
export function serializeModel(model: InjectionModel, trainedOn: string): SerializedModel {
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w));
  const scale = max / 127 || 1;
  const bytes = Buffer.alloc(model.weights.length);
  model.weights.forEach((w, i) => (bytes[i] = Math.max(0, Math.min(255, Math.round(w / scale) + 128))));
  return { dim: model.weights.length, scale, bias: model.bias, thresholds: model.thresholds, weights: bytes.toString('base64'), trustedRules: model.trustedRules, trainedOn };
}

/** Probability (0..1) that `text` (with the names of the rules it matched as `markers`) is an injection. */
export function modelProbability(model: InjectionModel, text: string, markers: readonly string[] = []): number {
  return logistic(linearScore(text, markers, FEATURE_DIM, MAIN_BIGRAM_COUNT, model.weights, model.bias));
}

/** modelProbability of text.slice(start, end) read from the text's tokens ({@link linearScoreIn}: the same value). */
export function modelProbabilityIn(model: InjectionModel, tokens: TextTokens, start: number, end: number, markers: readonly string[] = []): number {
  return logistic(linearScoreIn(tokens, start, end, markers, FEATURE_DIM, MAIN_BIGRAM_COUNT, model.weights, model.bias));
}

let cached: InjectionModel | undefined;

/** The models shipped in the repository (decoded once). */
export function defaultModel(): InjectionModel {
  cached ??= { ...deserializeModel(MODEL_WEIGHTS), planted: defaultPlantedModel() };
  return cached;
}
