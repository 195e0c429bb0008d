import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { base58CheckValid, bech32Valid, ibanValid, ipv4Valid, luhnValid, ssnValid } from '../../../src/security/pii/index.js';

describe('luhnValid', () => {
  it('accepts card numbers whose Luhn checksum holds, with or without separators', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111 1111 1111 1111')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true);
  });
  it('rejects a number with one digit changed, and non-card lengths', () => {
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('12345')).toBe(false);
    expect(luhnValid('4111-1111-abcd-1111')).toBe(false);
  });
});

describe('ibanValid', () => {
  it('accepts IBANs whose mod-97 check is 1, in any case and with spaces', () => {
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('gb82 west 1234 5698 7654 32')).toBe(true);
    expect(ibanValid('DE89370400440532013000')).toBe(true);
  });
  it('rejects a wrong check digit and a wrong length for the country', () => {
    expect(ibanValid('GB83WEST12345698765432')).toBe(false);
    expect(ibanValid('DE8937040044053201300')).toBe(false);
  });
});

describe('ssnValid and ipv4Valid', () => {
  it('accepts issuable SSNs and rejects reserved areas', () => {
    expect(ssnValid('123-45-6789')).toBe(true);
    expect(ssnValid('000-12-3456')).toBe(false);
    expect(ssnValid('666-12-3456')).toBe(false);
    expect(ssnValid('912-12-3456')).toBe(false);
  });
  it('accepts dotted quads in range only', () => {
    expect(ipv4Valid('192.168.0.1')).toBe(true);
    expect(ipv4Valid('256.1.1.1')).toBe(false);
    expect(ipv4Valid('01.2.3.4')).toBe(false);
  });
});

describe('bech32Valid', () => {
  it('accepts the segwit addresses of BIP 173 and BIP 350 (bech32m), in one case', () => {
    for (const a of ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx', 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0']) {
      expect([a, bech32Valid(a)]).toEqual([a, true]);
    }
  });
  it('rejects a changed character, mixed case, another prefix and a character outside the set', () => {
    for (const a of ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', 'bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'ltc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3tb']) {
      expect([a, bech32Valid(a)]).toEqual([a, false]);
    }
  });
});

describe('base58CheckValid', () => {
  const sha256 = (bytes: Uint8Array): Uint8Array => createHash('sha256').update(bytes).digest();
  it('accepts legacy addresses whose checksum holds, and rejects one with a character changed', () => {
    for (const a of ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy']) expect([a, base58CheckValid(a, sha256)]).toEqual([a, true]);
    for (const a of ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb', '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN0', '1111111111111111111114oLvT3']) expect([a, base58CheckValid(a, sha256)]).toEqual([a, false]);
  });
});
