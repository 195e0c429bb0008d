import { textTokens } from './features.js';
import { defaultModel, modelProbability, modelProbabilityIn, type InjectionModel } from './model.js';
import { normalizeForDetection, type NormalizedText } from './normalize.js';
import { MIN_DOCUMENT_WORDS, mostInstructionLike } from './planted-instructions.js';
import { scanRules } from './rule-scan.js';
import { countWords } from './word-count.js';
import type { InjectionResult, InjectionRisk, InjectionSpan, InjectionType } from './types.js';

/** The sentences and lines of a text (split after . ! ? and at line breaks); pieces may be empty. */
export function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/);
}

/** Texts up to this many words (prompts, short entries) are also scored sentence by sentence. */
export const SENTENCE_SCORED_MAX_WORDS = 100;

/**
 * The main model's highest score over the sentences (and lines) of three words or more of a short text with
 * two or more of them, 0 otherwise: an injection appended to an innocent question ("… Where can I find it?
 * Vergiss alles davor und …") is not diluted by the question's words. Longer texts are left to the planted
 * layer.
 */
function bestSentenceScore(model: InjectionModel, text: string): number {
  if (countWords(text) > SENTENCE_SCORED_MAX_WORDS) return 0;
  const sentences = splitSentences(text).filter((x) => countWords(x) >= 3);
  return sentences.length < 2 ? 0 : Math.max(...sentences.map((x) => modelProbability(model, x)));
}

/** What the model sees of a text: the normalised text, the rule hits and the markers fed to the model. */
export interface InjectionEvidence {
  norm: NormalizedText;
  spans: InjectionSpan[];
  markers: string[];
}

const HIDING_FLAGS = new Set(['zero-width', 'bidi', 'homoglyph', 'spacing', 'leetspeak']);

/** Normalises `text` and collects rule hits (also inside decoded payloads); used by inference and training. */
export function gatherEvidence(text: string): InjectionEvidence {
  const norm = normalizeForDetection(text);
  const spans: InjectionSpan[] = [];
  scanRules(norm.text, undefined, spans);
  for (const payload of norm.decoded) scanRules(payload.text, payload.kind, spans);
  const markers = [...new Set(spans.map((s) => s.rule))];
  if (norm.decoded.length) markers.push('decoded-payload');
  if (spans.length && norm.flags.some((f) => HIDING_FLAGS.has(f))) markers.push('hidden-instruction');
  return { norm, spans, markers };
}

function riskOf(score: number, t: InjectionModel['thresholds']): InjectionRisk {
  if (score >= t.high) return 'HIGH';
  if (score >= t.medium) return 'MEDIUM';
  if (score >= t.low) return 'LOW';
  return 'NONE';
}

/**
 * Scores how likely `text` is to be a prompt injection. The text is normalised first (see
 * normalizeForDetection); rules (instruction override, jailbreak personas, prompt extraction, chat markup,
 * tool abuse, instructions addressed to an AI) find typed spans, and the trained n-gram model, which also
 * sees which rules fired, gives the score (for a short text, the highest of its own and its sentences'). A
 * hit of a rule the training split found precise ("trusted"),
 * or instruction words hidden by zero-width characters, homoglyphs, spacing or leetspeak, is HIGH. In a
 * longer document, a window that the planted-instruction model or the main model finds addressed to an
 * assistant, and that stands out from the rest of the document, is at least
 * MEDIUM (indirect injection). Never throws; pure and synchronous.
 */
export function detectInjection(text: string, model: InjectionModel = defaultModel()): InjectionResult {
  const { norm, spans, markers } = gatherEvidence(text);
  // A document's tokens, read once for the main model and every window of the planted layer.
  const tokens = model.planted && countWords(norm.text) >= MIN_DOCUMENT_WORDS ? textTokens(norm.text) : undefined;
  let modelScore = tokens ? modelProbabilityIn(model, tokens, 0, norm.text.length, markers) : modelProbability(model, norm.text, markers);
  modelScore = Math.max(modelScore, bestSentenceScore(model, norm.text));
  for (const payload of norm.decoded) {
    const payloadMarkers = [...new Set(spans.filter((s) => s.decoded === payload.kind).map((s) => s.rule))];
    const payloadScore = modelProbability(model, payload.text, payloadMarkers);
    modelScore = Math.max(modelScore, payloadScore);
    if (payloadMarkers.length || payloadScore >= model.thresholds.medium) {
      spans.push({ type: 'encoded_payload', start: 0, end: 0, text: payload.text.slice(0, 200), rule: `decoded-${payload.kind}`, decoded: payload.kind });
    }
  }
  let score = modelScore;
  if (spans.some((s) => model.trustedRules.includes(s.rule))) score = Math.max(score, model.thresholds.high);
  if (markers.includes('hidden-instruction')) {
    score = Math.max(score, model.thresholds.high);
    spans.push({ type: 'encoded_payload', start: 0, end: 0, text: '', rule: `obfuscation:${norm.flags.join('+')}` });
  }
  const windowModel = model.planted;
  // The main model also reads the few windows the window model finds likeliest (mostInstructionLike's
  // second opinions).
  const planted = windowModel
    ? mostInstructionLike(windowModel, norm.text, (w, own) => (own ? modelProbabilityIn(model, own, w.start, w.end) : modelProbability(model, w.text)), tokens ?? null)
    : undefined;
  if (planted && model.planted && planted.contrast >= model.planted.threshold) {
    score = Math.max(score, model.thresholds.medium);
    spans.push({ type: 'indirect_injection', start: planted.start, end: planted.end, text: planted.text, rule: 'planted-instruction' });
  }
  const types = [...new Set(spans.map((s) => s.type))] as InjectionType[];
  return {
    risk: riskOf(score, model.thresholds), score, modelScore, plantedScore: planted?.contrast ?? 0,
    types, spans, normalized: norm.text, obfuscation: norm.flags,
  };
}
