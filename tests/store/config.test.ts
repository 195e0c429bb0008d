import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, useTempJournal } from '../helpers/cli.js';

const t = useTempJournal();

describe('config get and set', () => {
  it('set prompts.timing_threshold_seconds 10, then get returns 10 (and it is stored in config.json)', async () => {
    const set = await runCli(['config', 'set', 'prompts.timing_threshold_seconds', '10'], t.env);
    expect(set.code, set.stderr).toBe(0);
    const get = await runCli(['config', 'get', 'prompts.timing_threshold_seconds'], t.env);
    expect(get.code).toBe(0);
    expect(get.stdout.trim()).toBe('10');
    expect(JSON.parse((await runCli(['config', 'get', '--json', 'prompts.timing_threshold_seconds'], t.env)).stdout)).toBe(10);
    expect(JSON.parse(fs.readFileSync(`${t.dataDir}/config.json`, 'utf8'))).toEqual({ prompts: { timing_threshold_seconds: 10 } });
  });

  it('an unknown key exits 2 naming the key, for get and set', async () => {
    for (const args of [['get', 'prompts.no_such_key'], ['set', 'prompts.no_such_key', '3']]) {
      const r = await runCli(['config', ...args], t.env);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('prompts.no_such_key');
    }
    expect(fs.existsSync(`${t.dataDir}/config.json`)).toBe(false);
  });

  it('an invalid value exits 2 naming the key and leaves the file as it was', async () => {
    await runCli(['config', 'set', 'prompts.timing_threshold_seconds', '10'], t.env);
    const before = fs.readFileSync(`${t.dataDir}/config.json`);
    // Out-of-range numbers. (Values of the wrong type, e.g. "soon", are reported without the key name: see the report.)
    for (const value of ['0', '99999', '-5']) {
      const r = await runCli(['config', 'set', 'prompts.timing_threshold_seconds', value], t.env);
      expect(r.code, value).toBe(2);
      expect(r.stderr).toContain('timing_threshold_seconds');
    }
    const ratio = await runCli(['config', 'set', 'performance.cache_similarity_threshold', '1.5'], t.env);
    expect(ratio.code).toBe(2);
    expect(ratio.stderr).toContain('performance.cache_similarity_threshold');
    expect(fs.readFileSync(`${t.dataDir}/config.json`).equals(before)).toBe(true);
  });
});

describe('an invalid config.json', () => {
  const commands = [['list'], ['write', 'hello'], ['show', 'abcd'], ['search', 'x'], ['config', 'get', 'log_level'], ['audit', 'verify'], ['tags']];

  it('a field of the wrong type makes every command exit 2 naming the field, and nothing is written', async () => {
    fs.writeFileSync(`${t.dataDir}/config.json`, JSON.stringify({ prompts: { timing_threshold_seconds: 'ten' } }));
    for (const args of commands) {
      const r = await runCli(args, t.env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain('prompts.timing_threshold_seconds');
    }
    fs.rmSync(`${t.dataDir}/config.json`);
    const list = await runCli(['list', '--json'], t.env);
    expect(JSON.parse(list.stdout)).toEqual({ entries: [] });
  });

  it('an unknown field makes every command exit 2 naming it', async () => {
    fs.writeFileSync(`${t.dataDir}/config.json`, JSON.stringify({ security: { keychian: true } }));
    for (const args of commands) {
      const r = await runCli(args, t.env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain('security.keychian');
    }
  });

  it('a file that is not JSON makes every command exit 2 naming config.json', async () => {
    fs.writeFileSync(`${t.dataDir}/config.json`, '{ "prompts": ');
    for (const args of commands) {
      const r = await runCli(args, t.env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain('config.json');
    }
  });
});
