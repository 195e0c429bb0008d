/**
 * Checks that a change to detectPII's code (the tagger's speed above all) left its output exactly as it was.
 *
 *   npx tsx scripts/pii-equivalence.ts --write <file.json> [--data fixtures/data]   (before the change)
 *   npx tsx scripts/pii-equivalence.ts --check <file.json> [--data fixtures/data]   (after it)
 *
 * The texts: presidio-synth, both WNUT-17 files (tokens joined by spaces), the injection corpus (deepset,
 * jailbreaks, NotInject, GoEmotions, clean BIPIA emails and BIPIA attacks inside them), the diary trigger
 * lines alone and inside a diary entry, synthetic diary entries, the latency benchmark's sentences as
 * entries of 80-500 words, and a few edge cases. For each text it records detectPII's whole result (every
 * span's type, offsets, text, confidence and source) and the tagger's label of every token, so that a
 * change in the search shows even where the spans happen to agree. --check prints the number of texts
 * compared and the first differences, and exits 1 when there is one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { buildInjectionCorpus } from '../benchmarks/security/injection-corpus.js';
import { loadPresidio, loadWnut } from '../benchmarks/security/load-data.js';
import { detectPII } from '../src/security/pii/index.js';
import { ruleFeatureSpans, ruleSpans, shippedTagger } from '../src/security/pii/tagger.js';
import { regexTags } from '../src/security/pii/tagger-features.js';
import { decode } from '../src/security/pii/tagger-model.js';
import { tokenize } from '../src/security/pii/tokenize.js';
import { DIARY_TRIGGER_LINES } from '../tests/helpers/diary-trigger-lines.js';
import { diaryEntries, makePersona } from '../tests/helpers/one-voice.js';

/** The sentences benchmarks/security/latency.ts builds its entry from (kept in step with it by hand). */
const LATENCY_SENTENCES = [
  'I woke up early and made coffee while the rain tapped on the kitchen window.',
  'Sara called around nine to ask whether we were still meeting at the café on Elm Street.',
  'Work felt heavy today, and I kept thinking about the conversation with my manager.',
  'I need to ignore my inbox for a while and forget everything about the deadline this weekend.',
  'My phone number changed to 780-999-2181, so I texted everyone the new one.',
  'In the evening we walked by the river and talked about moving to Lisbon next year.',
  'I felt grateful, tired, and a little anxious, all at once, which is normal lately.',
];

/** The latency benchmark's entry of about `words` words. */
function latencyEntry(words: number): string {
  const out: string[] = [];
  for (let i = 0, count = 0; count < words; i++) {
    const s = LATENCY_SENTENCES[i % LATENCY_SENTENCES.length]!;
    out.push(s);
    count += s.split(/\s+/).length;
  }
  return out.join(' ');
}

/** Every text the check runs detectPII on, with a label saying where it came from. */
function texts(dir: string): [string, string][] {
  const out: [string, string][] = [];
  loadPresidio(dir).forEach((row, i) => out.push([`presidio#${i}`, row.full_text]));
  for (const file of ['wnut17/wnut17.conll', 'wnut17/wnut17train.conll']) {
    loadWnut(dir, file).forEach((s, i) => out.push([`${file}#${i}`, s.tokens.join(' ')]));
  }
  buildInjectionCorpus(dir, 1).forEach((item, i) => out.push([`${item.source}#${i}`, item.text]));
  const diary = diaryEntries(makePersona(3), 40, 3);
  DIARY_TRIGGER_LINES.forEach((line, i) => {
    out.push([`diary-line#${i}`, line]);
    out.push([`diary-line-in-entry#${i}`, `${diary[i % diary.length]!} ${line} ${diary[(i + 1) % diary.length]!}`]);
  });
  diary.forEach((entry, i) => out.push([`diary#${i}`, entry]));
  for (let words = 80; words <= 500; words += 60) out.push([`latency-entry#${words}`, latencyEntry(words)]);
  out.push(['latency-entry#500', latencyEntry(500)], ['long-diary', diary.join('\n')], ['empty', ''], ['space', ' \n '], ['newlines', 'Name:\nJohn Smith\n\n12 Elm Street\nSpringfield\n']);
  return out;
}

/** detectPII's result and the tagger's labels for one text. */
function recordOne(text: string): { spans: unknown; labels: string } {
  const tokens = tokenize(text);
  const rx = regexTags(tokens, ruleFeatureSpans(text, ruleSpans(text)));
  return { spans: detectPII(text), labels: decode(shippedTagger(), tokens, rx).join(' ') };
}

/** Paths at which two JSON values differ (at most `limit`). */
function differences(a: unknown, b: unknown, path: string, out: string[], limit = 50): void {
  if (out.length >= limit) return;
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    if (!Object.is(a, b)) out.push(`${path}: ${JSON.stringify(a)?.slice(0, 200)} -> ${JSON.stringify(b)?.slice(0, 200)}`);
    return;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out, limit);
}

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
};
const dir = arg('--data') ?? 'fixtures/data';
const writeTo = arg('--write');
const checkAgainst = arg('--check');
if (!writeTo && !checkAgainst) {
  console.error('usage: pii-equivalence.ts --write <file.json> | --check <file.json> [--data <dir>]');
  process.exit(2);
}
const started = Date.now();
const now: Record<string, unknown> = {};
for (const [label, text] of texts(dir)) now[label] = { text, ...recordOne(text) };
const normalised = JSON.parse(JSON.stringify(now)) as Record<string, unknown>;
const spans = Object.values(normalised).reduce<number>((n, r) => n + ((r as { spans: unknown[] }).spans.length), 0);
const summary = `${Object.keys(normalised).length} texts (${spans} spans)`;
if (writeTo) {
  writeFileSync(writeTo, JSON.stringify(normalised));
  console.log(`wrote ${summary} to ${writeTo} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
} else {
  const before = JSON.parse(readFileSync(checkAgainst!, 'utf8')) as Record<string, unknown>;
  const diffs: string[] = [];
  differences(before, normalised, '', diffs);
  const changed = Object.keys({ ...before, ...normalised }).filter((k) => {
    const d: string[] = [];
    differences(before[k], normalised[k], k, d, 1);
    return d.length > 0;
  });
  console.log(`compared ${summary} (${((Date.now() - started) / 1000).toFixed(1)} s): ${changed.length} differ`);
  for (const d of diffs) console.log(`  ${d}`);
  process.exit(changed.length ? 1 : 0);
}
