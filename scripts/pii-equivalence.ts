/**
 * Checks that a change to detectPII's code (the tagger's speed above all) left its output exactly as it was.
 *
 *   npx tsx scripts/pii-equivalence.ts --write <file.json> [--data fixtures/data]   (before the change)
 *   npx tsx scripts/pii-equivalence.ts --check <file.json> [--data fixtures/data]   (after it)
 *
 * The texts: presidio-synth, both WNUT-17 files (tokens joined by spaces), the injection corpus (deepset,
 * jailbreaks, NotInject, GoEmotions, clean BIPIA emails and BIPIA attacks inside them), the diary trigger
 * lines alone and inside a diary entry, synthetic diary entries, the latency benchmark's sentences as
 * entries of 80-500 words, its stream of ~500-word GoEmotions entries, and a few edge cases. For each text it records detectPII's whole result (every
 * span's type, offsets, text, confidence and source) and the tagger's label of every token, so that a
 * change in the search shows even where the spans happen to agree. --check prints the number of texts
 * compared and the first differences, and exits 1 when there is one.
 */
import { buildInjectionCorpus } from '../benchmarks/security/injection-corpus.js';
import { goEmotionsEntries, latencyEntry } from '../benchmarks/security/latency-entry.js';
import { loadPresidio, loadWnut } from '../benchmarks/security/load-data.js';
import { detectPII } from '../src/security/pii/index.js';
import { ruleFeatureSpans, ruleSpans, shippedTagger } from '../src/security/pii/tagger.js';
import { regexTags } from '../src/security/pii/tagger-features.js';
import { decode } from '../src/security/pii/tagger-model.js';
import { tokenize } from '../src/security/pii/tokenize.js';
import { DIARY_TRIGGER_LINES } from '../tests/helpers/diary-trigger-lines.js';
import { diaryEntries, makePersona } from '../tests/helpers/one-voice.js';
import { runEquivalence } from './equivalence-run.js';

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
  goEmotionsEntries(dir, 500).forEach((entry, i) => out.push([`goemotions-entry#${i}`, entry]));
  out.push(['latency-entry#500', latencyEntry(500)], ['long-diary', diary.join('\n')], ['empty', ''], ['space', ' \n '], ['newlines', 'Name:\nJohn Smith\n\n12 Elm Street\nSpringfield\n']);
  return out;
}

/** detectPII's result and the tagger's labels for one text. */
function recordOne(text: string): { spans: unknown; labels: string } {
  const tokens = tokenize(text);
  const rx = regexTags(tokens, ruleFeatureSpans(text, ruleSpans(text)));
  return { spans: detectPII(text), labels: decode(shippedTagger(), tokens, rx).join(' ') };
}

/** Every text's record, by label. */
function record(dir: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [label, text] of texts(dir)) out[label] = { text, ...recordOne(text) };
  return out;
}

runEquivalence('pii-equivalence.ts', record, (now) => {
  const spans = Object.values(now).reduce<number>((n, r) => n + (r as { spans: unknown[] }).spans.length, 0);
  return `${Object.keys(now).length} texts (${spans} spans)`;
});
