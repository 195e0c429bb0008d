import { randomBytes, randomInt } from 'node:crypto';

/** Personal data and secrets planted in a throwaway journal; fresh random values every run. */
export interface Canaries {
  /** Each planted value with a label saying what it is. */
  pii: { label: string; value: string }[];
  secrets: { label: string; value: string }[];
  /** One entry text carrying all of them. */
  entryText: string;
}

function digits(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(randomInt(10));
  return s;
}

/** A 16-digit Visa-like number that passes the Luhn check. */
export function luhnCard(): string {
  const body = '4' + digits(14);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  const check = (10 - (sum % 10)) % 10;
  return (body + String(check)).replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** A UK IBAN with valid mod-97 check digits. */
export function validIban(): string {
  const bban = 'NWBK' + digits(14);
  const rearranged = bban + 'GB00';
  const numeric = rearranged.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const ch of numeric) rem = (rem * 10 + Number(ch)) % 97;
  const check = String(98 - rem).padStart(2, '0');
  return `GB${check}${bban}`;
}

/** Fresh canaries for one run of the suite. */
export function makeCanaries(): Canaries {
  const tag = randomBytes(4).toString('hex');
  const pii = [
    { label: 'email', value: `maren.quist.${tag}@example.org` },
    { label: 'phone', value: `(415) 555-0${digits(3)}` },
    { label: 'credit card', value: luhnCard() },
    { label: 'US SSN', value: `${randomInt(100, 666)}-${String(randomInt(10, 99))}-${String(randomInt(1000, 9999))}` },
    { label: 'IBAN', value: validIban() },
    { label: 'IP address', value: `203.0.113.${randomInt(2, 250)}` },
    { label: 'crypto wallet', value: `0x${randomBytes(20).toString('hex')}` },
  ];
  const secrets = [
    { label: 'API key', value: `sk-proj-${randomBytes(24).toString('base64url')}` },
    { label: 'AWS access key id', value: `AKIA${randomBytes(10).toString('hex').toUpperCase().slice(0, 16)}` },
    { label: 'Wi-Fi password', value: `Gr33n-${randomBytes(6).toString('base64url')}!` },
  ];
  const v = (label: string): string => [...pii, ...secrets].find((c) => c.label === label)?.value ?? '';
  const entryText = [
    `Sorted out the paperwork today. My new email is ${v('email')} and my phone is ${v('phone')}.`,
    `Paid the dentist with my card ${v('credit card')}; the insurance form wanted my SSN ${v('US SSN')}.`,
    `Rent goes to IBAN ${v('IBAN')} from now on. The home router sits at ${v('IP address')}.`,
    `Note to self, the work API key is ${v('API key')} and the old AWS key id was ${v('AWS access key id')}.`,
    `Wifi pw: ${v('Wi-Fi password')} and the savings went to ${v('crypto wallet')}.`,
  ].join(' ');
  return { pii, secrets, entryText };
}
