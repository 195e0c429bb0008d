import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initJournal, runCli, tempJournal, type CliResult, type TempJournal } from '../helpers/cli.js';
import { copyDir, entryFiles } from './store-helpers.js';

/** Each entry carries a word found in no other entry, so any leak of its text is visible. */
const ENTRIES = [
  { date: '2025-12-30 08:00', text: 'Morning swim, the water was cold. quokkamarker @swim' },
  { date: '2026-01-15 21:30', text: 'Dinner with Ana at the harbour. pangolinmarker @food' },
  { date: '2026-01-16 07:10', text: 'Slept badly, noisy street. axolotlmarker @sleep' },
];
const MARKERS = ['quokkamarker', 'pangolinmarker', 'axolotlmarker'];

let pristine: TempJournal;
let files: string[]; // relative to the data dir, index i holds ENTRIES[i]
let ids: string[];

beforeAll(async () => {
  pristine = tempJournal();
  await initJournal(pristine);
  ids = [];
  for (const e of ENTRIES) {
    const r = await runCli(['write', '--date', e.date, '--json', e.text], pristine.env);
    expect(r.code, r.stderr).toBe(0);
    ids.push((JSON.parse(r.stdout) as { id: string }).id);
  }
  files = ids.map((id) => path.relative(pristine.dataDir, entryFiles(pristine.dataDir).find((f) => f.includes(id))!));
});
afterAll(() => pristine.cleanup());

/** A fresh copy of the pristine journal to damage. */
function scratch(): TempJournal {
  const t = tempJournal();
  copyDir(pristine.dataDir, t.dataDir);
  return t;
}

function expectRefused(r: CliResult, what: string): void {
  expect(r.code, `${what}: ${r.stderr}`).toBe(4);
  expect(r.stdout, what).toBe(''); // neither the damaged entry's text nor any other (possibly wrong) text
  for (const m of MARKERS) expect(r.stderr, what).not.toContain(m);
  expect(r.stderr).toMatch(/failed its integrity check/);
}

/** show, list and search all refuse (exit 4) and print nothing from the journal. */
async function expectDamageDetected(t: TempJournal, damaged: number): Promise<void> {
  expectRefused(await runCli(['show', ids[damaged]!], t.env), 'show');
  expectRefused(await runCli(['list', '-n', '0'], t.env), 'list');
  expectRefused(await runCli(['search', '--json', MARKERS[damaged]!], t.env), 'search');
}

describe('a damaged entry file is detected by show, list and search (exit 4, no text printed)', () => {
  it('the undamaged copy reads fine (control)', async () => {
    const t = scratch();
    try {
      const r = await runCli(['list', '-n', '0', '--json'], t.env);
      expect(r.code, r.stderr).toBe(0);
      expect((JSON.parse(r.stdout) as { entries: Array<{ text: string }> }).entries.map((e) => e.text).sort()).toEqual(ENTRIES.map((e) => e.text).sort());
      expect((await runCli(['search', MARKERS[1]!], t.env)).stdout).toContain(ids[1]);
    } finally {
      t.cleanup();
    }
  });

  it('any flipped byte anywhere in an entry file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: ENTRIES.length - 1 }), fc.nat(), fc.integer({ min: 1, max: 255 }), async (which, at, mask) => {
        const t = scratch();
        try {
          const file = path.join(t.dataDir, files[which]!);
          const bytes = fs.readFileSync(file);
          const i = at % bytes.length;
          bytes[i] = bytes[i]! ^ mask;
          fs.writeFileSync(file, bytes);
          await expectDamageDetected(t, which);
        } finally {
          t.cleanup();
        }
      }),
      { numRuns: 25 },
    );
  });

  it('an entry file truncated to any shorter length', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: ENTRIES.length - 1 }), fc.nat(), async (which, at) => {
        const t = scratch();
        try {
          const file = path.join(t.dataDir, files[which]!);
          fs.truncateSync(file, at % fs.statSync(file).size);
          await expectDamageDetected(t, which);
        } finally {
          t.cleanup();
        }
      }),
      { numRuns: 15 },
    );
  });

  it('two entry files swapped (each other\'s contents under the other\'s name)', async () => {
    for (const [a, b] of [[0, 1], [1, 2], [0, 2]] as const) {
      const t = scratch();
      try {
        const fa = path.join(t.dataDir, files[a]!);
        const fb = path.join(t.dataDir, files[b]!);
        const [ba, bb] = [fs.readFileSync(fa), fs.readFileSync(fb)];
        fs.writeFileSync(fa, bb);
        fs.writeFileSync(fb, ba);
        await expectDamageDetected(t, a);
        await expectDamageDetected(t, b);
      } finally {
        t.cleanup();
      }
    }
  });
});
