import type { OwaspId } from './types.js';

/** OWASP items that do not apply to a local single-user journal, with the reason. */
export const NOT_APPLICABLE: { id: OwaspId; title: string; reason: string }[] = [
  {
    id: 'LLM06',
    title: 'Excessive agency',
    reason: 'The model is given no tools, plugins or actions: every provider call returns text that companion validates and prints; nothing a model says is executed, written to files or sent anywhere (LLM05 checks that output carrying shell commands is not run).',
  },
  {
    id: 'LLM09',
    title: 'Misinformation',
    reason: 'Not testable as pass/fail: whether a reflection is true is a judgement about the person\'s life. companion limits it instead: statistics are computed, not generated, and model prose naming a date with no entry behind it is rejected (validateProse).',
  },
];
