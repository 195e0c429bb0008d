import crypto from 'node:crypto';
import { KeyLabel, openGcm, sealGcm } from './keys.js';
import type { Vault } from './vault.js';

/** Current entry file format version. Version 1 stays readable forever. */
export const ENTRY_FORMAT_VERSION = 1;

const MAGIC = Buffer.from('CMPE', 'ascii');
const SALT_LEN = 16;

/** The part of an entry stored in the clear: only what listing by date needs. */
export interface EntryClearHeader {
  /** Entry id. */
  id: string;
  /** Creation time, ISO 8601 with offset. */
  created: string;
  /** Revision, 1 on creation, +1 per update. */
  rev: number;
}

/** Why an entry file failed to open; the caller turns it into an IntegrityError with context. */
export type OpenFailure = 'not-an-entry' | 'unsupported-version' | 'header-damaged' | 'authentication-failed';

/** Result of opening an entry file. */
export type OpenedEntry = { ok: true; header: EntryClearHeader; plaintext: Buffer } | { ok: false; reason: OpenFailure };

const aadPrefixes = new Map<string, Buffer>();

function aad(vaultId: string, prefix: Buffer): Buffer {
  // Associated data: the vault id plus every clear byte (magic, format version, id, created, revision).
  let head = aadPrefixes.get(vaultId);
  if (!head) {
    head = Buffer.from(`companion/v1/entry\0${vaultId}\0`, 'utf8');
    aadPrefixes.set(vaultId, head);
  }
  return Buffer.concat([head, prefix]);
}

/**
 * Encrypt one entry: a random salt gives a per-entry subkey from the data key, a fresh 96-bit IV is drawn,
 * and AES-256-GCM seals the body with the vault id, entry id, revision and format version as associated data.
 * Layout: "CMPE" | version u8 | header length u16 | header JSON | salt(16) | iv(12) | tag(16) | ciphertext.
 */
export function sealEntry(vault: Vault, header: EntryClearHeader, plaintext: Uint8Array): Buffer {
  const headerBytes = Buffer.from(JSON.stringify({ id: header.id, created: header.created, rev: header.rev }), 'utf8');
  const prefix = Buffer.alloc(MAGIC.length + 3);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt8(ENTRY_FORMAT_VERSION, 4);
  prefix.writeUInt16BE(headerBytes.length, 5);
  const clear = Buffer.concat([prefix, headerBytes]);
  const salt = crypto.randomBytes(SALT_LEN);
  const key = vault.deriveKey(KeyLabel.entry, salt);
  const { iv, tag, ct } = sealGcm(key, plaintext, aad(vault.vaultId, clear));
  return Buffer.concat([clear, salt, iv, tag, ct]);
}

/** Read only the clear header of an entry file (no key needed); null when the bytes are not an entry. */
export function readClearHeader(bytes: Buffer): { header: EntryClearHeader; clearLength: number } | null {
  if (bytes.length < 7 || !bytes.subarray(0, 4).equals(MAGIC)) return null;
  const len = bytes.readUInt16BE(5);
  if (bytes.length < 7 + len) return null;
  try {
    const h = JSON.parse(bytes.subarray(7, 7 + len).toString('utf8')) as Partial<EntryClearHeader>;
    if (typeof h.id !== 'string' || typeof h.created !== 'string' || typeof h.rev !== 'number') return null;
    return { header: { id: h.id, created: h.created, rev: h.rev }, clearLength: 7 + len };
  } catch {
    return null;
  }
}

/** Decrypt one entry file. Never returns plaintext that did not authenticate. */
export function openEntry(vault: Vault, bytes: Buffer): OpenedEntry {
  if (bytes.length < 7 || !bytes.subarray(0, 4).equals(MAGIC)) return { ok: false, reason: 'not-an-entry' };
  if (bytes.readUInt8(4) !== ENTRY_FORMAT_VERSION) return { ok: false, reason: 'unsupported-version' };
  const parsed = readClearHeader(bytes);
  if (!parsed) return { ok: false, reason: 'header-damaged' };
  const at = parsed.clearLength;
  if (bytes.length < at + SALT_LEN + 12 + 16) return { ok: false, reason: 'header-damaged' };
  const salt = bytes.subarray(at, at + SALT_LEN);
  const iv = bytes.subarray(at + SALT_LEN, at + SALT_LEN + 12);
  const tag = bytes.subarray(at + SALT_LEN + 12, at + SALT_LEN + 28);
  const ct = bytes.subarray(at + SALT_LEN + 28);
  const key = vault.deriveKey(KeyLabel.entry, salt);
  const plaintext = openGcm(key, iv, tag, ct, aad(vault.vaultId, bytes.subarray(0, at)));
  if (!plaintext) return { ok: false, reason: 'authentication-failed' };
  return { ok: true, header: parsed.header, plaintext };
}
