import crypto from 'node:crypto';
import { LockedError, UsageError } from '../core/errors.js';
import { base32Decode, base32Encode } from './base32.js';
import { deriveKek, newKdfParams, type KdfChoice, type KdfParams } from './kdf.js';
import { expandKey, keyInfo, openGcm, sealGcm } from './keys.js';
import { VAULT_FORMAT_VERSION, type VaultHeader, type WrappedKey } from './vault-header.js';

/** The unlocked vault: the data key in memory and the header it came from. Never serialised. */
export class Vault {
  private readonly prk: crypto.KeyObject;

  constructor(readonly header: VaultHeader, dataKey: Buffer) {
    this.prk = crypto.createSecretKey(dataKey);
  }

  /** The vault's random id, bound into every entry's associated data and into the audit log. */
  get vaultId(): string {
    return this.header.vaultId;
  }

  /** A 256-bit key for one purpose (label), optionally bound to context bytes such as an entry's salt. */
  deriveKey(label: string, context?: Uint8Array): Buffer {
    return expandKey(this.prk, keyInfo(label, context));
  }

  /** The raw data key, only for re-wrapping under a new passphrase. */
  exportDataKey(): Buffer {
    return this.prk.export();
  }
}

function wrapAad(header: Pick<VaultHeader, 'vaultId' | 'version'>, kdf: KdfParams): Buffer {
  // Binds the KDF parameters to the wrapped key: altering them makes the unwrap fail.
  return Buffer.from(JSON.stringify(['companion/v1/wrap', header.version, header.vaultId, kdf]), 'utf8');
}

function recoveryAad(vaultId: string): Buffer {
  return Buffer.from(`companion/v1/recovery\0${vaultId}`, 'utf8');
}

function toWrapped(sealed: { iv: Buffer; tag: Buffer; ct: Buffer }): WrappedKey {
  return { iv: sealed.iv.toString('base64'), tag: sealed.tag.toString('base64'), ct: sealed.ct.toString('base64') };
}

function unwrap(key: Buffer, w: WrappedKey, aad: Buffer): Buffer | null {
  const out = openGcm(key, Buffer.from(w.iv, 'base64'), Buffer.from(w.tag, 'base64'), Buffer.from(w.ct, 'base64'), aad);
  return out && out.length === 32 ? out : null;
}

function recoveryKek(recoveryKey: Buffer, salt: Buffer): Buffer {
  // The recovery key is 256 random bits: HKDF is enough, no slow KDF needed.
  return Buffer.from(crypto.hkdfSync('sha256', recoveryKey, salt, 'companion/v1/recovery-kek', 32));
}

/** Format 32 random bytes as a recovery key a person can copy: groups of four base32 characters. */
export function formatRecoveryKey(bytes: Buffer): string {
  return base32Encode(bytes).match(/.{1,4}/g)!.join('-');
}

/** Parse a recovery key as typed (any case, dashes and spaces ignored); UsageError when malformed. */
export function parseRecoveryKey(text: string): Buffer {
  const bytes = base32Decode(text.replace(/[\s-]/g, ''));
  if (!bytes || bytes.length !== 32) {
    throw new UsageError('That is not a recovery key: expected 13 groups of four characters (A-Z, 2-7).');
  }
  return bytes;
}

/** Create a new vault in memory: random data key, wrapped under the passphrase and under a recovery key. */
export async function createVaultHeader(passphrase: string, kdf: KdfChoice, now: Date): Promise<{ vault: Vault; recoveryKey: string }> {
  const dataKey = crypto.randomBytes(32);
  const vaultId = crypto.randomBytes(16).toString('hex');
  const kdfParams = newKdfParams(kdf);
  const base = { vaultId, version: VAULT_FORMAT_VERSION } as const;
  const kek = await deriveKek(passphrase, kdfParams);
  const recoveryBytes = crypto.randomBytes(32);
  const recoverySalt = crypto.randomBytes(16);
  const header: VaultHeader = {
    format: 'companion-vault',
    version: VAULT_FORMAT_VERSION,
    vaultId,
    created: now.toISOString(),
    kdf: kdfParams,
    wrappedKey: toWrapped(sealGcm(kek, dataKey, wrapAad(base, kdfParams))),
    recovery: {
      ...toWrapped(sealGcm(recoveryKek(recoveryBytes, recoverySalt), dataKey, recoveryAad(vaultId))),
      salt: recoverySalt.toString('base64'),
    },
    audit: null,
  };
  return { vault: new Vault(header, dataKey), recoveryKey: formatRecoveryKey(recoveryBytes) };
}

/** Unlock with the passphrase: one KDF run. LockedError on a wrong passphrase (or altered KDF fields). */
export async function unlockWithPassphrase(header: VaultHeader, passphrase: string): Promise<Vault> {
  const kek = await deriveKek(passphrase, header.kdf);
  const dataKey = unwrap(kek, header.wrappedKey, wrapAad(header, header.kdf));
  if (!dataKey) throw new LockedError('Wrong passphrase.', 'Nothing was changed. If you lost it, `companion recover` sets a new one with your recovery key.');
  return new Vault(header, dataKey);
}

/** Unlock with the recovery key printed by `companion init`. LockedError when it does not fit this vault. */
export function unlockWithRecoveryKey(header: VaultHeader, recoveryKey: string): Vault {
  const bytes = parseRecoveryKey(recoveryKey);
  const kek = recoveryKek(bytes, Buffer.from(header.recovery.salt, 'base64'));
  const dataKey = unwrap(kek, header.recovery, recoveryAad(header.vaultId));
  if (!dataKey) throw new LockedError('That recovery key does not open this journal. Nothing was changed.');
  return new Vault(header, dataKey);
}

/**
 * A header whose data key is wrapped under a new passphrase (fresh salt, chosen KDF). Only the wrapped key
 * changes, so this costs the same for ten entries or ten thousand.
 */
export async function rewrapHeader(vault: Vault, current: VaultHeader, newPassphrase: string, kdf?: KdfChoice): Promise<VaultHeader> {
  const choice: KdfChoice = kdf ?? (current.kdf.name === 'scrypt' ? { kind: 'scrypt' } : { kind: 'pbkdf2', iterations: current.kdf.iterations });
  const kdfParams = newKdfParams(choice);
  const kek = await deriveKek(newPassphrase, kdfParams);
  return { ...current, kdf: kdfParams, wrappedKey: toWrapped(sealGcm(kek, vault.exportDataKey(), wrapAad(current, kdfParams))) };
}
