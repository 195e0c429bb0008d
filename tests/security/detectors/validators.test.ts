import { describe, expect, it } from 'vitest';
import { ibanValid, ipv4Valid, luhnValid, ssnValid } from '../../../src/security/pii/index.js';

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
