import fs from 'node:fs';
import { startDerivation, withinBounds, type KdfParams } from '../security/kdf-core.js';
import type { CommandContext } from './context.js';
import { readSecretFile } from './passphrase-source.js';

/**
 * Start this command's one KDF as soon as it is dispatched, so it runs on the thread pool while the
 * command's modules load. Only for COMPANION_PASSPHRASE_FILE (the other sources need config or a
 * prompt) and only for parameters within the bounds. The unlock later gets the same derivation; any
 * problem here is left for that unlock to report.
 */
export function prefetchUnlock(ctx: CommandContext): void {
  const file = ctx.deps.env.COMPANION_PASSPHRASE_FILE;
  if (!file) return;
  try {
    const header = JSON.parse(fs.readFileSync(ctx.paths.vault, 'utf8')) as { kdf?: KdfParams };
    const params = header.kdf;
    if (!params || typeof params.salt !== 'string' || !withinBounds(params)) return;
    startDerivation(readSecretFile(file, 'COMPANION_PASSPHRASE_FILE'), params);
  } catch {
    // no vault, unreadable file, damaged header: the command's own unlock says so
  }
}
