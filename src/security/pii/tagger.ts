import { addressBlockSpans } from './address-block.js';
import { findNameRuleSpans } from './name-rules.js';
import { findPatternSpans } from './patterns.js';
import { resolveOverlaps } from './resolve-overlaps.js';
import { regexTags } from './tagger-features.js';
import { decode, deserializeTagger, entities, type TaggerModel } from './tagger-model.js';
import { TAGGER_WEIGHTS } from './tagger-weights.js';
import { tokenize } from './tokenize.js';
import type { PiiSpan, PiiType } from './types.js';

let shipped: TaggerModel | undefined;

/** The tagger trained by scripts/train-pii-tagger.ts, decoded on first use. */
export function shippedTagger(): TaggerModel {
  shipped ??= deserializeTagger(TAGGER_WEIGHTS);
  return shipped;
}

/** Every rule recogniser's spans: regexes with validators, postal blocks, title/suffix/NRP rules. */
export function ruleSpans(text: string): PiiSpan[] {
  const spans = findPatternSpans(text);
  spans.push(...addressBlockSpans(text, spans.filter((s) => s.type === 'STREET_ADDRESS')));
  return spans;
}

/** The rule hits the tagger sees as features: one per token, overlaps resolved by type priority. */
export function ruleFeatureSpans(text: string, rules: readonly PiiSpan[]): PiiSpan[] {
  return resolveOverlaps([...rules, ...findNameRuleSpans(text)]);
}

/**
 * Context-dependent entities (PERSON, LOCATION, STREET_ADDRESS, ZIP_CODE, ORGANIZATION, TITLE, NRP,
 * DATE_TIME, AGE, PHONE, US_DRIVER_LICENSE) found by the linear-chain tagger, which sees the rule
 * recognisers' hits as features.
 */
export function tagEntities(text: string, rules: readonly PiiSpan[], model: TaggerModel = shippedTagger()): PiiSpan[] {
  const tokens = tokenize(text);
  const labels = decode(model, tokens, regexTags(tokens, ruleFeatureSpans(text, rules)));
  return entities(labels).map(([type, first, last]) => {
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    return { type: type as PiiType, start, end, text: text.slice(start, end), confidence: 0.8, source: 'ner:tagger' };
  });
}
