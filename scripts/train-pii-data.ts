/** Training sentences for the PII tagger from presidio-synth and WNUT-17 (used by train-pii-tagger.ts). */
import type { ConllSentence, PresidioRow } from '../benchmarks/security/load-data.js';
import { regexTags } from '../src/security/pii/tagger-features.js';
import { ruleFeatureSpans, ruleSpans } from '../src/security/pii/tagger.js';
import { tokenize } from '../src/security/pii/tokenize.js';
import type { TaggedSentence } from './train-pii-perceptron.js';

/** presidio label → tagger type; labels left out (email, card, IBAN, ...) are the validated regexes' job. */
export const PRESIDIO_TO_TAGGER: Record<string, string> = {
  PERSON: 'PERSON', GPE: 'LOCATION', STREET_ADDRESS: 'STREET_ADDRESS', ZIP_CODE: 'ZIP_CODE', ORGANIZATION: 'ORGANIZATION',
  TITLE: 'TITLE', NRP: 'NRP', DATE_TIME: 'DATE_TIME', AGE: 'AGE', PHONE_NUMBER: 'PHONE', US_DRIVER_LICENSE: 'US_DRIVER_LICENSE',
};

/** WNUT-17 class → tagger type (group, product and creative-work are not PII we claim). */
const WNUT_TO_TAGGER: Record<string, string> = { person: 'PERSON', location: 'LOCATION', corporation: 'ORGANIZATION' };

/** Every BIO label of the tagger, 'O' first. */
export const TAGGER_LABELS = ['O', ...[...new Set(Object.values(PRESIDIO_TO_TAGGER))].flatMap((t) => [`B-${t}`, `I-${t}`])];

/** Counts of gold spans whose edges fell inside a token (labelled from the covering tokens anyway). */
export const misaligned = { count: 0 };

function label(text: string, spans: readonly { type: string; start: number; end: number }[]): TaggedSentence {
  const tokens = tokenize(text);
  const labels = tokens.map(() => 'O');
  for (const s of spans) {
    let first = true;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.end <= s.start || t.start >= s.end) continue;
      if ((first && t.start !== s.start) || t.end > s.end) misaligned.count++;
      labels[i] = `${first ? 'B' : 'I'}-${s.type}`;
      first = false;
    }
  }
  const rx = regexTags(tokens, ruleFeatureSpans(text, ruleSpans(text)));
  return { tokens, labels, rx };
}

/** A presidio row as a tagged sentence. */
export function fromPresidio(row: PresidioRow): TaggedSentence {
  const spans = row.spans.flatMap((s) => {
    const type = PRESIDIO_TO_TAGGER[s.entity_type];
    return type ? [{ type, start: s.start_position, end: s.end_position }] : [];
  });
  return label(row.full_text, spans);
}

/** A text known to hold no personal data we claim (GoEmotions comments, names masked as [NAME]): all O. */
export function fromPlain(text: string): TaggedSentence {
  return label(text, []);
}

/** A WNUT-17 sentence (tokens joined by spaces) as a tagged sentence. */
export function fromWnut(s: ConllSentence): TaggedSentence {
  let text = '';
  const spans: { type: string; start: number; end: number }[] = [];
  s.tokens.forEach((tok, i) => {
    if (text) text += ' ';
    const start = text.length;
    text += tok;
    const m = /^([BI])-(.+)$/.exec(s.tags[i] ?? 'O');
    const type = m ? WNUT_TO_TAGGER[m[2]!] : undefined;
    const last = spans[spans.length - 1];
    if (!m || !type) return;
    if (m[1] === 'I' && last && last.type === type) last.end = text.length;
    else spans.push({ type, start, end: text.length });
  });
  return label(text, spans);
}
