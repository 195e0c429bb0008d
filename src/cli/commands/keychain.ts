import { EnvironmentError, UsageError } from '../../core/errors.js';
import { setConfigValue } from '../../core/config.js';
import type { CommandContext } from '../context.js';
import { askPassphrase, readSecretFile, withTerminal } from '../passphrase-source.js';
import { promptSecret } from '../secret-prompt.js';
import { OPENAI_KEY_ACCOUNT, auditFiles, buildServices, keychainFor } from '../services.js';
import { notePending } from '../../security/audit-log.js';
import { readVaultHeader } from '../../security/vault-header.js';
import { unlockWithPassphrase } from '../../security/vault.js';

/** `companion keychain enable`: check the passphrase, store it in the OS keychain, opt in. */
export async function keychainEnable(ctx: CommandContext): Promise<void> {
  const header = readVaultHeader(ctx.paths.vault);
  const file = ctx.deps.env.COMPANION_PASSPHRASE_FILE;
  const passphrase = file ? readSecretFile(file, 'COMPANION_PASSPHRASE_FILE') : await askPassphrase(ctx.deps, 'Passphrase: ');
  const vault = await unlockWithPassphrase(header, passphrase); // a wrong passphrase is never stored
  const stored = keychainFor(ctx).set(header.vaultId, passphrase);
  if (!stored.ok) throw new EnvironmentError(`The OS keychain cannot be used here: ${stored.unavailable}.`, 'companion keeps asking for the passphrase instead.');
  setConfigValue(ctx.paths.config, 'security.keychain', 'true');
  buildServices(ctx, header, vault, 'prompt').audit.record('keychain.enabled', 'MEDIUM');
  ctx.print('The passphrase is in the OS keychain; companion will unlock from it.');
}

/** `companion keychain disable`: forget the stored passphrase and opt out. */
export async function keychainDisable(ctx: CommandContext): Promise<void> {
  const header = readVaultHeader(ctx.paths.vault);
  const removed = keychainFor(ctx).remove(header.vaultId);
  setConfigValue(ctx.paths.config, 'security.keychain', 'false');
  notePending(auditFiles(ctx).pending, 'config.changed', { key: 'security.keychain', value: 'false' }, ctx.deps.now());
  if (!removed.ok) ctx.note(`The OS keychain could not be reached (${removed.unavailable}); nothing was stored there.`);
  ctx.print('companion will ask for the passphrase again.');
}

/** `companion keychain api-key`: store the OpenAI-compatible API key in the OS keychain (asked without echo). */
export async function keychainApiKey(ctx: CommandContext, opts: { file?: string; remove?: boolean }): Promise<void> {
  const chain = keychainFor(ctx);
  if (opts.remove) {
    const removed = chain.remove(OPENAI_KEY_ACCOUNT);
    if (!removed.ok) throw new EnvironmentError(`The OS keychain cannot be used here: ${removed.unavailable}.`);
    ctx.print('The API key was removed from the OS keychain.');
    return;
  }
  let key: string;
  if (opts.file) key = readSecretFile(opts.file, '--file');
  else {
    const asked = withTerminal(ctx.deps, (input, output) => promptSecret(input, output, 'API key: '));
    if (!asked) throw new UsageError('There is no terminal to ask for the key.', 'Pass --file FILE, or set COMPANION_OPENAI_API_KEY instead.');
    key = await asked;
  }
  if (key.trim() === '') throw new UsageError('The API key is empty.');
  const stored = chain.set(OPENAI_KEY_ACCOUNT, key.trim());
  if (!stored.ok) throw new EnvironmentError(`The OS keychain cannot be used here: ${stored.unavailable}.`, 'Set COMPANION_OPENAI_API_KEY in the environment instead.');
  ctx.print('The API key is in the OS keychain; the openai provider uses it when COMPANION_OPENAI_API_KEY is not set.');
}
