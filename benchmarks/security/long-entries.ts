/**
 * Time of detectPII and detectInjection on long entries (up to 1,000,000 characters, the most `companion write`
 * accepts), to catch work that grows faster than the text: a pass that compares every span with every other is fine on
 * a diary entry and takes minutes on a long one (`export --sanitize` runs detectPII on whole entries).
 *
 *   npx tsx benchmarks/security/long-entries.ts [--sizes 100000,400000,1000000] [--out <file.json>]
 *
 * Each text repeats one short unit until it reaches the size: lines full of what the rules after the tagger read
 * (lists of firms, places between commas, signed names, lower-case names, shops and towns), and plain prose. One call
 * per text and size, in a process that has run each once on a short text first; the table shows milliseconds and the
 * spans found, and the ratio of each size's time to the smallest size's per character (about 1 for work that grows with
 * the text). It runs with the Node.js flags `companion` runs with (src/cli/runtime-flags.ts).
 */
import { writeFileSync } from 'node:fs';
import { describeMachine, machineInfo, rerunWithNodeFlags } from '../lib/machine.js';
import { detectInjection } from '../../src/security/injection/index.js';
import { detectPII } from '../../src/security/pii/index.js';

const rerun = rerunWithNodeFlags();
if (rerun !== null) process.exit(rerun);

/** The units the long texts repeat. */
const UNITS: Record<string, string> = {
  firms: 'Popped into M&S, then Burger King with Toni & Guy.\n',
  lists: "Offers from Google, Meta and Amazon, at St Mary's, Putney. ",
  apposed: "Mum's care home, Oakwood Lodge, called. My gym, PureGym Walthamstow, is closing. ",
  signed: 'Thanks again — Raf\nSee you soon - Kemi Adeyemi\n',
  'lower case': 'omg priya got engaged to ravi!!! ran into jordan at tesco, back in swansea, then to enugu. ',
  shops: 'met my penpal in Malmö! Flew to Enugu! Went to Target, Boots and Next, off Amazon and eBay. ',
  plain: 'I woke up early and made coffee while the rain tapped on the kitchen window. ',
};

const sizesArg = process.argv.indexOf('--sizes');
const sizes = (sizesArg !== -1 ? process.argv[sizesArg + 1]! : '100000,400000,1000000').split(',').map(Number);
const text = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

for (const unit of Object.values(UNITS)) {
  detectPII(unit);
  detectInjection(unit);
}
const machine = machineInfo();
console.log(`long entries (ms per call; ratio = ms per character against the smallest size); ${describeMachine(machine)}`);
const results: Record<string, Record<string, { ms: number; spans?: number; ratio: number }>> = {};
for (const [detector, run] of [
  ['detectPII', (t: string) => detectPII(t).length],
  ['detectInjection', (t: string) => detectInjection(t).spans.length],
] as const) {
  for (const [name, unit] of Object.entries(UNITS)) {
    const row: Record<string, { ms: number; spans?: number; ratio: number }> = {};
    let perCharacter = 0;
    for (const size of sizes) {
      const value = text(unit, size);
      const start = process.hrtime.bigint();
      const spans = run(value);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      perCharacter ||= ms / size;
      row[String(size)] = { ms: Math.round(ms), spans, ratio: Number((ms / size / perCharacter).toFixed(2)) };
    }
    results[`${detector}, ${name}`] = row;
    const cells = sizes.map((size) => { const r = row[String(size)]!; return `${String(size).padStart(8)}: ${String(r.ms).padStart(6)} ms ×${r.ratio.toFixed(2)} (${r.spans} spans)`; });
    console.log(`${`${detector}, ${name}`.padEnd(28)} ${cells.join('  ')}`);
  }
}
const outIdx = process.argv.indexOf('--out');
if (outIdx !== -1 && process.argv[outIdx + 1]) writeFileSync(process.argv[outIdx + 1]!, `${JSON.stringify({ machine, sizes, results }, null, 2)}\n`);
