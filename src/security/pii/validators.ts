/** True when the digits of `value` (separators ignored) pass the Luhn checksum used by payment cards. */
export function luhnValid(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Length of an IBAN per country code (ISO 13616 registry, the common countries). */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AT: 20, BE: 16, BG: 22, BH: 22, BR: 29, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20,
  ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GI: 23, GL: 18, GR: 27, HR: 21, HU: 28, IE: 22, IL: 23, IS: 26,
  IT: 27, KW: 30, KZ: 20, LB: 28, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, ME: 22, MK: 19, MT: 31, MU: 30,
  NL: 18, NO: 15, PK: 24, PL: 28, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SE: 24, SI: 19, SK: 24, SM: 27,
  TN: 24, TR: 26, UA: 29,
};

/**
 * True when `value` (spaces ignored, any case) is a well-formed IBAN whose ISO 7064 mod-97 check is 1.
 * Countries missing from the length table are accepted on the checksum alone (15–34 characters).
 */
export function ibanValid(value: string): boolean {
  const iban = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const chunk = code >= 65 ? String(code - 55) : ch;
    for (const digit of chunk) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

/** True when `value` is a US Social Security number the SSA could issue (area, group, serial not zero; area not 666 or 9xx). */
export function ssnValid(value: string): boolean {
  const m = /^(\d{3})[- ]?(\d{2})[- ]?(\d{4})$/.exec(value.trim());
  if (!m) return false;
  const [, area, group, serial] = m as unknown as [string, string, string, string];
  if (area === '000' || area === '666' || area.startsWith('9')) return false;
  if (group === '00' || serial === '0000') return false;
  return !/^(\d)\1{2}-?\1{2}-?\1{4}$/.test(value.trim());
}

/** True for a dotted-quad IPv4 address with every octet 0–255 and no leading zeros. */
export function ipv4Valid(value: string): boolean {
  const parts = value.split('.');
  if (parts.length !== 4) return false;
  return parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** True when a phone candidate has a plausible digit count (7–15, E.164) and is not one repeated digit. */
export function phoneDigitsValid(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  return digits.length >= 7 && digits.length <= 15 && !/^(\d)\1+$/.test(digits);
}

/** The bech32 character set (BIP 173): a character's index is its 5-bit value. */
const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
/** The constants a bech32 (BIP 173) and a bech32m (BIP 350) checksum leave. */
const BECH32_CONSTANTS: readonly number[] = [1, 0x2bc830a3];

/** The BIP 173 checksum polynomial over 5-bit values. */
function bech32Polymod(values: readonly number[]): number {
  const generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= generator[i]!;
  }
  return chk >>> 0;
}

/**
 * True when `value` is a Bitcoin segwit address whose bech32 or bech32m checksum holds ("bc1q…", testnet "tb1…"), in
 * one case only.
 */
export function bech32Valid(value: string): boolean {
  if (value !== value.toLowerCase() && value !== value.toUpperCase()) return false;
  const address = value.toLowerCase();
  const separator = address.lastIndexOf('1');
  const hrp = address.slice(0, separator);
  if ((hrp !== 'bc' && hrp !== 'tb') || address.length > 90 || address.length - separator < 7) return false;
  const data: number[] = [];
  for (const ch of address.slice(separator + 1)) {
    const v = BECH32_CHARSET.indexOf(ch);
    if (v === -1) return false;
    data.push(v);
  }
  const expanded = [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31)];
  return BECH32_CONSTANTS.includes(bech32Polymod([...expanded, ...data]));
}

/** The base58 alphabet of Bitcoin addresses: no 0, O, I or l. */
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/**
 * True when `value` is a legacy Bitcoin address ("1…" or "3…") whose base58check checksum holds: its last four bytes
 * are the first four of the double SHA-256 of the rest, which is a version byte and a 20-byte hash.
 */
export function base58CheckValid(value: string, sha256: (bytes: Uint8Array) => Uint8Array): boolean {
  let n = 0n;
  for (const ch of value) {
    const v = BASE58.indexOf(ch);
    if (v === -1) return false;
    n = n * 58n + BigInt(v);
  }
  const bytes: number[] = [];
  for (; n > 0n; n >>= 8n) bytes.unshift(Number(n & 0xffn));
  for (let i = 0; i < value.length && value[i] === '1'; i++) bytes.unshift(0);
  if (bytes.length !== 25) return false;
  const payload = Uint8Array.from(bytes.slice(0, 21));
  const check = sha256(sha256(payload));
  return bytes.slice(21).every((b, i) => b === check[i]);
}
