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
const inFlight = new Map<string, Promise<Buffer>>();

/** Forget derivations kept for reuse: called when a command starts and ends, so none outlives it. */
export function forgetDerivations(): void {
  inFlight.clear();
}

/** How many passphrase derivations this process has run (the benchmarks check it is exactly one). */
export function kdfCount(): number {
  return derivations;
}

/**
 * Derive the 256-bit key-encryption key from a passphrase. Slow by design. Asking twice within one
 * command for the same passphrase and parameters returns the same derivation, so the CLI can start it
 * early (while modules load) and still run exactly one KDF. Refuses parameters outside the bounds.
 */
export function deriveKek(passphrase: string, params: KdfParams): Promise<Buffer> {
  if (!withinBounds(params)) return Promise.reject(new RangeError('KDF parameters outside the allowed bounds'));
  const key = crypto.createHash('sha256').update(passphrase.normalize('NFC')).update('\0').update(JSON.stringify(params)).digest('hex');
  let pending = inFlight.get(key);
  if (!pending) {
    derivations += 1;
    const pw = Buffer.from(passphrase.normalize('NFC'), 'utf8');
    const salt = Buffer.from(params.salt, 'base64');
    if (params.name === 'pbkdf2-sha256') {
      pending = pbkdf2(pw, salt, params.iterations, 32, 'sha256');
    } else {
      const N = 2 ** params.logN;
      pending = scrypt(pw, salt, 32, { N, r: params.r, p: params.p, maxmem: 128 * N * params.r * params.p + 64 * 1024 * 1024 });
    }
    inFlight.set(key, pending);
    pending.catch(() => inFlight.delete(key));
  }
  return pending;
}
