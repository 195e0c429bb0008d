import { describe, expect, it } from 'vitest';
import { detectPII, obfuscate, Pseudonymizer, type PiiSpan } from '../../../src/security/pii/index.js';

const TEXT = 'Mail Sara Schwarz at sara.schwarz@example.org or call +1-984-182-0190. Card 4111 1111 1111 1111, IBAN GB82WEST12345698765432.';

describe('detectPII', () => {
  it('finds validated structured PII with offsets that slice back to the text', () => {
    const spans = detectPII(TEXT);
    const types = spans.map((s) => s.type);
    expect(types).toEqual(expect.arrayContaining(['PERSON', 'EMAIL', 'PHONE', 'CREDIT_CARD', 'IBAN']));
    for (const s of spans) expect(TEXT.slice(s.start, s.end)).toBe(s.text);
  });
  it('does not report a card number that fails Luhn', () => {
    expect(detectPII('my code is 4111 1111 1111 1112').some((s) => s.type === 'CREDIT_CARD')).toBe(false);
  });
  it('reads a number after a plus sign as a phone, never a card, whatever its Luhn digit', () => {
    const spans = detectPII('texted him on +234 803 555 1234 and paid with 4111 1111 1111 1111');
    expect(spans.map((s) => [s.type, s.text])).toEqual([['PHONE', '+234 803 555 1234'], ['CREDIT_CARD', '4111 1111 1111 1111']]);
  });
  it('accepts a 12-digit (Maestro) card only next to the word card and with a valid Luhn digit', () => {
    expect(detectPII('points won on credit card 587428561654 last month').find((s) => s.type === 'CREDIT_CARD')?.text).toBe('587428561654');
    expect(detectPII('points won on credit card 587428561655 last month').some((s) => s.type === 'CREDIT_CARD')).toBe(false);
    expect(detectPII('we counted 587428561654 grains of sand').some((s) => s.type === 'CREDIT_CARD')).toBe(false);
  });
  it('finds a driver\'s licence number after the phrase that introduces it', () => {
    for (const id of ['2270-66-1551', 'F162823540116', '6940579']) {
      expect(detectPII(`my driver's license number is ${id}`).find((s) => s.type === 'US_DRIVER_LICENSE')?.text).toBe(id);
    }
    expect(detectPII('a driver took the license plate off').some((s) => s.type === 'US_DRIVER_LICENSE')).toBe(false);
  });
  it('finds other identifiers after their label, the whole value and nothing after it', () => {
    const ids = (text: string): string[] => detectPII(text).filter((s) => s.type === 'ID_NUMBER').map((s) => s.text);
    const cases: [string, string[]][] = [
      ['My passport number is X12345678.', ['X12345678']],
      ['Passport: 533380006', ['533380006']],
      ['account 12345678, sort code 12-34-56', ['12345678', '12-34-56']],
      ['Policy number: HX-883-2201 for the car', ['HX-883-2201']],
      ['NHS number 943 476 5919', ['943 476 5919']],
      ['Patient ID: 7734-221', ['7734-221']],
      ['Licence plate AB12 CDE, silver car', ['AB12 CDE']],
      ['VIN 1HGCM82633A004352', ['1HGCM82633A004352']],
      // Not identifiers: no value after the label, a word, too few digits, or a number with a recogniser of its own.
      ['the member price was 12 dollars', []],
      ['a student of 2019 class', []],
      ['my account has 1500 dollars', []],
      ['our policy is 30 days', []],
      ['the plate was 1 of 3', []],
      ["My driver's license number is 6940579", []],
      ['my credit card number is 4152488713445952', []],
    ];
    for (const [text, expected] of cases) expect([text, ids(text)]).toEqual([text, expected]);
    // A masked export leaves none of the value.
    const text = 'Policy number: HX-883-2201 for the car';
    expect(obfuscate(text, detectPII(text), 'redact')).toBe('Policy number: [ID_NUMBER] for the car');
  });
  it('keeps an address unit the tagger left out, so a masked export does not show it', () => {
    const text = 'Apartment 12, 45 Elm St, Springfield IL 62704';
    expect(obfuscate(text, detectPII(text), 'redact')).not.toMatch(/Apartment|12,/);
    expect(detectPII('She lives in Apt 4B now.').map((s) => [s.type, s.text])).toEqual([['STREET_ADDRESS', 'Apt 4B']]);
  });
  it('returns non-overlapping spans in text order', () => {
    const spans = detectPII(TEXT);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
  });
});

describe('obfuscate', () => {
  const text = 'Jake met Anna. Jake called 780-999-2181.';
  const spans: PiiSpan[] = [
    { type: 'PERSON', start: 0, end: 4, text: 'Jake', confidence: 1, source: 't' },
    { type: 'PERSON', start: 9, end: 13, text: 'Anna', confidence: 1, source: 't' },
    { type: 'PERSON', start: 15, end: 19, text: 'Jake', confidence: 1, source: 't' },
    { type: 'PHONE', start: 27, end: 39, text: '780-999-2181', confidence: 1, source: 't' },
  ];
  it('mask keeps length and hides every character of each span', () => {
    const out = obfuscate(text, spans, 'mask');
    expect(out).toHaveLength(text.length);
    expect(out).toBe('**** met ****. **** called ************.');
  });
  it('redact writes the type in brackets', () => {
    expect(obfuscate(text, spans, 'redact')).toBe('[PERSON] met [PERSON]. [PERSON] called [PHONE].');
  });
  it('pseudonym gives the same value the same stand-in within and across calls sharing a Pseudonymizer', () => {
    const p = new Pseudonymizer();
    const first = obfuscate(text, spans, 'pseudonym', p);
    const second = obfuscate('JAKE  ', [{ type: 'PERSON', start: 0, end: 4, text: 'JAKE', confidence: 1, source: 't' }], 'pseudonym', p);
    const jake = p.pseudonymFor('PERSON', 'Jake');
    expect(first.startsWith(`${jake} met `)).toBe(true);
    expect(first.split(jake)).toHaveLength(3);
    expect(second.trim()).toBe(jake);
    expect(p.pseudonymFor('PERSON', 'Anna')).not.toBe(jake);
    expect(first).not.toContain('Jake');
    expect(first).not.toContain('780-999-2181');
  });
  it('hides the other places where a name found once occurs, in the same text and in later texts of the same export', () => {
    const at = (t: string, value: string, type: PiiSpan['type'] = 'PERSON'): PiiSpan => ({ type, start: t.indexOf(value), end: t.indexOf(value) + value.length, text: value, confidence: 1, source: 't' });
    const first = 'Met Diego at noon. Diego said Liam Quigley and Will Smith would call.';
    const p = new Pseudonymizer();
    const out = obfuscate(first, [at(first, 'Diego'), at(first, 'Liam Quigley'), at(first, 'Will Smith')], 'redact', p);
    expect(out).toBe('Met [PERSON] at noon. [PERSON] said [PERSON] and [PERSON] would call.');
    // A later text: the name, a single word of a full name and a handle found before, exactly as written; not an
    // ordinary word that was part of a name ("Will"), not inside another word or a handle, not another case.
    const later = 'Diego and Quigley, then @diego_r. Will you? Diegos diego @Diego';
    expect(obfuscate(later, [], 'redact', p)).toBe('[PERSON] and [PERSON], then @diego_r. Will you? Diegos diego @Diego');
    expect(obfuscate('ask @diego_r', [at('ask @diego_r', '@diego_r', 'USERNAME')], 'redact', p)).toBe('ask [USERNAME]');
    expect(obfuscate(later, [], 'pseudonym', p)).toContain('@user1.');
    // Pseudonyms: the recalled name gets the stand-in of the name found.
    const q = new Pseudonymizer();
    const named = obfuscate(first, [at(first, 'Liam Quigley')], 'pseudonym', q);
    expect(obfuscate('Quigley again', [], 'pseudonym', q)).toBe(`${q.pseudonymFor('PERSON', 'Liam Quigley')} again`);
    expect(named).not.toContain('Quigley');
    // Without a shared Pseudonymizer nothing is carried over.
    expect(obfuscate(later, [], 'redact')).toBe(later);
  });

  it('maps a surname alone to the stand-in of the full name seen before', () => {
    const p = new Pseudonymizer();
    const full = p.pseudonymFor('PERSON', 'Sara Schwarz');
    expect(p.pseudonymFor('PERSON', 'Schwarz')).toBe(full);
  });
});

describe('credentials', () => {
  it('finds API keys, tokens, private keys and labelled passwords as SECRET', () => {
    const text = [
      'my key is sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 for the bot.',
      'aws AKIAIOSFODNN7EXAMPLE and ghp_0123456789abcdefghijABCDEFGHIJ012345.',
      'wifi password: hunter22!x and the api key = 9f8e7d6c5b4a',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAK\n-----END RSA PRIVATE KEY-----',
    ].join('\n');
    const secrets = detectPII(text, { ner: false }).filter((s) => s.type === 'SECRET').map((s) => s.text);
    expect(secrets).toContain('sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789');
    expect(secrets).toContain('AKIAIOSFODNN7EXAMPLE');
    expect(secrets).toContain('ghp_0123456789abcdefghijABCDEFGHIJ012345');
    expect(secrets).toContain('hunter22!x');
    expect(secrets).toContain('9f8e7d6c5b4a');
    expect(secrets.some((s) => s.startsWith('-----BEGIN RSA PRIVATE KEY-----'))).toBe(true);
  });

  it('finds each credential format alone in an entry (their shared gate opens for every one)', () => {
    const keys = [
      'sk-AbCdEfGhIjKlMnOpQrStUvWxYz01',
      'ASIAIOSFODNN7EXAMPLE',
      'github_pat_11ABCDEFG0123456789abcdefghij',
      'gho_0123456789abcdefghijABCDEFGHIJ012345',
      'xoxb-1234567890-abcdefghij',
      'AIzaSy0123456789_abcdefghij-ABCDEFGHIJK',
      'rk_live_0123456789abcdefXYZ',
      'eyJhbGciOiJIUzI1.eyJzdWIiOiIxMjM0.SflKxwRJSMeKKF2QT4',
      '-----BEGIN PRIVATE KEY-----\nMIIBOgIBAAJBAK\n-----END PRIVATE KEY-----',
    ];
    for (const key of keys) {
      const secrets = detectPII(`Pasted this into my notes by mistake: ${key} and then went to bed.`, { ner: false }).filter((s) => s.type === 'SECRET');
      expect(secrets.map((s) => s.text), key).toContain(key);
    }
  });

  it('leaves ordinary diary words alone', () => {
    const text = 'I forgot my password again today and felt silly. The secret to good bread is patience.';
    expect(detectPII(text, { ner: false }).filter((s) => s.type === 'SECRET')).toEqual([]);
  });
});
