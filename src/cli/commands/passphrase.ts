import { readVaultHeader, writeVaultHeader } from '../../security/vault-header.js';
import { rewrapHeader, unlockWithRecoveryKey, type Vault } from '../../security/vault.js';
import { LockedError } from '../../core/errors.js';
import type { CommandContext } from '../context.js';
import { askPassphrase, readSecretFile, withTerminal } from '../passphrase-source.js';
import { buildServices, keychainFor, openJournal, writerLock } from '../services.js';
import { promptSecret } from '../secret-prompt.js';

async function newPassphrase(ctx: CommandContext, file: string | undefined): Promise<string> {
  return file ? readSecretFile(file, '--new-passphrase-file') : askPassphrase(ctx.deps, 'New passphrase: ', true);
}

async function storeNewWrap(ctx: CommandContext, vault: Vault, passphrase: string): Promise<void> {
  await writerLock(ctx).withLock(async () => {
    const current = readVaultHeader(ctx.paths.vault); // re-read under the lock: keep the latest audit checkpoint
    if (current.vaultId !== vault.vaultId) throw new LockedError('The journal changed while the passphrase was being set; nothing was changed.');
    writeVaultHeader(ctx.paths.vault, await rewrapHeader(vault, current, passphrase));
  });
  if (ctx.config.security.keychain) {
    const stored = keychainFor(ctx).set(vault.vaultId, passphrase);
    if (!stored.ok) ctx.note(`The OS keychain could not be updated (${stored.unavailable}); run \`companion keychain enable\` later.`);
  }
}

/** `companion passphrase`: unlock with the current passphrase, then re-wrap the data key under a new one. */
export async function passphraseCommand(ctx: CommandContext, opts: { newPassphraseFile?: string }): Promise<void> {
  const { vault, audit } = await openJournal(ctx);
  const next = await newPassphrase(ctx, opts.newPassphraseFile);
  await storeNewWrap(ctx, vault, next);
  audit.record('passphrase.changed', 'MEDIUM', { kdf: readVaultHeader(ctx.paths.vault).kdf.name });
  ctx.print('Passphrase changed. Your entries did not need re-encrypting; the recovery key still works.');
}

/** `companion recover`: unlock with the recovery key and set a new passphrase. */
export async function recoverCommand(ctx: CommandContext, opts: { recoveryKeyFile?: string; newPassphraseFile?: string }): Promise<void> {
  const header = readVaultHeader(ctx.paths.vault);
  let key: string;
  if (opts.recoveryKeyFile) {
    key = readSecretFile(opts.recoveryKeyFile, '--recovery-key-file');
  } else {
    const asked = withTerminal(ctx.deps, (input, output) => promptSecret(input, output, 'Recovery key: '));
    if (!asked) throw new LockedError('There is no terminal to ask for the recovery key.', 'Pass --recovery-key-file FILE.');
    key = await asked;
  }
  const vault = unlockWithRecoveryKey(header, key);
  const { audit } = buildServices(ctx, header, vault, 'prompt');
  const next = await newPassphrase(ctx, opts.newPassphraseFile);
  await storeNewWrap(ctx, vault, next);
  audit.record('passphrase.recovered', 'HIGH', { with: 'recovery key' });
  ctx.print('A new passphrase is set. Keep using the same recovery key.');
}
