/**
 * Error analysis of the PII tagger's out-of-fold predictions (written by
 * `scripts/train-pii-tagger.ts --oof FILE`): every exact-match miss grouped by evaluation type and kind.
 *
 *   npx tsx scripts/pii-misses.ts FILE [--type LOCATION] [--kind boundary] [--examples 8]
 *
 * Kinds, from the gold side: `boundary` (a prediction of the same type overlaps it, edges differ),
 * `wrong-type` (only a prediction of another type overlaps it), `missed` (nothing overlaps it); from the
 * prediction side: `boundary-extra` (a same-type prediction overlapping gold it does not match exactly),
 * `wrong-type-extra`, and `spurious` (overlaps no gold span at all).
 */
import { readFileSync } from 'node:fs';
import type { TypedSpan } from '../benchmarks/security/span-scoring.js';

/** One held-out sentence as the --oof file holds it. */
interface OofItem {
  fold: number;
  text: string;
  gold: TypedSpan[];
  predicted: TypedSpan[];
}

/** One exact-match miss. */
interface Miss {
  type: string;
  kind: string;
  text: string;
  span: TypedSpan;
  others: TypedSpan[];
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i !== -1 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const overlaps = (a: TypedSpan, b: TypedSpan): boolean => a.start < b.end && b.start < a.end;
const same = (a: TypedSpan, b: TypedSpan): boolean => a.type === b.type && a.start === b.start && a.end === b.end;

/** The misses of one sentence, gold side first. */
function missesOf(item: OofItem): Miss[] {
  const out: Miss[] = [];
  const classify = (span: TypedSpan, against: readonly TypedSpan[], side: 'gold' | 'pred'): void => {
    if (against.some((o) => same(span, o))) return;
    const near = against.filter((o) => overlaps(span, o));
    const kind = near.some((o) => o.type === span.type) ? 'boundary' : near.length ? 'wrong-type' : side === 'gold' ? 'missed' : 'spurious';
    out.push({ type: span.type, kind: side === 'pred' && kind !== 'spurious' ? `${kind}-extra` : kind, text: item.text, span, others: near });
  };
  for (const g of item.gold) classify(g, item.predicted, 'gold');
  for (const p of item.predicted) classify(p, item.gold, 'pred');
  return out;
}

/** A span's text with a little context, line breaks shown as ⏎. */
function show(text: string, s: TypedSpan): string {
  const flat = (t: string): string => t.replace(/\n/g, '⏎');
  return `${flat(text.slice(Math.max(0, s.start - 40), s.start))}[[${flat(text.slice(s.start, s.end))}]]${flat(text.slice(s.end, s.end + 30))}`;
}

const file = process.argv[2];
if (!file || file.startsWith('--')) throw new Error('usage: pii-misses.ts OOF_FILE [--type T] [--kind K] [--examples N]');
const items = JSON.parse(readFileSync(file, 'utf8')) as OofItem[];
const onlyType = arg('--type', '');
const onlyKind = arg('--kind', '');
const examples = Number(arg('--examples', '5'));
const misses = items.flatMap(missesOf).filter((m) => (!onlyType || m.type === onlyType) && (!onlyKind || m.kind === onlyKind));
const groups = new Map<string, Miss[]>();
for (const m of misses) {
  const key = `${m.type} ${m.kind}`;
  groups.set(key, [...(groups.get(key) ?? []), m]);
}
console.log(`${items.length} sentences, ${misses.length} exact-match misses`);
for (const [key, list] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
  console.log(`\n## ${key}: ${list.length}`);
  for (const m of list.slice(0, examples)) {
    const near = m.others.map((o) => `${o.type}:"${m.text.slice(o.start, o.end).replace(/\n/g, '⏎')}"`).join(', ');
    console.log(`  ${show(m.text, m.span)}${near ? `   vs ${near}` : ''}`);
  }
}
