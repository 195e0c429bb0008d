import { describe, expect, it } from 'vitest';
import { evaluatePresidio, presidioGold } from '../../../benchmarks/security/eval-pii.js';
import type { PresidioRow } from '../../../benchmarks/security/load-data.js';
import { gazetteer } from '../../../src/security/pii/gazetteer.js';
import { knownOrganisation, shippedTagger, tagEntities } from '../../../src/security/pii/tagger.js';
import { tidyEdges } from '../../../src/security/pii/tidy-edges.js';
import { tokenize } from '../../../src/security/pii/tokenize.js';

const row = (full_text: string, spans: [string, string][]): PresidioRow => ({
  full_text,
  spans: spans.map(([entity_type, value]) => {
    const start = full_text.indexOf(value);
    return { entity_type, entity_value: value, start_position: start, end_position: start + value.length };
  }),
});

describe('presidio-synth scoring', () => {
  it('scores every gold label, a label without a mapping as a miss under its own name', () => {
    const rows = [row('Call Dr. Ana at 555-0101, licence X1234567', [['TITLE', 'Dr.'], ['SOMETHING_NEW', 'X1234567']])];
    const unmapped: Record<string, number> = {};
    expect(presidioGold(rows[0]!, unmapped).map((g) => g.type)).toEqual(['TITLE', 'SOMETHING_NEW']);
    expect(unmapped).toEqual({ SOMETHING_NEW: 1 });
    const result = evaluatePresidio(rows, () => []);
    expect(result.exact.SOMETHING_NEW).toMatchObject({ n: 1, recall: 0 });
    expect(result.exact.overall).toMatchObject({ n: 2, matchedGold: 0 });
    expect(result.unmappedGold).toEqual({ SOMETHING_NEW: 1 });
  });

  it('maps GPE, STREET_ADDRESS and ZIP_CODE gold and detector types alike to LOCATION', () => {
    const rows = [row('Send it to 5 Elm St, Oslo 0150', [['STREET_ADDRESS', '5 Elm St'], ['GPE', 'Oslo'], ['ZIP_CODE', '0150']])];
    const text = rows[0]!.full_text;
    const at = (v: string, type: 'STREET_ADDRESS' | 'LOCATION' | 'ZIP_CODE') => {
      const start = text.indexOf(v);
      return { type, start, end: start + v.length, text: v, confidence: 1, source: 'test' };
    };
    const result = evaluatePresidio(rows, () => [at('5 Elm St', 'STREET_ADDRESS'), at('Oslo', 'LOCATION'), at('0150', 'ZIP_CODE')]);
    expect(result.exact.LOCATION).toMatchObject({ n: 3, matchedGold: 3, precision: 1 });
  });
});

describe('tidyEdges', () => {
  /** The text of `value`'s first occurrence in `text` after tidyEdges, read as `type`. */
  const tidied = (text: string, value: string, type: string): string =>
    text.slice(...tidyEdges(text, type, text.indexOf(value), text.indexOf(value) + value.length));
  /** Checks each case [value, type, what tidyEdges makes of it] against the value's first occurrence in `text`. */
  const expectTidied = (text: string, cases: readonly (readonly [string, string, string])[]): void => {
    for (const [value, type, expected] of cases) expect([value, type, tidied(text, value, type)]).toEqual([value, type, expected]);
  };

  it('drops dangling separators and gives a phone back its opening bracket and plus sign', () => {
    const text = 'fax (579)888-3058- or +41 69 979';
    const phone = text.indexOf('579');
    expect(text.slice(...tidyEdges(text, 'PHONE', phone, phone + 13))).toBe('(579)888-3058');
    const plus = text.indexOf('41');
    expect(text.slice(...tidyEdges(text, 'PHONE', plus, text.length))).toBe('+41 69 979');
    expect('Ana- went'.slice(...tidyEdges('Ana- went', 'PERSON', 0, 4))).toBe('Ana');
  });

  it("gives an organisation's abbreviated suffix its period, and nothing else a following period", () => {
    const text = 'I work for Pixia Corp. and Smith Ltd.\nAcme Corporation. Anna.';
    const span = (value: string, type: string) => tidied(text, value, type);
    expect(span('Pixia Corp', 'ORGANIZATION')).toBe('Pixia Corp.');
    expect(span('Smith Ltd', 'ORGANIZATION')).toBe('Smith Ltd.');
    expect(span('Acme Corporation', 'ORGANIZATION')).toBe('Acme Corporation');
    expect(span('Anna', 'PERSON')).toBe('Anna');
  });

  it('gives a street read without its house number the number, a unit before it or not, also before a comma', () => {
    expectTidied('Moved into 4/18 Bondi Road, Bondi NSW 2026. Then 12 Elm Street; 3/4 Sun, Bondi NSW', [
      ['Bondi Road, Bondi NSW 2026', 'STREET_ADDRESS', '4/18 Bondi Road, Bondi NSW 2026'], ['Elm Street', 'STREET_ADDRESS', '12 Elm Street'],
      ['Sun, Bondi NSW', 'STREET_ADDRESS', 'Sun, Bondi NSW'],
    ]);
  });

  it("gives a unit's number read alone its word, and no other number", () => {
    expectTidied('808 Kálmán Imre u. 12.\n Apt. 762\n Suite 541 6343 Skogstien 106\nUnit 4 9\nFlat 77', [
      ['762', 'LOCATION', 'Apt. 762'], ['6343', 'STREET_ADDRESS', '6343'], ['9', 'LOCATION', '9'], ['77', 'ZIP_CODE', '77'],
    ]);
  });

  it('finishes a name cut at a hyphen, a bracket left open and a street abbreviation, and nothing else', () => {
    expectTidied('says Hauta-aho. We moved from Cyprus (Greek), to 136 Filadelfeos Str., Klirou; Berlin-based, 61 St. (home)', [
      ['Hauta', 'PERSON', 'Hauta-aho'],
      ['Cyprus (Greek', 'LOCATION', 'Cyprus (Greek)'],
      ['136 Filadelfeos Str', 'STREET_ADDRESS', '136 Filadelfeos Str.'],
      ['Berlin', 'LOCATION', 'Berlin'],
      ['Klirou', 'LOCATION', 'Klirou'],
      ['61', 'STREET_ADDRESS', '61'],
      ['(home', 'LOCATION', '(home)'],
      ['Filadelfeos Str', 'PERSON', 'Filadelfeos Str'],
    ]);
  });

  it('never leaves part of a hyphenated name or number outside its span, nor takes in a prefix or a suffix word', () => {
    expectTidied('Jean-Luc saw Stratford-upon-Avon, Baden-Württemberg, SAINT-PRIEST; CEP 75534-030 at 12-14 Rue X; Paris-based, London-born', [
      ['Luc', 'PERSON', 'Jean-Luc'],
      ['Stratford', 'LOCATION', 'Stratford-upon-Avon'],
      ['Avon', 'LOCATION', 'Stratford-upon-Avon'],
      ['Baden', 'LOCATION', 'Baden-Württemberg'],
      ['Württemberg', 'ORGANIZATION', 'Baden-Württemberg'],
      ['SAINT', 'LOCATION', 'SAINT-PRIEST'],
      ['75534', 'ZIP_CODE', '75534-030'],
      ['14 Rue X', 'STREET_ADDRESS', '12-14 Rue X'],
      ['Paris', 'LOCATION', 'Paris'],
      ['London', 'LOCATION', 'London'],
    ]);
    expectTidied('Anti-Trump, Ex-Google and Pre-Christmas; Texas 16-2, Jones 3-0, page 12-14; Smith-Baker', [
      ['Trump', 'PERSON', 'Trump'],
      ['Google', 'ORGANIZATION', 'Google'],
      ['Christmas', 'LOCATION', 'Christmas'],
      ['Texas 16', 'LOCATION', 'Texas 16'],
      ['Jones 3', 'PERSON', 'Jones 3'],
      ['14', 'DATE_TIME', '14'],
      ['Baker', 'PERSON', 'Smith-Baker'],
      ['Smith', 'ORGANIZATION', 'Smith-Baker'],
    ]);
    // A short capitalised syllable takes a short lower-case second one, whatever the span's type (Korean given
    // names); not after a prefix, nor a longer word or tail ("Paris-based" above, "Seo-yeonwoo").
    expectTidied('with Ji-woo, Seo-yeon and Wal-mart; Co-op, Non-stop, Seo-yeonwoo, Jo-ann-marie, Xiao-ming, Paris-based', [
      ['Ji', 'ORGANIZATION', 'Ji-woo'],
      ['Xiao', 'ORGANIZATION', 'Xiao-ming'],
      ['Paris', 'LOCATION', 'Paris'],
      ['Seo', 'LOCATION', 'Seo-yeon'],
      ['Wal', 'ORGANIZATION', 'Wal-mart'],
      ['Co', 'ORGANIZATION', 'Co'],
      ['Non', 'LOCATION', 'Non'],
      ['Seo-yeonwoo', 'LOCATION', 'Seo-yeonwoo'],
    ]);
    expect(tidied('Seo-yeonwoo', 'Seo', 'LOCATION')).toBe('Seo');
    // A house number the tokenizer cut, or before a street's name; not before a span that starts with a number, nor a
    // place that names no street.
    expectTidied('at 4B Rosewood Court; at 12A Elm Street; 975 3968 Bay Street; in 2019 London', [
      ['B Rosewood Court', 'STREET_ADDRESS', '4B Rosewood Court'],
      ['Elm Street', 'LOCATION', '12A Elm Street'],
      ['3968 Bay Street', 'STREET_ADDRESS', '3968 Bay Street'],
      ['London', 'LOCATION', 'London'],
      ['Rosewood Court', 'PERSON', 'Rosewood Court'],
    ]);
    expect(tidied('Jo-ann-marie', 'Jo', 'LOCATION')).toBe('Jo');
  });

  it("takes a surname after lower-case particles into a person's span, and no German word", () => {
    expectTidied("seeing Ahmed al-Rashid, Ludwig van Beethoven's, Maria de la Cruz, Sarah van der Merwe-Smith; Ich bin Student, Anna der Welt, Tom da man, Omar bin Laden", [
      ['Ahmed', 'PERSON', 'Ahmed al-Rashid'],
      ['Ludwig', 'PERSON', 'Ludwig van Beethoven'],
      ['Maria', 'PERSON', 'Maria de la Cruz'],
      ['Sarah', 'PERSON', 'Sarah van der Merwe-Smith'],
      ['Ich', 'PERSON', 'Ich'],
      ['Anna', 'PERSON', 'Anna'],
      ['Tom', 'PERSON', 'Tom'],
      // "bin" right after a person (thirteenth session), not after "Ich".
      ['Omar', 'PERSON', 'Omar bin Laden'],
      ['Ludwig', 'LOCATION', 'Ludwig'],
    ]);
  });

  it("leaves a sentence's full stop out of a name, organisation or title, and keeps an abbreviation's", () => {
    expectTidied('I joined Uber. Then Mr. Li of Acme Inc. met the U.N. envoy at 5 Main St. on Kálmán u. 12.', [
      ['Uber.', 'ORGANIZATION', 'Uber'],
      ['Uber.', 'PERSON', 'Uber'],
      ['Mr.', 'TITLE', 'Mr.'],
      ['Acme Inc.', 'ORGANIZATION', 'Acme Inc.'],
      ['U.N.', 'ORGANIZATION', 'U.N.'],
      ['5 Main St.', 'STREET_ADDRESS', '5 Main St.'],
      ['Kálmán u. 12.', 'STREET_ADDRESS', 'Kálmán u. 12.'],
    ]);
  });

  it('finishes an ordinal street cut after its digits, and no other number', () => {
    expectTidied('We moved to 220 W 77th St. in May; 5 E 42nd Street, 3rd floor; born 10th June; apt 9 7thirty', [
      ['220 W 77', 'STREET_ADDRESS', '220 W 77th St.'],
      ['5 E 42', 'LOCATION', '5 E 42nd Street'],
      ['3', 'STREET_ADDRESS', '3rd'],
      ['10', 'DATE_TIME', '10'],
      ['9 7', 'STREET_ADDRESS', '9 7'],
    ]);
  });
});

describe('knownOrganisation', () => {
  it('reads a span as a known organisation only when its first word is one and no name follows', () => {
    const cases: [string, boolean][] = [
      ['Google', true],
      ['Uber Eats', true],
      ['Harrison Ford', false],
      ['Michael Dell', false],
      ['Dr. Netflix', false],
      ['Tom Becker', false],
      ['Zyxwquo', false],
    ];
    for (const [span, expected] of cases) expect([span, knownOrganisation(tokenize(span), gazetteer())]).toEqual([span, expected]);
  });

  it('types a well-known company the tagger read as a person or a job as an organisation, and nothing else', () => {
    const { labels } = shippedTagger();
    /** A model that reads every word as a one-word entity of `type`. */
    const everyWordA = (type: string) => ({ labels, weights: new Map([['b', labels.map((label) => (label === `B-${type}` ? 100 : 0))]]) });
    const spans = (text: string, type: string) => tagEntities(text, [], everyWordA(type)).map((s) => [s.type, s.text]);
    expect(spans('Google Anna Uber', 'PERSON')).toEqual([['ORGANIZATION', 'Google'], ['PERSON', 'Anna'], ['ORGANIZATION', 'Uber']]);
    expect(spans('Netflix Teacher', 'TITLE')).toEqual([['ORGANIZATION', 'Netflix'], ['TITLE', 'Teacher']]);
    // (A lone organisation word read as a place is an organisation too: pii-diary-rules.test.ts.)
    expect(spans('Google', 'DATE_TIME')).toEqual([['DATE_TIME', 'Google']]);
  });
});

describe('the gazetteer class of people by what they do', () => {
  it("gives compromise's job and role nouns a class of their own, apart from names and ordinary words", () => {
    const lexicon = gazetteer();
    expect(['teacher', 'accountant', 'therapist', 'sarah', 'google', 'chair'].map((w) => lexicon.get(w))).toEqual(['actor', 'actor', 'actor', 'first', 'org', 'word']);
  });

  it('never reports a lone job noun as a name, place or organisation', () => {
    const { labels } = shippedTagger();
    const bias = labels.map((label) => (label === 'B-PERSON' ? 100 : 0));
    const everyWordAName = { labels, weights: new Map([['b', bias]]) };
    expect(tagEntities('Teacher Anna Chair Zyxwquo', [], everyWordAName).map((s) => s.text)).toEqual(['Anna', 'Zyxwquo']);
  });
});
