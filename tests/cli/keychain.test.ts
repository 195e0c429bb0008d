import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initJournal, runCli, tempJournal, TEST_PASSPHRASE, type TempJournal } from '../helpers/cli.js';

// A stand-in for libsecret's secret-tool that keeps secrets in a file, so the real spawn path is exercised.
const FAKE_SECRET_TOOL = `#!/bin/sh
store="$FAKE_KEYCHAIN_DIR/store"; touch "$store"
cmd=$1; shift
key=$(printf '%s|' "$@" | sed 's/--label|[^|]*|//')
case $cmd in
  store) secret=$(cat); grep -v "^$key=" "$store" > "$store.tmp"; mv "$store.tmp" "$store"; printf '%s=%s\\n' "$key" "$secret" >> "$store" ;;
  lookup) line=$(grep "^$key=" "$store" | tail -n 1); [ -n "$line" ] || exit 1; printf '%s' "\${line#*=}" ;;
  clear) grep -v "^$key=" "$store" > "$store.tmp"; mv "$store.tmp" "$store" ;;
esac
`;

let t: TempJournal;
let env: Record<string, string>;
beforeEach(async () => {
  t = tempJournal();
  await initJournal(t);
  const bin = path.join(t.dir, 'bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, 'secret-tool'), FAKE_SECRET_TOOL, { mode: 0o755 });
  env = { ...t.env, COMPANION_KEYCHAIN: '', PATH: `${bin}:${process.env.PATH}`, FAKE_KEYCHAIN_DIR: t.dir };
});
afterEach(() => t.cleanup());

describe('OS keychain (opt-in)', () => {
  it('unlocks from the keychain after `keychain enable`, and asks again after `disable`', async () => {
    expect((await runCli(['keychain', 'enable'], env)).code).toBe(0);
    const noFile = { ...env, COMPANION_PASSPHRASE_FILE: undefined };
    const r = await runCli(['list', '--json'], noFile);
    expect(r.code, r.stderr).toBe(0);
    const log = JSON.parse((await runCli(['audit', 'log', '--type', 'vault.unlocked', '--json'], noFile)).stdout);
    expect(log.records.at(-1).details.source).toBe('keychain');
    expect(fs.readFileSync(path.join(t.dir, 'store'), 'utf8')).toContain(TEST_PASSPHRASE);
    expect((await runCli(['keychain', 'disable'], noFile)).code).toBe(0);
    expect((await runCli(['list'], noFile)).code).toBe(3);
  });

  it('never stores a wrong passphrase', async () => {
    fs.writeFileSync(path.join(t.dir, 'wrong'), 'wrong passphrase\n');
    expect((await runCli(['keychain', 'enable'], { ...env, COMPANION_PASSPHRASE_FILE: path.join(t.dir, 'wrong') })).code).toBe(3);
    expect(fs.existsSync(path.join(t.dir, 'store')) ? fs.readFileSync(path.join(t.dir, 'store'), 'utf8') : '').toBe('');
  });

  it('degrades with one clear message when no keychain tool exists, falling back to the other sources', async () => {
    const bare = { ...t.env, COMPANION_KEYCHAIN: '', PATH: '/nonexistent' };
    const r = await runCli(['keychain', 'enable'], bare);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/keychain cannot be used here: secret-tool \(libsecret\) is not installed/);
    expect((await runCli(['list'], bare)).code).toBe(0); // COMPANION_PASSPHRASE_FILE still works
  });

  it('keeps the API key for an OpenAI-compatible server in the keychain, not in config.json', async () => {
    fs.writeFileSync(path.join(t.dir, 'key'), 'sk-test-123\n');
    expect((await runCli(['keychain', 'api-key', '--file', path.join(t.dir, 'key')], env)).code).toBe(0);
    expect(fs.readFileSync(path.join(t.dir, 'store'), 'utf8')).toContain('account|openai-api-key|=sk-test-123');
    expect(fs.existsSync(path.join(t.dataDir, 'config.json')) ? fs.readFileSync(path.join(t.dataDir, 'config.json'), 'utf8') : '').not.toContain('sk-test');
  });
});
