import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempJournal, type TempJournal } from '../helpers/cli.js';
import { auditVerify, listAll } from './store-helpers.js';

let t: TempJournal;
let recoveryKey: string;
const NEW_PASSPHRASE = 'a brand new passphrase ✓ with unicode';

beforeEach(async () => {
  t = tempJournal();
  const init = await runCli(['init', '--iterations', '100000', '--json'], t.env);
  expect(init.code, init.stderr).toBe(0);
  recoveryKey = (JSON.parse(init.stdout) as { recoveryKey: string }).recoveryKey;
  for (const text of ['first entry @one', 'second entry, ünïcödé 🌿 @two']) {
    const w = await runCli(['write', text], t.env);
    expect(w.code, w.stderr).toBe(0);
  }
  fs.writeFileSync(`${t.dir}/new-pass`, NEW_PASSPHRASE + '\n');
});
afterEach(() => t.cleanup());

const withPassphrase = (file: string) => ({ ...t.env, COMPANION_PASSPHRASE_FILE: file });

describe('changing the passphrase', () => {
  it('after `passphrase --new-passphrase-file` the old passphrase fails (exit 3), the new one opens the same entries', async () => {
    const before = await listAll(t);
    const entryFileCount = fs.readdirSync(`${t.dataDir}/entries`, { recursive: true }).length;
    const r = await runCli(['passphrase', '--new-passphrase-file', `${t.dir}/new-pass`], t.env);
    expect(r.code, r.stderr).toBe(0);
    const old = await runCli(['list'], t.env);
    expect(old.code).toBe(3);
    expect(old.stderr).toMatch(/Wrong passphrase/);
    const fresh = { ...t, env: withPassphrase(`${t.dir}/new-pass`) };
    expect(await listAll(fresh)).toEqual(before);
    expect(fs.readdirSync(`${t.dataDir}/entries`, { recursive: true }).length).toBe(entryFileCount);
    expect((await auditVerify(fresh)).report.problems).toEqual([]);
  });

  it('`recover` with the recovery key printed by `init --json` sets a new passphrase; the old one stops working', async () => {
    const before = await listAll(t);
    fs.writeFileSync(`${t.dir}/recovery`, recoveryKey.toLowerCase() + '\n'); // typed in any case
    const r = await runCli(['recover', '--recovery-key-file', `${t.dir}/recovery`, '--new-passphrase-file', `${t.dir}/new-pass`], t.env);
    expect(r.code, r.stderr).toBe(0);
    expect((await runCli(['list'], t.env)).code).toBe(3);
    const fresh = { ...t, env: withPassphrase(`${t.dir}/new-pass`) };
    expect(await listAll(fresh)).toEqual(before);
    const log = await runCli(['audit', 'log', '--type', 'passphrase', '--json'], fresh.env);
    expect((JSON.parse(log.stdout) as { records: Array<{ type: string }> }).records.map((x) => x.type)).toEqual(['passphrase.recovered']);
  });

  it('a wrong recovery key exits 3 and changes nothing', async () => {
    const other = await runCli(['init', '--iterations', '100000', '--json'], { ...t.env, COMPANION_DATA_DIR: `${t.dir}/other` });
    const foreignKey = (JSON.parse(other.stdout) as { recoveryKey: string }).recoveryKey;
    fs.writeFileSync(`${t.dir}/recovery`, foreignKey + '\n');
    const header = fs.readFileSync(`${t.dataDir}/vault.json`);
    const r = await runCli(['recover', '--recovery-key-file', `${t.dir}/recovery`, '--new-passphrase-file', `${t.dir}/new-pass`], t.env);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/does not open this journal/);
    expect(fs.readFileSync(`${t.dataDir}/vault.json`).equals(header)).toBe(true);
    expect(await listAll(t)).toHaveLength(2);
  });

  it('a malformed recovery key is a usage error (exit 2)', async () => {
    fs.writeFileSync(`${t.dir}/recovery`, 'not-a-key\n');
    const r = await runCli(['recover', '--recovery-key-file', `${t.dir}/recovery`, '--new-passphrase-file', `${t.dir}/new-pass`], t.env);
    expect(r.code).toBe(2);
  });

  it('`init` twice refuses (exit 2) and leaves the first journal untouched', async () => {
    const header = fs.readFileSync(`${t.dataDir}/vault.json`);
    const r = await runCli(['init', '--iterations', '100000'], t.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already a journal/);
    expect(fs.readFileSync(`${t.dataDir}/vault.json`).equals(header)).toBe(true);
    expect(await listAll(t)).toHaveLength(2);
  });
});
