import fs from 'node:fs';
import { z } from 'zod';
import { IntegrityError, NotFoundError } from '../core/errors.js';
import { atomicWrite } from '../core/atomic-write.js';
import { KdfParamsSchema } from './kdf.js';

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

/** A data key sealed with AES-256-GCM under a key-encryption key. */
export const WrappedKeySchema = z.object({ iv: b64, tag: b64, ct: b64 });
export type WrappedKey = z.infer<typeof WrappedKeySchema>;

/** The audit log's checkpoint: its length and head hash, MAC'd under a key from the data key. */
export const AuditCheckpointSchema = z.object({
  length: z.number().int().nonnegative(),
  head: z.string().regex(/^[0-9a-f]{64}$/),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditCheckpoint = z.infer<typeof AuditCheckpointSchema>;

/** Current vault format version. Version 1 is kept readable forever (tests/fixtures/vault-v1). */
export const VAULT_FORMAT_VERSION = 1;

/** `vault.json`: everything needed to unlock, nothing secret in the clear. */
export const VaultHeaderSchema = z.object({
  format: z.literal('companion-vault'),
  version: z.literal(VAULT_FORMAT_VERSION),
  vaultId: z.string().regex(/^[0-9a-f]{32}$/),
  created: z.string().datetime({ offset: true }),
  kdf: KdfParamsSchema,
  wrappedKey: WrappedKeySchema,
  recovery: WrappedKeySchema.extend({ salt: b64 }),
  audit: AuditCheckpointSchema.nullable().default(null),
}).strict();
export type VaultHeader = z.infer<typeof VaultHeaderSchema>;

/**
 * Read and validate `vault.json`. Throws NotFoundError when there is no journal yet and IntegrityError
 * (naming the field) when the header is malformed or asks for KDF work outside the allowed bounds.
 */
export function readVaultHeader(file: string): VaultHeader {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new NotFoundError('No journal here yet.', 'Run `companion init` to create one (or set COMPANION_DATA_DIR).');
    }
    throw err;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new IntegrityError('The vault header (vault.json) is not valid JSON: it is damaged or was altered.');
  }
  const parsed = VaultHeaderSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '?';
    throw new IntegrityError(`The vault header was refused at "${where}": ${issue?.message ?? 'invalid'}.`, 'It is damaged or was altered; nothing was decrypted.');
  }
  return parsed.data;
}

/** Write `vault.json` atomically. */
export function writeVaultHeader(file: string, header: VaultHeader): void {
  atomicWrite(file, JSON.stringify(header, null, 2) + '\n');
}
