import { spawnSync } from 'node:child_process';

/** Outcome of a keychain call: a value, nothing stored, or the keychain cannot be used here (with why). */
export type KeychainResult<T> = { ok: true; value: T } | { ok: false; unavailable: string };

const SERVICE = 'companion';

type Env = Record<string, string | undefined>;

function runner(env: Env) {
  return (cmd: string, args: string[], input?: string): { status: number | null; stdout: string; stderr: string; missing: boolean } => {
    const r = spawnSync(cmd, args, { input, encoding: 'utf8', timeout: 5_000, env: env as NodeJS.ProcessEnv });
    const missing = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
    return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', missing };
  };
}

/**
 * The OS keychain: macOS `security`, or the Secret Service (`secret-tool`, libsecret) elsewhere.
 * Every call degrades to `{ ok: false, unavailable }` with a plain reason when no keychain service runs.
 * The tools are looked up on the PATH of `env`.
 */
export function createKeychain(env: Env, platform: NodeJS.Platform = process.platform) {
  const run = runner(env);
  return {
    /** The secret stored for an account (a vault id, or `openai-api-key`), or null when none is stored. */
    get(account: string): KeychainResult<string | null> {
      if (platform === 'darwin') {
        const r = run('security', ['find-generic-password', '-s', SERVICE, '-a', account, '-w']);
        if (r.missing) return { ok: false, unavailable: 'the macOS `security` tool is missing' };
        return { ok: true, value: r.status === 0 ? r.stdout.replace(/\n$/, '') : null };
      }
      const r = run('secret-tool', ['lookup', 'service', SERVICE, 'account', account]);
      if (r.missing) return { ok: false, unavailable: 'secret-tool (libsecret) is not installed' };
      if (r.status !== 0 && r.stderr.trim() !== '') return { ok: false, unavailable: `no keychain service is running (${r.stderr.trim().split('\n')[0]})` };
      return { ok: true, value: r.status === 0 && r.stdout !== '' ? r.stdout.replace(/\n$/, '') : null };
    },

    /** Store a secret for an account. */
    set(account: string, secret: string): KeychainResult<true> {
      if (platform === 'darwin') {
        const r = run('security', ['add-generic-password', '-U', '-s', SERVICE, '-a', account, '-w', secret]);
        if (r.missing) return { ok: false, unavailable: 'the macOS `security` tool is missing' };
        return r.status === 0 ? { ok: true, value: true } : { ok: false, unavailable: r.stderr.trim() || 'the keychain refused' };
      }
      const r = run('secret-tool', ['store', '--label', `companion: ${account}`, 'service', SERVICE, 'account', account], secret);
      if (r.missing) return { ok: false, unavailable: 'secret-tool (libsecret) is not installed' };
      return r.status === 0 ? { ok: true, value: true } : { ok: false, unavailable: `no keychain service is running (${r.stderr.trim().split('\n')[0] ?? ''})` };
    },

    /** Remove a stored secret (no error when there was none). */
    remove(account: string): KeychainResult<true> {
      if (platform === 'darwin') {
        const r = run('security', ['delete-generic-password', '-s', SERVICE, '-a', account]);
        if (r.missing) return { ok: false, unavailable: 'the macOS `security` tool is missing' };
        return { ok: true, value: true };
      }
      const r = run('secret-tool', ['clear', 'service', SERVICE, 'account', account]);
      if (r.missing) return { ok: false, unavailable: 'secret-tool (libsecret) is not installed' };
      return { ok: true, value: true };
    },
  };
}

/** The keychain interface. */
export type Keychain = ReturnType<typeof createKeychain>;
