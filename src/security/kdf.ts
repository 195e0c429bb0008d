import crypto from 'node:crypto';
import { z } from 'zod';
import { KDF_BOUNDS } from './kdf-core.js';

export { KDF_BOUNDS, deriveKek, kdfCount, withinBounds } from './kdf-core.js';

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
