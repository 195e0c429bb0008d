import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';

const pbkdf2 = promisify(crypto.pbkdf2);
const scrypt = promisify(crypto.scrypt) as (pw: crypto.BinaryLike, salt: crypto.BinaryLike, len: number, opts: crypto.ScryptOptions) => Promise<Buffer>;

/** Bounds enforced when KDF parameters are read from disk: a header asking for more is refused, not obeyed. */
export const KDF_BOUNDS = {
  pbkdf2: { minIterations: 100_000, maxIterations: 10_000_000 },
  scrypt: { minLogN: 14, maxLogN: 20, maxR: 32, maxP: 16 },
} as const;

const b64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64');

/** PBKDF2-HMAC-SHA256 parameters as stored in the vault header. */
export const Pbkdf2ParamsSchema = z.object({
  name: z.literal('pbkdf2-sha256'),
  iterations: z.number().int()
    .min(KDF_BOUNDS.pbkdf2.minIterations, `PBKDF2 iterations below ${KDF_BOUNDS.pbkdf2.minIterations} are refused`)
    .max(KDF_BOUNDS.pbkdf2.maxIterations, `PBKDF2 iterations above ${KDF_BOUNDS.pbkdf2.maxIterations} are refused`),
  salt: b64,
});

/** scrypt parameters as stored in the vault header (N = 2^logN). */
export const ScryptParamsSchema = z.object({
  name: z.literal('scrypt'),
  logN: z.number().int().min(KDF_BOUNDS.scrypt.minLogN).max(KDF_BOUNDS.scrypt.maxLogN, `scrypt N above 2^${KDF_BOUNDS.scrypt.maxLogN} is refused`),
  r: z.number().int().min(1).max(KDF_BOUNDS.scrypt.maxR),
  p: z.number().int().min(1).max(KDF_BOUNDS.scrypt.maxP),
  salt: b64,
});

/** Either KDF's parameters. */
export const KdfParamsSchema = z.discriminatedUnion('name', [Pbkdf2ParamsSchema, ScryptParamsSchema]);
export type KdfParams = z.infer<typeof KdfParamsSchema>;

/** Which KDF a new vault uses. */
export type KdfChoice = { kind: 'pbkdf2'; iterations?: number } | { kind: 'scrypt' };

/** Fresh parameters for a new vault: PBKDF2 at 600,000 iterations, or scrypt N=2^17, r=8, p=1. */
export function newKdfParams(choice: KdfChoice = { kind: 'pbkdf2' }): KdfParams {
  const salt = crypto.randomBytes(16).toString('base64');
  if (choice.kind === 'scrypt') return { name: 'scrypt', logN: 17, r: 8, p: 1, salt };
  return Pbkdf2ParamsSchema.parse({ name: 'pbkdf2-sha256', iterations: choice.iterations ?? 600_000, salt });
}

let derivations = 0;

/** How many passphrase derivations this process has run (the benchmarks check it is exactly one). */
export function kdfCount(): number {
  return derivations;
}

/** Derive the 256-bit key-encryption key from a passphrase. Slow by design; call once per process. */
export async function deriveKek(passphrase: string, params: KdfParams): Promise<Buffer> {
  derivations += 1;
  const pw = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  const salt = Buffer.from(params.salt, 'base64');
  if (params.name === 'pbkdf2-sha256') return pbkdf2(pw, salt, params.iterations, 32, 'sha256');
  const N = 2 ** params.logN;
  return scrypt(pw, salt, 32, { N, r: params.r, p: params.p, maxmem: 128 * N * params.r * params.p + 64 * 1024 * 1024 });
}
