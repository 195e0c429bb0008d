/**
 * Scores the security detectors on a directory laid out like fixtures/data and writes the figures as JSON.
 *
 *   npm run eval:security -- --data <dir> --out <file.json> [--fast] [--cv] [--skip pii,wnut,injection,poisoning]
 *
 * A missing data file is skipped and said. Injection is scored with the shipped model, which was trained
 * on all of fixtures/data: on that directory use `--cv`, which adds grouped 5-fold cross-validated figures
 * (every fold's model trained without it), twice: BIPIA attacks held out by whole category, and by attack
 * string only. `injection` scores the whole detector (`detectInjectionDeep`: rules, n-gram models and the
 * embedding layer on the built-in Universal Sentence Encoder, local), `injectionFastPath` the layers a save
 * uses (`detectInjection`); `--fast` scores only the latter (the embedding layer takes about two minutes on
 * fixtures/data). If the encoder cannot load, `injection` is the fast path and the JSON says why.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadSentenceEncoder } from '../../src/providers/builtin-provider.js';
import { crossValidateInjection, evaluateInjection, evaluateInjectionDeep, type InjectionEvaluation } from './eval-injection.js';
import { evaluatePresidio, evaluateWnut } from './eval-pii.js';
import { evaluatePoisoning } from './eval-poisoning.js';
import { loadPresidio, loadWnut, skipped } from './load-data.js';
import { buildPoisoningSet } from './poisoning-set.js';
import { renderTable, type TableRow } from './table.js';
import { formatFigures } from '../../scripts/injection-cv-report.js';

/** Parsed command-line options. */
export interface EvalOptions {
  data: string;
  out?: string;
  /** Also cross-validate the injection detector on the directory. */
  cv: boolean;
  /** Score injection with the embedding layer on (the default; `--fast` turns it off). */
  deep: boolean;
  skip: Set<string>;
  /** Print {@link USAGE} and exit. */
  help?: boolean;
}

/** What `--help` prints. */
export const USAGE = `Scores companion's security detectors on labelled data and prints a table per detector
(precision, recall, F1, false-positive rate, n, 95% intervals); writes the same figures as JSON with --out.

  npm run eval:security -- [--data <dir>] [--out <file.json>] [--fast] [--cv] [--skip <list>]

  --data <dir>     a directory laid out like fixtures/data (the default); a missing file is skipped and said
  --out <file>     also write {"injection", "injectionFastPath", "pii" (with "wnut17"), "poisoning", ...}
                   there (figures as fractions between 0 and 1)
  --fast           score only the fast path of the injection detector (what a save uses), not the
                   embedding layer (about two minutes on fixtures/data)
  --cv             add grouped 5-fold cross-validated injection figures (needed on fixtures/data, which the
                   shipped model was trained on)
  --skip <list>    comma-separated parts to leave out: pii, wnut, injection, poisoning
  --help           this text

Exit codes: 0 done, 2 bad arguments.`;

/**
 * Parses `--data`, `--out`, `--cv`, `--fast` (and `--deep`, the default, kept for old scripts), `--skip` and
 * `--help`; throws on an unknown flag or a missing value.
 */
export function parseArgs(argv: readonly string[]): EvalOptions {
  const opts: EvalOptions = { data: 'fixtures/data', cv: false, deep: true, skip: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--') continue;
    if (flag === '--help' || flag === '-h') return { ...opts, help: true };
    if (flag === '--cv' || flag === '--deep' || flag === '--fast') {
      if (flag === '--cv') opts.cv = true;
      else opts.deep = flag === '--deep';
      continue;
    }
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
    if (flag === '--data') opts.data = value;
    else if (flag === '--out') opts.out = value;
    else if (flag === '--skip') value.split(',').forEach((s) => opts.skip.add(s.trim()));
    else throw new Error(`unknown option ${flag} ${value}`);
    i++;
  }
  return opts;
}

/** The injection table: pooled, then recall per injection source and false-positive rate per benign source. */
export function injectionTable(inj: InjectionEvaluation): string {
  const rows: TableRow[] = [{ name: 'all (pooled)', ...inj }, ...Object.entries(inj.bySource).map(([name, m]) => (m.tp + m.fn === 0
    ? { name, n: m.n, fpr: m.fpr, fprCI: m.fprCI }
    : { name, n: m.n, precision: m.precision, precisionCI: m.precisionCI, recall: m.recall, recallCI: m.recallCI, f1: m.f1 }))];
  const layers = Object.entries(inj.layers).filter(([, on]) => on).map(([k]) => k).join(', ');
  return renderTable(`Prompt injection, shipped model (flagged = risk MEDIUM or HIGH; layers: ${layers})`, rows);
}

/** A rate and its interval as "95.8% [92.5–97.7]". */
const pct = (rate: number, ci: { low: number; high: number }): string =>
  `${(rate * 100).toFixed(1)}% [${(ci.low * 100).toFixed(1)}–${(ci.high * 100).toFixed(1)}]`;

/** Runs every evaluation not skipped; returns the JSON report and the printable tables. */
export function runEvaluation(opts: EvalOptions): { report: Record<string, unknown>; text: string } {
  skipped.length = 0;
  const report: Record<string, unknown> = { data: opts.data };
  const tables: string[] = [];
  if (!opts.skip.has('injection')) {
    const inj = evaluateInjection(opts.data);
    report.injection = inj;
    tables.push(injectionTable(inj));
  }
  if (!opts.skip.has('pii')) {
    const rows = loadPresidio(opts.data);
    const wnut = opts.skip.has('wnut') ? [] : loadWnut(opts.data);
    const pii: Record<string, unknown> = {};
    if (rows.length) {
      const p = evaluatePresidio(rows);
      Object.assign(pii, p);
      for (const mode of ['exact', 'overlap'] as const) {
        tables.push(renderTable(`PII on presidio-synth, ${mode} span match (${p.sentences} sentences)`,
          Object.entries(p[mode]).map(([name, m]) => ({ name, ...m, fpr: undefined }))));
      }
    }
    if (wnut.length) {
      const w = evaluateWnut(wnut);
      pii.wnut17 = w;
      for (const mode of ['exact', 'overlap'] as const) {
        tables.push(renderTable(`PII on WNUT-17 person/location, ${mode} span match (${w.sentences} sentences)`,
          Object.entries(w[mode]).map(([name, m]) => ({ name, ...m, fpr: undefined }))));
      }
    }
    report.pii = pii;
  }
  if (!opts.skip.has('poisoning')) {
    const journals = buildPoisoningSet(opts.data);
    if (journals.length) {
      const p = evaluatePoisoning(journals);
      report.poisoning = p;
      tables.push(renderTable(`Poisoning (${p.journals} synthetic journals; default threshold ${p.threshold})`, [{ name: 'foreign entries', ...p }])
        + `\nAUROC ${p.auroc.toFixed(3)} (test journals); at the train journals' 1%-FPR threshold (${p.thresholdAt1pctFpr.toFixed(2)}): `
        + `detection ${pct(p.detectionAt1pctFpr, p.detectionAt1pctFprCI)}, test FPR ${pct(p.fprAtThreshold, p.fprAtThresholdCI)}; `
        + `at the test journals' own 1%-FPR point: detection ${pct(p.detectionAtTest1pctFpr, p.detectionAtTest1pctFprCI)}`);
    } else {
      report.poisoning = { skipped: 'no author sources (goemotions, wnut17) found' };
    }
  }
  report.skipped = [...new Set(skipped)];
  const notes = report.skipped as string[];
  return { report, text: [...tables, ...(notes.length ? ['', ...notes.map((s) => `skipped: ${s}`)] : [])].join('\n') };
}

async function main(): Promise<void> {
  let opts: EvalOptions;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`eval:security: ${(e as Error).message} (--help lists the options)`);
    process.exit(2);
  }
  if (opts.help) {
    console.log(USAGE);
    return;
  }
  const { report, text } = runEvaluation(opts);
  console.log(text);
  if (!opts.skip.has('injection') && opts.deep && report.injection) {
    report.injectionFastPath = report.injection;
    try {
      const inj = await evaluateInjectionDeep(opts.data, await loadSentenceEncoder());
      report.injection = inj;
      console.log(`\n${injectionTable(inj)}`);
    } catch (e) {
      report.injectionEmbeddingsOff = `the sentence encoder did not load (${(e as Error).message}); injection is the fast path`;
      console.log(`\n${report.injectionEmbeddingsOff as string}`);
    }
  }
  if (!opts.skip.has('injection') && opts.cv) {
    const cv = await crossValidateInjection(opts.data);
    report.injectionCrossValidated = cv;
    console.log(`\n${formatFigures('Prompt injection, fast path, grouped 5-fold cross-validation, BIPIA held out by category and email (95% Wilson intervals)', cv)}`);
    const byAttack = await crossValidateInjection(opts.data, 5, 0.025, 'attack');
    report.injectionCrossValidatedBipiaByAttack = byAttack;
    console.log(`\n${formatFigures('The same, BIPIA held out by attack string and email (a category can be on both sides)', byAttack)}`);
  }
  if (opts.out) {
    mkdirSync(dirname(opts.out), { recursive: true });
    writeFileSync(opts.out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nwrote ${opts.out}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
