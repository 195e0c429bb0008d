import fs from 'node:fs';
import { ensurePrivateDir } from '../core/atomic-write.js';
import { Journal } from '../core/journal.js';
import { WriterLock } from '../core/writer-lock.js';
import { keychain as osKeychain, type Keychain } from '../security/keychain.js';
import { readVaultHeader, type VaultHeader } from '../security/vault-header.js';
import { unlockWithPassphrase, type Vault } from '../security/vault.js';
import { LockedError } from '../core/errors.js';
import type { CommandContext } from './context.js';
import { passphraseCandidates, type PassphraseOrigin } from './passphrase-source.js';

/** The unlocked journal and what it was built from; created once per command. */
export interface OpenJournal {
  header: VaultHeader;
  vault: Vault;
  lock: WriterLock;
  journal: Journal;
  origin: PassphraseOrigin;
}

/** The keychain used by commands (replaceable in tests through COMPANION_KEYCHAIN=none). */
export function keychainFor(ctx: CommandContext): Keychain {
  if (ctx.deps.env.COMPANION_KEYCHAIN === 'none') {
    const none = { ok: false as const, unavailable: 'disabled by COMPANION_KEYCHAIN=none' };
    return { get: () => none, set: () => none, remove: () => none };
  }
  return osKeychain;
}

/** The writer lock of the data directory. */
export function writerLock(ctx: CommandContext): WriterLock {
  return new WriterLock(ctx.paths.lock);
}

/**
 * Unlock the vault (exactly one KDF run on success) and build the journal services. Wrong passphrase:
 * LockedError (exit 3) after the allowed tries, and nothing on disk changes.
 */
export async function openJournal(ctx: CommandContext): Promise<OpenJournal> {
  const header = readVaultHeader(ctx.paths.vault);
  const config = ctx.config;
  let lastError: unknown = new LockedError('The journal is locked.');
  for await (const { passphrase, origin } of passphraseCandidates(ctx.deps, {
    keychainOptIn: config.security.keychain,
    vaultId: header.vaultId,
    keychain: keychainFor(ctx),
    note: (line) => ctx.note(line),
  })) {
    try {
      const vault = await unlockWithPassphrase(header, passphrase);
      return buildServices(ctx, header, vault, origin);
    } catch (err) {
      if (!(err instanceof LockedError)) throw err;
      lastError = err;
      if (origin === 'keychain') ctx.note('The passphrase in the OS keychain no longer opens this journal; asking instead.');
    }
  }
  throw lastError;
}

/** Build journal services around an already-unlocked vault. */
export function buildServices(ctx: CommandContext, header: VaultHeader, vault: Vault, origin: PassphraseOrigin): OpenJournal {
  ensurePrivateDir(ctx.paths.entries);
  const lock = writerLock(ctx);
  const journal = new Journal({ paths: ctx.paths, vault, lock, now: () => ctx.deps.now() });
  return { header, vault, lock, journal, origin };
}

/** True when a vault exists in the data directory. */
export function vaultExists(ctx: CommandContext): boolean {
  return fs.existsSync(ctx.paths.vault);
}
