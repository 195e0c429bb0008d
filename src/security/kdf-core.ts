import crypto from 'node:crypto';
import { promisify } from 'node:util';

const pbkdf2 = promisify(crypto.pbkdf2);
const scrypt = promisify(crypto.scrypt) as (pw: crypto.BinaryLike, salt: crypto.BinaryLike, len: number, opts: crypto.ScryptOptions) => Promise<Buffer>;

/** Bounds enforced when KDF parameters are read from disk: a header asking for more is refused, not obeyed. */
export const KDF_BOUNDS = {
  pbkdf2: { minIterations: 100_000, maxIterations: 10_000_000 },
  scrypt: { minLogN: 14, maxLogN: 20, maxR: 32, maxP: 16 },
} as const;

/** KDF parameters as stored in the vault header (validated by the zod schemas in kdf.ts). */
export type KdfParams =
  | { name: 'pbkdf2-sha256'; iterations: number; salt: string }
  | { name: 'scrypt'; logN: number; r: number; p: number; salt: string };

/** True when parameters are within the bounds above (the check that must pass before any derivation). */
export function withinBounds(params: KdfParams): boolean {
  if (params.name === 'pbkdf2-sha256') {
    return Number.isInteger(params.iterations) && params.iterations >= KDF_BOUNDS.pbkdf2.minIterations && params.iterations <= KDF_BOUNDS.pbkdf2.maxIterations;
  }
  const b = KDF_BOUNDS.scrypt;
  return [params.logN, params.r, params.p].every(Number.isInteger) && params.logN >= b.minLogN && params.logN <= b.maxLogN && params.r >= 1 && params.r <= b.maxR && params.p >= 1 && params.p <= b.maxP;
}

let derivations = 0;
const started = new Map<string, Promise<Buffer>>();

function memoKey(passphrase: string, params: KdfParams): string {
  return crypto.createHash('sha256').update(passphrase.normalize('NFC')).update('\0').update(JSON.stringify(params)).digest('hex');
}

function derive(passphrase: string, params: KdfParams): Promise<Buffer> {
  if (!withinBounds(params)) return Promise.reject(new RangeError('KDF parameters outside the allowed bounds'));
  derivations += 1;
  const pw = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  const salt = Buffer.from(params.salt, 'base64');
  if (params.name === 'pbkdf2-sha256') return pbkdf2(pw, salt, params.iterations, 32, 'sha256');
  const N = 2 ** params.logN;
  return scrypt(pw, salt, 32, { N, r: params.r, p: params.p, maxmem: 128 * N * params.r * params.p + 64 * 1024 * 1024 });
}

/** Forget derivations started early and never taken: called when a command starts and ends. */
export function forgetDerivations(): void {
  started.clear();
}

/** How many passphrase derivations this process has run (the benchmarks check it is exactly one). */
export function kdfCount(): number {
  return derivations;
}

/**
 * Start a derivation early (the CLI does this while a command's modules load); the next deriveKek with the
 * same passphrase and parameters takes it instead of deriving again. Refuses parameters outside the bounds.
 */
export function startDerivation(passphrase: string, params: KdfParams): void {
  const key = memoKey(passphrase, params);
  if (started.has(key)) return;
  const pending = derive(passphrase, params);
  pending.catch(() => started.delete(key));
  started.set(key, pending);
}

/**
 * Derive the 256-bit key-encryption key from a passphrase. Slow by design. Takes a derivation started
 * early for the same passphrase and parameters (once), otherwise derives now. Refuses parameters
 * outside the bounds.
 */
export function deriveKek(passphrase: string, params: KdfParams): Promise<Buffer> {
  const key = memoKey(passphrase, params);
  const early = started.get(key);
  if (early) {
    started.delete(key);
    return early;
  }
  return derive(passphrase, params);
}
