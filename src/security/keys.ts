import crypto from 'node:crypto';

/**
 * HKDF-Expand (RFC 5869, section 2.3) for L = 32 with the data key as PRK. The data key is 256 uniformly
 * random bits, so the Extract step is not needed (RFC 5869, section 3.3); one HMAC per key makes
 * per-entry subkeys cheap enough to open ten thousand entries quickly.
 */
export function expandKey(prk: crypto.KeyObject, info: Uint8Array): Buffer {
  return crypto.createHmac('sha256', prk).update(info).update(Buffer.from([1])).digest();
}

/** Labels of the keys derived from the data key; one label, one purpose. */
export const KeyLabel = {
  entry: 'companion/v1/entry-key',
  auditMac: 'companion/v1/audit-mac',
  checkpointMac: 'companion/v1/checkpoint-mac',
  draft: 'companion/v1/draft-key',
  cache: 'companion/v1/cache-key',
  metrics: 'companion/v1/metrics-key',
  searchIndex: 'companion/v1/search-index-key',
  auditMark: 'companion/v1/audit-mark-key',
} as const;

/** Build the HKDF info for a label and optional context bytes (e.g. an entry's salt). */
export function keyInfo(label: string, context?: Uint8Array): Buffer {
  const l = Buffer.from(label, 'utf8');
  return context ? Buffer.concat([l, Buffer.from([0]), context]) : l;
}

/** AES-256-GCM encrypt: returns iv (12 bytes), tag (16 bytes) and ciphertext. A fresh IV every call. */
export function sealGcm(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): { iv: Buffer; tag: Buffer; ct: Buffer } {
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(aad);
  const ct = Buffer.concat([c.update(plaintext), c.final()]);
  return { iv, tag: c.getAuthTag(), ct };
}

/** AES-256-GCM decrypt; returns null when the tag does not verify (wrong key or altered bytes). */
export function openGcm(key: Uint8Array, iv: Uint8Array, tag: Uint8Array, ct: Uint8Array, aad: Uint8Array): Buffer | null {
  if (iv.length !== 12 || tag.length !== 16) return null;
  try {
    const d = crypto.createDecipheriv('aes-256-gcm', key, iv);
    d.setAAD(aad);
    d.setAuthTag(tag);
    const plaintext = d.update(ct);
    d.final(); // throws when the tag does not verify; GCM yields no further bytes
    return plaintext;
  } catch {
    return null;
  }
}

/** SHA-256 as lowercase hex. */
export function sha256Hex(data: Uint8Array | string): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** Constant-time comparison of two hex or byte strings of any length. */
export function safeEqual(a: Uint8Array | string, b: Uint8Array | string): boolean {
  const x = typeof a === 'string' ? Buffer.from(a) : Buffer.from(a);
  const y = typeof b === 'string' ? Buffer.from(b) : Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
