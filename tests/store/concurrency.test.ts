import { describe, expect, it } from 'vitest';
import { runCli, spawnCli, useTempJournal } from '../helpers/cli.js';
import { auditVerify, entryFiles, finished, listAll, spawnAddEntries } from './store-helpers.js';

const t = useTempJournal();

describe('two writers at once', () => {
  it('two OS processes adding 200 entries each end with exactly 400 entries, all decrypting, audit intact', async () => {
    const runs = await Promise.all([finished(spawnAddEntries(t, 200, 'alpha')), finished(spawnAddEntries(t, 200, 'beta'))]);
    for (const r of runs) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout.trim().split('\n')).toHaveLength(200);
    }
    expect(entryFiles(t.dataDir)).toHaveLength(400);
    const entries = await listAll(t);
    expect(entries).toHaveLength(400);
    const ids = new Set(entries.map((e) => e.id));
    expect(ids.size).toBe(400);
    for (const label of ['alpha', 'beta']) {
      const texts = entries.filter((e) => e.tags.includes(label)).map((e) => e.text.replace(/ written by pid \d+$/, ''));
      expect(texts.sort()).toEqual(Array.from({ length: 200 }, (_, i) => `${label} entry ${i}`).sort());
    }
    const verify = await auditVerify(t);
    expect(verify.report.problems).toEqual([]);
    expect(verify.code).toBe(0);
    const log = await runCli(['audit', 'log', '--type', 'entry.created', '--json'], t.env);
    const created = (JSON.parse(log.stdout) as { records: Array<{ details: { id: string } }> }).records;
    expect(created.map((r) => r.details.id).sort()).toEqual([...ids].sort());
  }, 120_000);

  it('the real binary: two processes running 15 `write` commands each at the same time keep all 30', async () => {
    const writer = async (label: string) => {
      for (let i = 0; i < 15; i += 1) {
        const r = await spawnCli(['write', `${label} note ${i} @${label}`], t.env);
        expect(r.code, r.stderr).toBe(0);
      }
    };
    await Promise.all([writer('left'), writer('right')]);
    const entries = await listAll(t);
    expect(entries).toHaveLength(30);
    for (const label of ['left', 'right']) {
      expect(entries.filter((e) => e.tags.includes(label)).map((e) => e.text).sort()).toEqual(
        Array.from({ length: 15 }, (_, i) => `${label} note ${i} @${label}`).sort(),
      );
    }
    const verify = await auditVerify(t);
    expect(verify.report.problems).toEqual([]);
    expect(verify.code).toBe(0);
  }, 120_000);
});
