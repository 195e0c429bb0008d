import { spawnSync } from 'node:child_process';

/** Outcome of a keychain call: a value, nothing stored, or the keychain cannot be used here (with why). */
export type KeychainResult<T> = { ok: true; value: T } | { ok: false; unavailable: string };

const SERVICE = 'companion';

function run(cmd: string, args: string[], input?: string): { status: number | null; stdout: string; stderr: string; missing: boolean } {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', timeout: 5_000 });
  const missing = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', missing };
}

/**
 * The OS keychain: macOS `security`, or the Secret Service (`secret-tool`, libsecret) elsewhere.
 * Every call degrades to `{ ok: false, unavailable }` with a plain reason when no keychain service runs.
 */
export const keychain = {
  /** The passphrase stored for a vault, or null when none is stored. */
  get(vaultId: string): KeychainResult<string | null> {
    if (process.platform === 'darwin') {
      const r = run('security', ['find-generic-password', '-s', SERVICE, '-a', vaultId, '-w']);
      if (r.missing) return { ok: false, unavailable: 'the macOS `security` tool is missing' };
      return { ok: true, value: r.status === 0 ? r.stdout.replace(/\n$/, '') : null };
    }
    const r = run('secret-tool', ['lookup', 'service', SERVICE, 'vault', vaultId]);
    if (r.missing) return { ok: false, unavailable: 'secret-tool (libsecret) is not installed' };
    if (r.status !== 0 && r.stderr.trim() !== '') return { ok: false, unavailable: `no keychain service is running (${r.stderr.trim().split('\n')[0]})` };
    return { ok: true, value: r.status === 0 && r.stdout !== '' ? r.stdout.replace(/\n$/, '') : null };
  },

  /** Store the passphrase for a vault. */
  set(vaultId: string, passphrase: string): KeychainResult<true> {
    if (process.platform === 'darwin') {
      const r = run('security', ['add-generic-password', '-U', '-s', SERVICE, '-a', vaultId, '-w', passphrase]);
      if (r.missing) return { ok: false, unavailable: 'the macOS `security` tool is missing' };
      return r.status === 0 ? { ok: true, value: true } : { ok: false, unavailable: r.stderr.trim() || 'the keychain refused' };
    }
    const r = run('secret-tool', ['store', '--label', 'companion journal passphrase', 'service', SERVICE, 'vault', vaultId], passphrase);
    if (r.missing) return { ok: false, unavailable: 'secret-tool (libsecret) is not installed' };
    return r.status === 0 ? { ok: true, value: true } : { ok: false, unavailable: `no keychain service is running (${r.stderr.trim().split('\n')[0] ?? ''})` };
  },

  /** Remove the stored passphrase (no error when there was none). */
  remove(vaultId: string): KeychainResult<true> {
    if (process.platform === 'darwin') {
      const r = run('security', ['delete-generic-password', '-s', SERVICE, '-a', vaultId]);
      if (r.missing) return { ok: false, unavailable: 'the macOS `security` tool is missing' };
      return { ok: true, value: true };
    }
    const r = run('secret-tool', ['clear', 'service', SERVICE, 'vault', vaultId]);
    if (r.missing) return { ok: false, unavailable: 'secret-tool (libsecret) is not installed' };
    return { ok: true, value: true };
  },
};

/** The keychain interface, so tests can pass a fake. */
export type Keychain = typeof keychain;
