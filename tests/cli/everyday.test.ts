import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, tempJournal, walkFiles, useTempJournal } from '../helpers/cli.js';

const t = useTempJournal();

const NOW = new Date('2026-11-21T12:00:00Z');
const json = (s: string) => JSON.parse(s) as { entries: Array<Record<string, unknown>> };

describe('write, list, show, search', () => {
  it('stores text from arguments with tags, star and an explicit date', async () => {
    const r = await runCli(['write', '--star', '--tag', '@Trips', '--date', '2025-01-08 14:30', 'Went', 'to', 'Lisbon', '@travel', '--json'], t.env, { now: NOW });
    expect(r.code, r.stderr).toBe(0);
    const e = JSON.parse(r.stdout);
    expect(e.text).toBe('Went to Lisbon @travel');
    expect([...e.tags].sort()).toEqual(['travel', 'trips']);
    expect(e.starred).toBe(true);
    expect(new Date(e.created).getFullYear()).toBe(2025);
    expect(e.wordCount).toBe(4);
    const shown = await runCli(['show', e.id.slice(0, 5), '--json'], t.env);
    expect(JSON.parse(shown.stdout)).toEqual(e);
  });

  it('reads the entry from stdin when it is piped, and parses a leading "yesterday:"', async () => {
    const r = await runCli(['write', '--json'], t.env, { stdin: 'yesterday: a quiet evening with tea\n', now: NOW });
    expect(r.code, r.stderr).toBe(0);
    const e = JSON.parse(r.stdout);
    expect(e.text).toBe('a quiet evening with tea');
    expect(new Date(e.created).getTime()).toBeLessThan(NOW.getTime() - 6 * 3600_000);
  });

  it('keeps an ordinary colon sentence as text', async () => {
    const r = await runCli(['write', '--json', 'Note to self: call mum'], t.env, { now: NOW });
    expect(JSON.parse(r.stdout).text).toBe('Note to self: call mum');
  });

  it('lists newest first with filters, limit and any-tag', async () => {
    const days = ['2026-11-01', '2026-11-05', '2026-11-10', '2026-11-15'];
    for (const [i, d] of days.entries()) {
      const tag = i % 2 === 0 ? '@even' : '@odd';
      const r = await runCli(['write', '--date', d, `entry ${i} ${tag}${i === 3 ? ' @star' : ''}`], t.env, { now: NOW });
      expect(r.code, r.stderr).toBe(0);
    }
    const all = json((await runCli(['list', '--json'], t.env, { now: NOW })).stdout).entries;
    expect(all.map((e) => e.text)).toEqual(['entry 3 @odd @star', 'entry 2 @even', 'entry 1 @odd', 'entry 0 @even']);
    const even = json((await runCli(['list', '--tag', 'even', '--json'], t.env, { now: NOW })).stdout).entries;
    expect(even).toHaveLength(2);
    const both = json((await runCli(['list', '--tag', 'odd', '--tag', '@star', '--json'], t.env, { now: NOW })).stdout).entries;
    expect(both).toHaveLength(1);
    const any = json((await runCli(['list', '--tag', 'even', '--tag', 'star', '--any', '--json'], t.env, { now: NOW })).stdout).entries;
    expect(any).toHaveLength(3);
    const since = json((await runCli(['list', '--since', '2026-11-05', '--until', '2026-11-10', '--json'], t.env, { now: NOW })).stdout).entries;
    expect(since.map((e) => e.text)).toEqual(['entry 2 @even', 'entry 1 @odd']);
    const limited = json((await runCli(['list', '-n', '1', '--json'], t.env, { now: NOW })).stdout).entries;
    expect(limited).toHaveLength(1);
  });

  it('searches all words, ignoring case and accents', async () => {
    await runCli(['write', 'Coffee at the Café Noir with Ana'], t.env);
    await runCli(['write', 'coffee alone'], t.env);
    const hits = json((await runCli(['search', 'CAFE', 'coffee', '--json'], t.env)).stdout).entries;
    expect(hits.map((e) => e.text)).toEqual(['Coffee at the Café Noir with Ana']);
    const none = await runCli(['search', 'tea'], t.env);
    expect(none.code).toBe(0);
    expect(none.stderr).toMatch(/No entries contain "tea"/);
  });

  it('counts tags and finds entries on this day in earlier years', async () => {
    await runCli(['write', '--date', '2024-11-21 09:00', 'two years ago @walk'], t.env, { now: NOW });
    await runCli(['write', '--date', '2025-11-21 09:00', 'last year @walk @rain'], t.env, { now: NOW });
    await runCli(['write', 'today @walk'], t.env, { now: NOW });
    const tags = JSON.parse((await runCli(['tags', '--json'], t.env)).stdout);
    expect(tags.tags).toEqual([{ tag: 'walk', count: 3 }, { tag: 'rain', count: 1 }]);
    const otd = JSON.parse((await runCli(['on-this-day', '--json'], t.env, { now: NOW })).stdout);
    expect(otd.entries.map((e: { text: string }) => e.text)).toEqual(['last year @walk @rain', 'two years ago @walk']);
  });

  it('edits through the editor on a private file that is removed afterwards', async () => {
    const e = JSON.parse((await runCli(['write', '--json', 'draft text'], t.env)).stdout);
    let seen = '';
    const r = await runCli(['edit', e.id], t.env, {
      editor: (file) => {
        seen = file;
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        expect(fs.statSync(file.replace(/\/[^/]+$/, '')).mode & 0o777).toBe(0o700);
        fs.writeFileSync(file, 'final text @done');
      },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(fs.existsSync(seen)).toBe(false);
    const after = JSON.parse((await runCli(['show', e.id, '--json'], t.env)).stdout);
    expect(after).toMatchObject({ text: 'final text @done', revision: 2, tags: ['done'] });
  });

  it('removes the private edit file even when the editor fails, and changes nothing', async () => {
    const e = JSON.parse((await runCli(['write', '--json', 'keep me'], t.env)).stdout);
    let seen = '';
    const r = await runCli(['edit', e.id], t.env, { editor: (file) => { seen = file; throw new Error('boom'); } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Editing failed/);
    expect(fs.existsSync(seen)).toBe(false);
    expect(JSON.parse((await runCli(['show', e.id, '--json'], t.env)).stdout).revision).toBe(1);
  });

  it('deletes only with --yes when there is no terminal', async () => {
    const e = JSON.parse((await runCli(['write', '--json', 'to be deleted'], t.env)).stdout);
    const refused = await runCli(['delete', e.id], t.env);
    expect(refused.code).toBe(2);
    const ok = await runCli(['delete', e.id, '--yes'], t.env);
    expect(ok.code).toBe(0);
    expect((await runCli(['show', e.id], t.env)).code).toBe(5);
  });
});

describe('bad input', () => {
  it('refuses binary junk on stdin and writes nothing', async () => {
    const junk = Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80, 0x81, 0xc3]);
    const r = await runCli(['write'], t.env, { stdin: junk });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not UTF-8 text|control characters/);
    expect(json((await runCli(['list', '--json'], t.env)).stdout).entries).toHaveLength(0);
  });

  it('stores an entry of 50,000 characters intact', async () => {
    const text = Array.from({ length: 5000 }, (_, i) => `w${i % 97}ord`).join(' ').slice(0, 50_000);
    const r = await runCli(['write', '--json'], t.env, { stdin: text });
    expect(r.code, r.stderr).toBe(0);
    const e = JSON.parse(r.stdout);
    expect(JSON.parse((await runCli(['show', e.id, '--json'], t.env)).stdout).text).toBe(text.trim());
  });

  it('rejects an unparseable date, an unknown id and an unknown option with the documented codes', async () => {
    expect((await runCli(['write', '--date', 'the day after never', 'x'], t.env)).code).toBe(2);
    expect((await runCli(['show', 'abcd2345efgh'], t.env)).code).toBe(5);
    expect((await runCli(['show', 'not-an-id!'], t.env)).code).toBe(2);
    const unknown = await runCli(['list', '--frobnicate'], t.env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option/);
  });

  it('wrong passphrase: exit 3 and nothing changes', async () => {
    fs.writeFileSync(`${t.dir}/wrong`, 'not the passphrase\n');
    const before = walkFiles(t.dataDir).map((f) => [f, fs.readFileSync(f)] as const);
    const r = await runCli(['write', 'hello'], { ...t.env, COMPANION_PASSPHRASE_FILE: `${t.dir}/wrong` });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/Wrong passphrase/);
    // Only the unauthenticated note of the failed unlock is added (MAC'd into the audit log at the next unlock).
    const after = walkFiles(t.dataDir).filter((f) => !f.endsWith('audit-pending.log'));
    expect(after).toEqual(before.map(([f]) => f));
    for (const [f, bytes] of before) expect(fs.readFileSync(f).equals(bytes)).toBe(true);
  });

  it('with no passphrase source and no terminal: one clear error, exit 3', async () => {
    const r = await runCli(['list'], { ...t.env, COMPANION_PASSPHRASE_FILE: undefined });
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')[0]).toBe('companion: The journal is locked and there is no terminal to ask for the passphrase.');
  });

  it('says how to start when there is no journal', async () => {
    const fresh = tempJournal();
    try {
      const r = await runCli(['list'], fresh.env);
      expect(r.code).toBe(5);
      expect(r.stderr).toMatch(/companion init/);
    } finally {
      fresh.cleanup();
    }
  });
});

describe('privacy at rest', () => {
  it('no plaintext of any entry, tag or prompt is found anywhere under the data dir', async () => {
    const planted = 'Zanzibarquokka';
    await runCli(['write', `${planted} secret thought @${planted.toLowerCase()}tag`], t.env);
    await runCli(['write', '--json'], t.env, { stdin: `second ${planted} entry` });
    const e = JSON.parse((await runCli(['write', '--json', 'third'], t.env)).stdout);
    await runCli(['edit', e.id], t.env, { editor: (f) => fs.writeFileSync(f, `${planted} edited`) });
    for (const file of walkFiles(t.dataDir)) {
      const bytes = fs.readFileSync(file);
      for (const needle of [planted, planted.toLowerCase(), 'secret thought']) {
        expect(bytes.includes(Buffer.from(needle)), `${needle} in ${file}`).toBe(false);
        expect(bytes.includes(Buffer.from(needle, 'utf16le')), `${needle} (utf16) in ${file}`).toBe(false);
      }
    }
  });
});

describe('help', () => {
  it('`companion help <command>` shows that command\'s help', async () => {
    const r = await runCli(['help', 'write'], t.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: companion write \[options\] \[text\.\.\.\]/);
  });
});
