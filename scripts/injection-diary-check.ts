/**
 * Over-defence on diary documents: each line below (ordinary diary and chat lines that use an attack's
 * words, tests/helpers/diary-trigger-lines.ts, which the rule tests use, and three more) is put inside the
 * same five-sentence diary entry, and the shipped fast path scores the entry. Prints the risk, the planted
 * layer's contrast and how many entries are flagged (MEDIUM or HIGH). No public labelled set has diary
 * entries with such lines, so the cross-validation cannot show this; hand-written, not a benchmark.
 *
 *   npx tsx scripts/injection-diary-check.ts
 */
import { detectInjection } from '../src/security/injection/detect-injection.js';
import { DIARY_TRIGGER_LINES } from '../tests/helpers/diary-trigger-lines.js';

const LINES = [
  ...DIARY_TRIGGER_LINES,
  'I need to ignore my inbox for a while and forget everything about the deadline this weekend.',
  'Dad says I should pretend the office does not exist on weekends.',
  'Forget everything about work until Monday, that is the plan.',
];
const BEFORE = 'I woke up early and made coffee while the rain tapped on the kitchen window. Sara called around nine to ask '
  + 'whether we were still meeting at the café. Work felt heavy today, and I kept thinking about the conversation with my manager.';
const AFTER = 'In the evening we walked by the river and talked about moving to Lisbon next year. I felt grateful, tired, '
  + 'and a little anxious, all at once, which is normal lately.';

let flagged = 0;
for (const line of LINES) {
  const r = detectInjection(`${BEFORE} ${line} ${AFTER}`);
  if (r.risk === 'MEDIUM' || r.risk === 'HIGH') flagged++;
  console.log(`${r.risk.padEnd(6)} planted ${r.plantedScore.toFixed(3)} ${[...new Set(r.spans.map((s) => s.rule))].join(',').padEnd(20)} ${line}`);
}
console.log(`${flagged} of ${LINES.length} diary entries flagged (MEDIUM or HIGH)`);
