import os from 'node:os';
import { Readable } from 'node:stream';
import { CommandContext } from '../../../src/cli/context.js';
import type { CliDeps, Output } from '../../../src/cli/deps.js';
import { buildServices, type OpenJournal } from '../../../src/cli/services.js';
import { readVaultHeader } from '../../../src/security/vault-header.js';
import { unlockWithPassphrase } from '../../../src/security/vault.js';

/** An Output that keeps what was written (the audit trail's warnings go to stderr). */
export class CapturedOutput implements Output {
  text = '';
  readonly isTTY = false;
  write(s: string): void {
    this.text += s;
  }
}

/** The unlocked services of a data directory plus the stderr the services wrote notes to. */
export interface LibraryJournal extends OpenJournal {
  ctx: CommandContext;
  stderr: CapturedOutput;
}

/**
 * Unlock a data directory with one KDF run and build Journal + AuditTrail exactly as the CLI does
 * (`buildServices` over a CommandContext), without going through argument parsing.
 */
export async function openLibraryJournal(dataDir: string, passphrase: string, now: () => Date = () => new Date()): Promise<LibraryJournal> {
  const stderr = new CapturedOutput();
  const stdin = Readable.from([]) as CliDeps['stdin'];
  const deps: CliDeps = {
    env: { COMPANION_DATA_DIR: dataDir, COMPANION_KEYCHAIN: 'none' },
    stdin,
    stdout: new CapturedOutput(),
    stderr,
    now,
    homeDir: os.tmpdir(),
    openTty: () => null,
    runEditor: async () => {
      throw new Error('no editor here');
    },
  };
  const ctx = new CommandContext(deps);
  const header = readVaultHeader(ctx.paths.vault);
  const vault = await unlockWithPassphrase(header, passphrase);
  return { ...buildServices(ctx, header, vault, 'file'), ctx, stderr };
}
