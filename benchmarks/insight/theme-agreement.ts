/**
 * Agreement of the compromise-free theme tagger with compromise's own tagger (the path theme extraction used
 * up to analyzer version 3: nlp.tokenize + lexicon, preTagger, contractionTwo), both feeding the same
 * candidate rules (candidatesFromTerms).
 *
 *   npx tsx benchmarks/insight/theme-agreement.ts [--out <json>] [--show 20]
 *
 * Texts: the GoEmotions fixture comments (fixtures/data), the one-voice DIARY, the seeded fortnight, and 300
 * generated diary entries of 10 personas (tests/helpers/one-voice.ts). Per set: mean Jaccard of the candidate
 * keys (kind:key), share of texts whose candidates are identical, and exact-match rate of the top-5 themes
 * (extractThemes' weighting, corpus = the set's own candidates under each tagger). Prints the candidates most
 * often found by only one of the two, to judge whether the differences are worse or only different.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import nlp from 'compromise';
import { candidatesFromTerms, themeCandidates, type Term, type ThemeCandidate } from '../../src/core/analysis/theme-candidates.js';
import { inverseFrequency, themeCorpusFromKeys, type ThemeCorpus } from '../../src/core/analysis/themes.js';
import { DIARY, diaryEntries, makePersona } from '../../tests/helpers/one-voice.js';
import { seededFortnight } from '../../tests/analysis/fortnight.js';
import { loadGoEmotionsGroup } from './goemotions.js';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'benchmarks/insight/results/theme-agreement.json' }, show: { type: 'string', default: '15' } } });

/** The previous path: compromise's tokenizer, lexicon and rule tagger. */
function compromiseCandidates(text: string): ThemeCandidate[] {
  const doc = nlp.tokenize(text);
  doc.compute(['lexicon', 'preTagger', 'contractionTwo']);
  return candidatesFromTerms(doc.termList() as unknown as Term[]);
}

const KIND_WEIGHT = { person: 1.3, place: 1.15, activity: 1.1, topic: 1 } as const; // as in themes.ts

function top5(candidates: ThemeCandidate[], corpus: ThemeCorpus): string[] {
  return candidates
    .map((c, index) => ({ index, id: `${c.kind}:${c.key}`, w: Math.round((1 + Math.log(c.count)) * inverseFrequency(corpus, c.key) * KIND_WEIGHT[c.kind] * 1000) / 1000 }))
    .sort((a, b) => b.w - a.w || a.index - b.index).slice(0, 5).map((t) => t.id);
}

const ids = (list: ThemeCandidate[]) => new Set(list.map((c) => `${c.kind}:${c.key}`));
function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let both = 0;
  for (const x of a) if (b.has(x)) both += 1;
  return both / (a.size + b.size - both);
}

const personas = Array.from({ length: 10 }, (_, i) => diaryEntries(makePersona(i + 1), 30, 100 + i)).flat();
const sets: Record<string, string[]> = {
  goemotions: loadGoEmotionsGroup('fixtures/data')?.examples.map((e) => e.text) ?? [],
  diary: DIARY,
  fortnight: seededFortnight().map((e) => e.text),
  personas,
};

const onlyOld = new Map<string, number>();
const onlyNew = new Map<string, number>();
const results: Record<string, { texts: number; meanJaccard: number; identical: number; top5Exact: number }> = {};
for (const [name, texts] of Object.entries(sets)) {
  const old = texts.map(compromiseCandidates);
  const now = texts.map(themeCandidates);
  const oldCorpus = themeCorpusFromKeys(old.map((l) => l.map((c) => c.key)));
  const newCorpus = themeCorpusFromKeys(now.map((l) => l.map((c) => c.key)));
  let sum = 0;
  let identical = 0;
  let exact = 0;
  texts.forEach((_, i) => {
    const a = ids(old[i]!);
    const b = ids(now[i]!);
    const j = jaccard(a, b);
    sum += j;
    if (j === 1) identical += 1;
    if (top5(old[i]!, oldCorpus).join('|') === top5(now[i]!, newCorpus).join('|')) exact += 1;
    for (const x of a) if (!b.has(x)) onlyOld.set(x, (onlyOld.get(x) ?? 0) + 1);
    for (const x of b) if (!a.has(x)) onlyNew.set(x, (onlyNew.get(x) ?? 0) + 1);
  });
  const r = (x: number) => Number(x.toFixed(4));
  results[name] = { texts: texts.length, meanJaccard: r(sum / Math.max(1, texts.length)), identical: r(identical / Math.max(1, texts.length)), top5Exact: r(exact / Math.max(1, texts.length)) };
}

console.table(results);
const show = Number(values.show);
const most = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, show).map(([k, n]) => `${k} ×${n}`).join(', ');
console.log(`only compromise (${[...onlyOld.values()].reduce((a, b) => a + b, 0)}): ${most(onlyOld)}`);
console.log(`only new tagger (${[...onlyNew.values()].reduce((a, b) => a + b, 0)}): ${most(onlyNew)}`);
writeFileSync(values.out, `${JSON.stringify({ date: new Date().toISOString(), results, onlyCompromise: Object.fromEntries([...onlyOld].sort((a, b) => b[1] - a[1]).slice(0, 50)), onlyNew: Object.fromEntries([...onlyNew].sort((a, b) => b[1] - a[1]).slice(0, 50)) }, null, 2)}\n`);
