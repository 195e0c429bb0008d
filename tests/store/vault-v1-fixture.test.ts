import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempJournal, walkFiles, type TempJournal } from '../helpers/cli.js';
import { auditVerify, copyDir, listAll } from './store-helpers.js';

/** The committed version-1 journal (see tests/fixtures/vault-v1/README.md); never regenerated. */
const FIXTURE = fileURLToPath(new URL('../fixtures/vault-v1/', import.meta.url));
const PASSPHRASE = 'fixture passphrase v1';
const RECOVERY_KEY = /Recovery key: `([A-Z2-7-]+)`/.exec(fs.readFileSync(path.join(FIXTURE, 'README.md'), 'utf8'))![1]!;

const common = { durationSeconds: null, promptUsed: null, mood: null, themes: [], analyzerVersion: null, quarantine: null };
const RAIN = {
  id: 'jdl26dvw4cc7', created: '2025-03-01T21:05:00.000Z', updated: '2025-03-01T21:10:00.000Z', revision: 1,
  text: '今日は雨でした。 Quiet evening, tea and a book. שלום 👩‍👩‍👧 @rain', tags: ['rain'], starred: false, wordCount: 9, ...common,
};
const MUNICH = {
  id: '335t7sr3gv3r', created: '2025-02-14T08:15:00.000Z', updated: '2025-02-15T10:00:00.000Z', revision: 2,
  text: 'Grüße aus München: Schnee überall ❄️ and a long walk by the Isar @walk @winter\n\nEdited the next day: the river was frozen at the edges. @river',
  tags: ['walk', 'winter', 'river'], starred: false, wordCount: 26, ...common,
};
const LISBON = {
  id: 'tb2w3kelfddo', created: '2025-01-08T14:30:00.000Z', updated: '2025-01-08T20:00:00.000Z', revision: 1,
  text: 'Went to Lisbon with Ana. Pastéis de nata at the tram stop. @travel', tags: ['trips', 'travel'], starred: true, wordCount: 13, ...common,
};
const DELETED_ID = 'loxn63ye7vqx';

let t: TempJournal;
let fixtureBytes: Array<[string, Buffer]>;
beforeEach(() => {
  t = tempJournal();
  fs.writeFileSync(t.passFile, PASSPHRASE + '\n');
  copyDir(path.join(FIXTURE, 'data'), t.dataDir);
  fixtureBytes = walkFiles(FIXTURE).map((f) => [f, fs.readFileSync(f)]);
});
afterEach(() => {
  for (const [f, bytes] of fixtureBytes) expect(fs.readFileSync(f).equals(bytes), `${f} must never change`).toBe(true);
  t.cleanup();
});

describe('the format-version-1 fixture opens with today\'s companion', () => {
  it('list returns exactly the three entries, newest first, with every field', async () => {
    expect(await listAll(t)).toEqual([RAIN, MUNICH, LISBON]);
  });

  it('show by id and by prefix, and a deleted entry is not found (exit 5)', async () => {
    for (const e of [RAIN, MUNICH, LISBON]) {
      const r = await runCli(['show', e.id.slice(0, 5), '--json'], t.env);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual(e);
    }
    expect((await runCli(['show', DELETED_ID], t.env)).code).toBe(5);
  });

  it('search finds entries across scripts, ignoring case and accents', async () => {
    const ids = async (...words: string[]) => {
      const r = await runCli(['search', '--json', ...words], t.env);
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { entries: Array<{ id: string }> }).entries.map((e) => e.id);
    };
    expect(await ids('munchen', 'FROZEN')).toEqual([MUNICH.id]);
    expect(await ids('pasteis')).toEqual([LISBON.id]);
    expect(await ids('今日は')).toEqual([RAIN.id]);
    expect(await ids('the')).toEqual([MUNICH.id, LISBON.id]);
    expect(await ids('deleted')).toEqual([]);
    const starred = await runCli(['list', '--starred', '--json'], t.env);
    expect((JSON.parse(starred.stdout) as { entries: Array<{ id: string }> }).entries.map((e) => e.id)).toEqual([LISBON.id]);
  });

  it('tags are counted from the encrypted entries', async () => {
    const r = await runCli(['tags', '--json'], t.env);
    expect(JSON.parse(r.stdout)).toEqual({ tags: ['rain', 'river', 'travel', 'trips', 'walk', 'winter'].map((tag) => ({ tag, count: 1 })) });
  });

  it('audit verify passes, with and without the passphrase, and the log holds the fixture\'s history', async () => {
    const v = await auditVerify(t);
    expect(v.report.problems).toEqual([]);
    expect(v.code).toBe(0);
    expect(v.report.records).toBe(14);
    const noKey = await runCli(['audit', 'verify', '--no-unlock', '--json'], { ...t.env, COMPANION_PASSPHRASE_FILE: undefined });
    expect(noKey.code, noKey.stderr).toBe(0);
    expect(JSON.parse(noKey.stdout)).toMatchObject({ ok: true, macsChecked: false });
    const log = await runCli(['audit', 'log', '--json'], t.env);
    const records = (JSON.parse(log.stdout) as { records: Array<{ type: string; details: { id?: string; revision?: number } }> }).records;
    const unlocked = ['vault.unlocked', null, null];
    expect(records.slice(0, 14).map((r) => [r.type, r.details.id ?? null, r.details.revision ?? null])).toEqual([
      ['vault.created', null, null],
      unlocked, ['entry.created', LISBON.id, 1],
      unlocked, ['entry.created', MUNICH.id, 1],
      unlocked, ['entry.created', RAIN.id, 1],
      unlocked, ['entry.created', DELETED_ID, 1],
      unlocked, ['entry.updated', MUNICH.id, 2],
      unlocked, ['entry.deleted', DELETED_ID, 1],
      unlocked,
    ]);
  });

  it('a wrong passphrase is refused (exit 3) and the recovery key from the README still sets a new one', async () => {
    fs.writeFileSync(`${t.dir}/wrong`, 'fixture passphrase v2\n');
    expect((await runCli(['list'], { ...t.env, COMPANION_PASSPHRASE_FILE: `${t.dir}/wrong` })).code).toBe(3);
    fs.writeFileSync(`${t.dir}/recovery`, RECOVERY_KEY + '\n');
    fs.writeFileSync(`${t.dir}/new`, 'a new passphrase for the copy\n');
    const r = await runCli(['recover', '--recovery-key-file', `${t.dir}/recovery`, '--new-passphrase-file', `${t.dir}/new`], t.env);
    expect(r.code, r.stderr).toBe(0);
    expect(await listAll({ ...t, env: { ...t.env, COMPANION_PASSPHRASE_FILE: `${t.dir}/new` } })).toEqual([RAIN, MUNICH, LISBON]);
  });

  it('a version-1 journal takes new entries next to the old ones', async () => {
    const w = await runCli(['write', '--json', '--date', '2025-03-05 10:00', 'a new entry in an old journal'], t.env);
    expect(w.code, w.stderr).toBe(0);
    expect((await listAll(t)).map((e) => e.id)).toEqual([(JSON.parse(w.stdout) as { id: string }).id, RAIN.id, MUNICH.id, LISBON.id]);
    expect((await auditVerify(t)).report.problems).toEqual([]);
  });
});
