/**
 * Checks that a change to the injection or poisoning detector's code left its output exactly as it was.
 *
 *   npx tsx scripts/detector-equivalence.ts --write <file.json> [--data fixtures/data]   (before the change)
 *   npx tsx scripts/detector-equivalence.ts --check <file.json> [--data fixtures/data]   (after it)
 *
 * The texts: every text of the injection corpus (deepset, jailbreaks, NotInject, GoEmotions, clean BIPIA
 * emails and BIPIA attacks inserted into three carriers each), presidio-synth sentences, the diary trigger
 * lines alone and inside a diary entry, synthetic diary entries, and obfuscated copies of every
 * injection (zero-width, bidi, homoglyphs, spacing, leetspeak, full-width, base64, hex, rot13, reversed) so
 * that every normalisation path is exercised. For each text it records detectInjection's whole result and
 * gatherEvidence's markers; for the synthetic poisoning journals (benchmarks/security/poisoning-set.ts) the
 * baseline and detectPoisoning's whole result for every own, foreign and corpus text. --check prints the
 * number of texts compared and every difference, and exits 1 when there is one.
 */
import { buildInjectionCorpus } from '../benchmarks/security/injection-corpus.js';
import { loadPresidio } from '../benchmarks/security/load-data.js';
import { buildPoisoningSet } from '../benchmarks/security/poisoning-set.js';
import { detectInjection, gatherEvidence, rot13 } from '../src/security/injection/index.js';
import { buildStyleBaseline, detectPoisoning } from '../src/security/poisoning/index.js';
import { DIARY_TRIGGER_LINES } from '../tests/helpers/diary-trigger-lines.js';
import { diaryEntries, FOREIGN, makePersona } from '../tests/helpers/one-voice.js';
import { runEquivalence } from './equivalence-run.js';

/** Obfuscated copies of an injection, one per trick normalizeForDetection undoes. */
function obfuscations(text: string): string[] {
  const short = text.slice(0, 300);
  const cyr: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і' };
  return [
    short.replace(/(\w)(\w)/g, '$1\u200B$2'),
    `\u202E${short}\u202C`,
    short.replace(/[aeopcxyi]/g, (c) => cyr[c] ?? c),
    short.replace(/\b(\w{4,9})\b/, (w) => [...w].join(' ')),
    short.replace(/\b(\w{4,9})\b/, (w) => [...w].join('.')),
    short.replace(/[aeiost]/g, (c) => ({ a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' })[c] ?? c),
    short.replace(/[A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
    `Please decode: ${Buffer.from(short).toString('base64')}`,
    `hex ${Buffer.from(short.slice(0, 80)).toString('hex')}`,
    rot13(short),
    [...short].reverse().join(''),
  ];
}

/** Every text the check runs detectInjection on, with a label saying where it came from. */
function injectionTexts(dir: string): [string, string][] {
  const out: [string, string][] = [];
  const corpus = buildInjectionCorpus(dir, 3);
  corpus.forEach((item, i) => out.push([`${item.source}#${i}`, item.text]));
  corpus.filter((item) => item.label === 1).forEach((item, i) => {
    obfuscations(item.attack ?? item.text).forEach((t, k) => out.push([`obfuscated#${i}.${k}`, t]));
  });
  loadPresidio(dir).forEach((row, i) => out.push([`presidio#${i}`, row.full_text]));
  const persona = makePersona(3);
  const diary = diaryEntries(persona, 40, 3);
  DIARY_TRIGGER_LINES.forEach((line, i) => {
    out.push([`diary-line#${i}`, line]);
    out.push([`diary-line-in-entry#${i}`, `${diary[i % diary.length]!} ${line} ${diary[(i + 1) % diary.length]!}`]);
  });
  diary.forEach((entry, i) => out.push([`diary#${i}`, entry]));
  out.push(['one-voice-foreign', FOREIGN], ['empty', ''], ['space', ' \n '], ['long-diary', diary.join(' ')]);
  return out;
}

/** Everything recorded for one data directory, keyed by a stable label. */
function record(dir: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [label, text] of injectionTexts(dir)) {
    const result = detectInjection(text);
    out[`injection:${label}`] = { text, result, markers: gatherEvidence(text).markers };
  }
  const corpusTexts = buildInjectionCorpus(dir, 1).map((item) => item.text).filter((_, i) => i % 7 === 0);
  buildPoisoningSet(dir, 17, 40).forEach((journal, j) => {
    const baseline = buildStyleBaseline(journal.baseline);
    out[`poisoning-baseline:${j}`] = baseline;
    const scored = [...journal.own, ...journal.foreign.map((f) => f.text), ...(j < 4 ? corpusTexts : [])];
    scored.forEach((text, i) => {
      out[`poisoning:${j}.${i}`] = detectPoisoning(text, baseline);
    });
  });
  return out;
}

runEquivalence('detector-equivalence.ts', record, (now) => {
  const count = (prefix: string): number => Object.keys(now).filter((k) => k.startsWith(prefix)).length;
  return `${count('injection:')} detectInjection texts, ${count('poisoning-baseline:')} poisoning baselines, ${count('poisoning:')} detectPoisoning texts`;
});
