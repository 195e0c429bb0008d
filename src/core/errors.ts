/**
 * Typed errors for companion. Every expected failure is a CompanionError carrying the exit code the CLI
 * returns and one plain sentence for the user; the single exit point in src/cli maps them.
 *
 * Exit codes (documented in the README):
 *   0 ok · 1 unexpected error · 2 usage or bad input · 3 locked or wrong passphrase ·
 *   4 integrity failure (tampering or corruption) · 5 not found
 */
export const ExitCode = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  locked: 3,
  integrity: 4,
  notFound: 5,
} as const;

/** One of the documented exit codes. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Base class: an expected failure with a user-facing message and an exit code. */
export class CompanionError extends Error {
  /** Exit code the CLI returns for this error. */
  readonly exitCode: ExitCodeValue;
  /** Optional second line telling the user what to do next. */
  readonly hint: string | undefined;

  constructor(message: string, exitCode: ExitCodeValue, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.hint = hint;
  }
}

/** Bad arguments, unparseable dates, invalid config values, malformed import files. Exit 2. */
export class UsageError extends CompanionError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.usage, hint);
  }
}

/** The vault is locked: wrong passphrase, no unlock source, or no vault yet. Exit 3. */
export class LockedError extends CompanionError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.locked, hint);
  }
}

/** Tampering or corruption detected in the vault, an entry, or the audit log. Exit 4. */
export class IntegrityError extends CompanionError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.integrity, hint);
  }
}

/** An entry, file or model that was asked for does not exist. Exit 5. */
export class NotFoundError extends CompanionError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.notFound, hint);
  }
}

/** An environmental failure we can explain (disk full, permission denied, lock held too long). Exit 1. */
export class EnvironmentError extends CompanionError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.unexpected, hint);
  }
}
