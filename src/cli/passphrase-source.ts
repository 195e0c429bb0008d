import fs from 'node:fs';
import { LockedError, UsageError } from '../core/errors.js';
import type { Keychain } from '../security/keychain.js';
import type { CliDeps, Input, Output } from './deps.js';
import { promptSecret } from './secret-prompt.js';

/** Read a secret from a file (first line, trailing newline removed); UsageError naming the variable or flag. */
export function readSecretFile(file: string, what: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`Cannot read ${what} (${file}): ${(err as NodeJS.ErrnoException).code ?? 'error'}.`);
  }
  const secret = text.split(/\r?\n/)[0] ?? '';
  if (secret.length === 0) throw new UsageError(`${what} (${file}) is empty.`);
  if (secret.length > 1024) throw new UsageError(`${what} (${file}) is longer than 1024 characters.`);
  return secret;
}

/** A terminal to ask on: stdin when it is a TTY, else the controlling terminal, else null. */
export function withTerminal<T>(deps: CliDeps, fn: (input: Input, output: Output) => Promise<T>): Promise<T> | null {
  if (deps.stdin.isTTY) return fn(deps.stdin, deps.stderr);
  const tty = deps.openTty();
  if (!tty) return null;
  return fn(tty.input, tty.output).finally(() => tty.close());
}

/**
 * Ask for a passphrase interactively, or throw LockedError (exit 3) when no terminal exists.
 * With `confirm`, asks twice and insists on a match (for new passphrases).
 */
export async function askPassphrase(deps: CliDeps, question: string, confirm = false): Promise<string> {
  const asked = withTerminal(deps, async (input, output) => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const first = await promptSecret(input, output, question);
      if (first.length === 0) {
        output.write('The passphrase cannot be empty.\n');
        continue;
      }
      if (!confirm) return first;
      if (first.length < 8) {
        output.write('Use at least 8 characters.\n');
        continue;
      }
      const second = await promptSecret(input, output, 'Repeat it: ');
      if (first === second) return first;
      output.write('The two did not match; try again.\n');
    }
    throw new UsageError('No passphrase was set.');
  });
  if (!asked) {
    throw new LockedError(
      'The journal is locked and there is no terminal to ask for the passphrase.',
      'Set COMPANION_PASSPHRASE_FILE to a file that holds it, or run in a terminal.',
    );
  }
  return asked;
}

/** Where an unlock passphrase came from. */
export type PassphraseOrigin = 'file' | 'keychain' | 'prompt';

/**
 * Unlock sources, in order: COMPANION_PASSPHRASE_FILE, the OS keychain when the user opted in, an
 * interactive prompt without echo. `note` receives one plain line when the keychain cannot be used.
 */
export async function* passphraseCandidates(
  deps: CliDeps,
  opts: { keychainOptIn: boolean; vaultId: string; keychain: Keychain; note: (line: string) => void },
): AsyncGenerator<{ passphrase: string; origin: PassphraseOrigin }> {
  const file = deps.env.COMPANION_PASSPHRASE_FILE;
  if (file) {
    yield { passphrase: readSecretFile(file, 'COMPANION_PASSPHRASE_FILE'), origin: 'file' };
    return; // a scripted source is authoritative: a wrong one fails instead of falling back to a prompt
  }
  if (opts.keychainOptIn) {
    const got = opts.keychain.get(opts.vaultId);
    if (!got.ok) opts.note(`The OS keychain cannot be used (${got.unavailable}); asking for the passphrase instead.`);
    else if (got.value) yield { passphrase: got.value, origin: 'keychain' };
  }
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    yield { passphrase: await askPassphrase(deps, attempt === 1 ? 'Passphrase: ' : 'Wrong passphrase. Try again: '), origin: 'prompt' };
  }
}
