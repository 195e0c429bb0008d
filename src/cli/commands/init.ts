import { ensurePrivateDir } from '../../core/atomic-write.js';
import { UsageError } from '../../core/errors.js';
import { writeVaultHeader } from '../../security/vault-header.js';
import { createVaultHeader } from '../../security/vault.js';
import type { KdfChoice } from '../../security/kdf.js';
import type { CommandContext } from '../context.js';
import { askPassphrase, readSecretFile } from '../passphrase-source.js';
import { auditFiles, vaultExists, writerLock } from '../services.js';
import { AuditLog } from '../../security/audit-log.js';

/** `companion init`: create the vault and print the recovery key once. */
export async function initCommand(ctx: CommandContext, opts: { kdf?: 'pbkdf2' | 'scrypt'; iterations?: string; json?: boolean }): Promise<void> {
  if (vaultExists(ctx)) {
    throw new UsageError(`There is already a journal in ${ctx.paths.root}.`, 'Use `companion passphrase` to change its passphrase, or set COMPANION_DATA_DIR for a new one.');
  }
  const kdfName = opts.kdf ?? ctx.config.encryption.kdf;
  let choice: KdfChoice;
  if (kdfName === 'scrypt') {
    if (opts.iterations !== undefined) throw new UsageError('--iterations applies to pbkdf2 only.');
    choice = { kind: 'scrypt' };
  } else {
    const iterations = opts.iterations === undefined ? ctx.config.encryption.iterations : Number(opts.iterations);
    if (!Number.isInteger(iterations) || iterations < 100_000 || iterations > 10_000_000) {
      throw new UsageError('--iterations must be a whole number from 100000 to 10000000.');
    }
    choice = { kind: 'pbkdf2', iterations };
  }
  const file = ctx.deps.env.COMPANION_PASSPHRASE_FILE;
  const passphrase = file ? readSecretFile(file, 'COMPANION_PASSPHRASE_FILE') : await askPassphrase(ctx.deps, 'New passphrase: ', true);
  ensurePrivateDir(ctx.paths.root);
  const { vault, recoveryKey } = await createVaultHeader(passphrase, choice, ctx.deps.now());
  await writerLock(ctx).withLock(() => {
    if (vaultExists(ctx)) throw new UsageError(`There is already a journal in ${ctx.paths.root}.`);
    writeVaultHeader(ctx.paths.vault, vault.header);
    ensurePrivateDir(ctx.paths.entries);
    // The first record binds the log to this vault.
    new AuditLog(auditFiles(ctx), vault, () => ctx.deps.now()).append([
      { type: 'vault.created', severity: 'MEDIUM', details: { vaultId: vault.vaultId, kdf: vault.header.kdf.name } },
    ]);
  });
  if (opts.json) {
    ctx.printJson({ dataDir: ctx.paths.root, vaultId: vault.vaultId, kdf: vault.header.kdf.name, recoveryKey });
    return;
  }
  const s = ctx.style;
  ctx.print(`Created an encrypted journal in ${ctx.paths.root}.`);
  ctx.print('');
  ctx.print(s.bold('Recovery key (shown only this once):'));
  ctx.print('  ' + s.yellow(recoveryKey));
  ctx.print('');
  ctx.print('Write it down and keep it somewhere safe, away from this computer. It is the only way back in');
  ctx.print('if you forget your passphrase (`companion recover`). Nobody, including us, can recover it for you.');
  ctx.print('');
  ctx.print('Next: `companion write "first entry"`, or just `companion` to start writing.');
}
