import { MIN_DOCUMENT_WORDS } from './planted-instructions.js';
import { CASE_FOLD_UNSAFE, findGateWords } from './rule-gates.js';
import { RULES } from './rules.js';
import type { InjectionSpan } from './types.js';
import { countWords } from './word-count.js';

/** The index after `at`, stepping over a surrogate pair in unicode mode (the spec's AdvanceStringIndex). */
function advance(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const c = text.charCodeAt(at);
  if (c < 0xd800 || c > 0xdbff) return at + 1;
  const d = text.charCodeAt(at + 1);
  return d >= 0xdc00 && d <= 0xdfff ? at + 2 : at + 1;
}

/**
 * Appends a span for every match of every rule in `text` (rules in RULES order, matches in text order, the
 * same spans `text.matchAll(rule.pattern)` gives), with `decoded` set on each when given. Rules marked
 * documentOnly are skipped in texts under MIN_DOCUMENT_WORDS words, and a rule is not run on a text without
 * its gate words (see RULE_GATES).
 */
export function scanRules(text: string, decoded: string | undefined, out: InjectionSpan[]): void {
  const isDocument = countWords(text) >= MIN_DOCUMENT_WORDS;
  const gates = CASE_FOLD_UNSAFE.test(text) ? undefined : findGateWords(text.toLowerCase());
  for (const rule of RULES) {
    if (rule.documentOnly && !isDocument) continue;
    if (gates !== undefined && !gates.open(rule.name)) continue;
    const re = rule.pattern;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const span: InjectionSpan = { type: rule.type, start: m.index, end: m.index + m[0].length, text: m[0], rule: rule.name };
      if (decoded !== undefined) span.decoded = decoded;
      out.push(span);
      if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, re.unicode);
    }
    re.lastIndex = 0;
  }
}
