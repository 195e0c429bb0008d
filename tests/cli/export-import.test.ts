import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initJournal, runCli, tempJournal, type TempJournal } from '../helpers/cli.js';

let a: TempJournal;
let b: TempJournal;
beforeEach(async () => {
  a = tempJournal();
  b = tempJournal();
  await initJournal(a);
  await initJournal(b);
});
afterEach(() => {
  a.cleanup();
  b.cleanup();
});

const entries = async (t: TempJournal) => JSON.parse((await runCli(['list', '-n', '0', '--json'], t.env)).stdout).entries;

describe('export → import through the CLI', () => {
  it('loses nothing: every field of every entry arrives in another journal, and a second import adds nothing', async () => {
    await runCli(['write', '--star', '--date', '2024-02-29 23:59', 'Leap day. Café with Zoë 🌧 @rain @Coffee'], a.env);
    const e = JSON.parse((await runCli(['write', '--json', 'first draft'], a.env)).stdout);
    await runCli(['edit', e.id], a.env, { editor: (f) => fs.writeFileSync(f, 'second draft\n\nwith a blank line @work') });
    await runCli(['write'], a.env, { stdin: 'from stdin\twith a tab' });
    expect((await runCli(['analyze'], a.env)).code).toBe(0); // mood, themes and analyzer version travel too
    const file = path.join(a.dir, 'export.json');
    expect((await runCli(['export', '--format', 'json', '--out', file], a.env)).code).toBe(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const first = JSON.parse((await runCli(['import', '--from', 'json', file, '--json'], b.env)).stdout);
    expect(first).toMatchObject({ imported: 3, skipped: 0 });
    expect(await entries(b)).toEqual(await entries(a));
    const again = JSON.parse((await runCli(['import', '--from', 'json', file, '--json'], b.env)).stdout);
    expect(again).toMatchObject({ imported: 0, skipped: 3 });
    expect((await runCli(['audit', 'verify'], b.env)).code).toBe(0);
  });
});
