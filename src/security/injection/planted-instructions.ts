import { linearScore, linearScoreIn, logistic, textTokens, type TextTokens } from './features.js';
import { PLANTED_MODEL } from './planted-weights.js';
import { decodeLinear, type SerializedLinear } from './linear-codec.js';
import { contentWords, windowContextMarkers } from './window-context.js';
import { countWords, isSpaceCode } from './word-count.js';

/** Hash buckets of the planted-instruction model (smaller than the main model's). */
export const PLANTED_DIM = 1 << 16;
/** Words per window, and the step between windows. */
export const WINDOW_WORDS = 12;
const WINDOW_STEP = 8;
/** Texts shorter than this many words are prompts, not documents, and are left to the main model. */
export const MIN_DOCUMENT_WORDS = 30;

/** A stretch of a document's words, with offsets into the text it came from. */
export interface TextWindow {
  start: number;
  end: number;
  text: string;
  /** How the window sits in its document (see windowContextMarkers); fed to the window model. */
  markers: string[];
}

/** The trained window model and the cut-off above which a window is an instruction planted in data. */
export interface PlantedInstructionModel {
  weights: Float32Array;
  bias: number;
  threshold: number;
}

/** The serialised window model (written by scripts/train-injection.ts). */
export interface SerializedPlantedModel extends SerializedLinear {
  threshold: number;
  trainedOn: string;
}

const SENTENCE = /[^.!?\n]*[^.!?\n\s][^.!?\n]*(?:[.!?]+|\n|$)/g;

/**
 * The units of a document a planted instruction can hide in: overlapping windows of WINDOW_WORDS words
 * (every WINDOW_STEP words) and, when the document has several, its sentences and lines of 3 to
 * WINDOW_WORDS * 2 words (a short planted task is then seen alone, not diluted by its neighbours).
 * [] for texts shorter than MIN_DOCUMENT_WORDS.
 */
export function documentWindows(text: string): TextWindow[] {
  if (countWords(text) < MIN_DOCUMENT_WORDS) return [];
  // Where each run of non-space characters (each /\S+/g match) starts and ends.
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (isSpaceCode(text.charCodeAt(i))) continue;
    starts.push(i);
    while (i + 1 < text.length && !isSpaceCode(text.charCodeAt(i + 1))) i++;
    ends.push(i + 1);
  }
  const doc = contentWords(text);
  const window = (start: number, end: number, body: string, sentence: boolean): TextWindow => (
    { start, end, text: body, markers: windowContextMarkers(doc, start, end, body, sentence) });
  const out: TextWindow[] = [];
  for (let i = 0; i < starts.length; i += WINDOW_STEP) {
    const start = starts[i]!;
    const end = ends[Math.min(starts.length, i + WINDOW_WORDS) - 1]!;
    out.push(window(start, end, text.slice(start, end), false));
    if (i + WINDOW_WORDS >= starts.length) break;
  }
  const sentences: TextWindow[] = [];
  for (const m of text.matchAll(SENTENCE)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    const n = body.split(/\s+/).length;
    if (n < 3 || n > WINDOW_WORDS * 2) continue;
    sentences.push(window(m.index + lead, m.index + lead + body.length, body, true));
  }
  return sentences.length >= 2 ? [...out, ...sentences] : out;
}

/**
 * Probability that one window (with its context markers, none for a text seen alone) is an instruction
 * addressed to an assistant rather than document prose.
 */
export function windowProbability(model: Pick<PlantedInstructionModel, 'weights' | 'bias'>, window: string, markers: readonly string[] = []): number {
  return logistic(linearScore(window, markers, model.weights.length, 1, model.weights, model.bias));
}

/** {@link windowProbability} of a window read from its document's tokens (features.ts's linearScoreIn: the same value). */
function windowProbabilityIn(model: Pick<PlantedInstructionModel, 'weights' | 'bias'>, tokens: TextTokens, w: TextWindow): number {
  return logistic(linearScoreIn(tokens, w.start, w.end, w.markers, model.weights.length, 1, model.weights, model.bias));
}

/** The most instruction-like window of a document, its probability, and how far it stands out from the rest. */
export interface PlantedWindow extends TextWindow {
  probability: number;
  /** The window's probability minus the median window's: high when one stretch reads unlike the rest. */
  contrast: number;
}

/**
 * How much the instruction-likeness of a window in the first person that addresses no one ("I need to ignore
 * my inbox and forget everything about the deadline") counts when the most instruction-like window is
 * picked: a diarist's sentence about themselves is rarely a task planted for a reader. Chosen with the
 * cross-validation of scripts/injection-splits.ts (no recall lost) and diary documents (see SECURITY.md).
 */
export const FIRST_PERSON_WEIGHT = 0.6;

const speaksForItself = (w: TextWindow): boolean => w.markers.includes('ctx:first-person') && !w.markers.includes('ctx:second-person');

/**
 * Window probability from which `second` opinions are asked, and how many windows (the likeliest) get one:
 * with 6 instead of all, the six cross-validation splits of scripts/injection-splits.ts score identically.
 */
const SECOND_OPINION_GATE = 0.5;
const SECOND_OPINIONS = 6;

/**
 * The most instruction-like window of a (normalised) document; undefined for short texts. A window's
 * probability is the window model's; `second` (detectInjection passes the main model) can raise it for the
 * few likeliest windows (probability ≥ 0.5; the main model's reading is the costly part of a long entry).
 * The contrast is taken against the median of the undiscounted probabilities. `given` is the text's tokens
 * (features.ts's textTokens) when the caller has read them, null when it found they cannot be used.
 */
export function mostInstructionLike(
  model: Pick<PlantedInstructionModel, 'weights' | 'bias'>, text: string, second?: (w: TextWindow, tokens?: TextTokens) => number,
  given?: TextTokens | null,
): PlantedWindow | undefined {
  const windows = documentWindows(text);
  if (!windows.length) return undefined;
  // The caller's reading of the text's tokens, or null when it has none (then each window is read as a string).
  const tokens = given === undefined ? textTokens(text) : (given ?? undefined);
  const raw = windows.map((w) => (tokens ? windowProbabilityIn(model, tokens, w) : windowProbability(model, w.text, w.markers)));
  if (second) {
    const likeliest = raw.map((_, i) => i).filter((i) => raw[i]! >= SECOND_OPINION_GATE).sort((a, b) => raw[b]! - raw[a]!);
    for (const i of likeliest.slice(0, SECOND_OPINIONS)) raw[i] = Math.max(raw[i]!, second(windows[i]!, tokens));
  }
  const probs = raw.map((p, i) => (speaksForItself(windows[i]!) ? p * FIRST_PERSON_WEIGHT : p));
  let best = 0;
  probs.forEach((p, i) => (p > probs[best]! ? (best = i) : undefined));
  const sorted = [...raw].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return { ...windows[best]!, probability: probs[best]!, contrast: probs[best]! - median };
}

let cached: PlantedInstructionModel | undefined;

/** The shipped window model (decoded once). */
export function defaultPlantedModel(): PlantedInstructionModel {
  cached ??= { ...decodeLinear(PLANTED_MODEL), threshold: PLANTED_MODEL.threshold };
  return cached;
}
