import { describe, expect, it } from 'vitest';
import { readFirmLists } from '../../../src/security/pii/firm-lists.js';
import { ampersandNames, everydayFirms } from '../../../src/security/pii/firm-phrases.js';
import { ruleLexicon } from '../../../src/security/pii/gazetteer.js';
import { letterLines } from '../../../src/security/pii/letter-lines.js';
import type { PiiSpan, PiiType } from '../../../src/security/pii/types.js';

/**
 * Spans as a tagger might have read them: each [type, text] at its first occurrence from where the previous one
 * ended.
 */
function read(text: string, parts: [PiiType, string][]): PiiSpan[] {
  let from = 0;
  return parts.map(([type, value]) => {
    const start = text.indexOf(value, from);
    if (start === -1) throw new Error(`no "${value}" in the text`);
    from = start + value.length;
    return { type, start, end: from, text: value, confidence: 0.8, source: 'ner:tagger' };
  });
}

const shown = (spans: readonly PiiSpan[]): string[] => spans.map((s) => `${s.type}:${s.text}`);

const lexicon = ruleLexicon();

describe('lists of organisations', () => {
  const lead = "The car makers of the band's home city Tula: ";

  it('splits a list the tagger read as one organisation', () => {
    const text = `${lead}Ranku, Biovia and Miller Ltd.. They`;
    expect(shown(readFirmLists(text, read(text, [['LOCATION', 'Tula'], ['ORGANIZATION', 'Ranku, Biovia and Miller Ltd.']]), lexicon)))
      .toEqual(['LOCATION:Tula', 'ORGANIZATION:Ranku', 'ORGANIZATION:Biovia', 'ORGANIZATION:Miller Ltd.']);
  });

  it('splits single words at their commas where the tagger did not read the last two as one', () => {
    const text = 'I applied to Google, Stripe and Monzo.';
    const spans = read(text, [['ORGANIZATION', 'Google, Stripe'], ['ORGANIZATION', 'Monzo']]);
    expect(shown(readFirmLists(text, spans, lexicon))).toEqual(['ORGANIZATION:Google', 'ORGANIZATION:Stripe', 'ORGANIZATION:Monzo']);
  });

  it('joins a firm named by its partners where the list has a second "and", taking in a partner no span covered', () => {
    const text = `${lead}Ezxbrl, Henderson, Hicks and Brown and Abt Associates. They`;
    const spans = read(text, [['ORGANIZATION', 'Ezxbrl'], ['ORGANIZATION', 'Henderson'], ['ORGANIZATION', 'Hicks'], ['ORGANIZATION', 'Abt Associates']]);
    expect(shown(readFirmLists(text, spans, lexicon))).toEqual(['ORGANIZATION:Ezxbrl', 'ORGANIZATION:Henderson, Hicks and Brown', 'ORGANIZATION:Abt Associates']);
    const first = `${lead}White, Willis and Hoffman, Lucid and Loveland Technologies. They`;
    const firstSpans = read(first, [['ORGANIZATION', 'Willis'], ['ORGANIZATION', 'Hoffman, Lucid and Loveland Technologies']]);
    expect(shown(readFirmLists(first, firstSpans, lexicon))).toEqual(['ORGANIZATION:White, Willis and Hoffman', 'ORGANIZATION:Lucid', 'ORGANIZATION:Loveland Technologies']);
  });

  it('leaves alone two names with "and", single words with one "and", a firm of more than single words, and lists that take in other types', () => {
    for (const [text, parts] of [
      ['She sold it to University Seafood and Poultry last year.', [['ORGANIZATION', 'University Seafood and Poultry']]],
      ['I worked at Ernst and Young LLP.', [['ORGANIZATION', 'Ernst and Young LLP']]],
      ['The Clark, Romero and Hall Orchestra played.', [['ORGANIZATION', 'Clark, Romero and Hall']]],
      ['Deals with Acme, Initech and Hooli fell through.', [['ORGANIZATION', 'Acme'], ['ORGANIZATION', 'Initech'], ['ORGANIZATION', 'Hooli']]],
      ['Our founders: Rudi, Jackson and Campos Labs.', [['PERSON', 'Rudi'], ['PERSON', 'Jackson'], ['ORGANIZATION', 'Campos Labs']]],
      ['Acme Corp, Initech and Hooli and Sons and me.', [['ORGANIZATION', 'Acme Corp'], ['ORGANIZATION', 'Initech'], ['ORGANIZATION', 'Hooli and Sons']]],
      ['From Acme, Dunder Mifflin and Hooli and Vance Refrigeration.', [['ORGANIZATION', 'Acme, Dunder Mifflin and Hooli and Vance Refrigeration']]],
      ['Albin , Haines and Burrow Ltd', [['ORGANIZATION', 'Albin , Haines and Burrow Ltd']]],
    ] as [string, [PiiType, string][]][]) {
      const spans = read(text, parts);
      expect(readFirmLists(text, spans, lexicon), text).toEqual(spans);
    }
  });

  it('takes in a word no span covered among organisations, unless it is a function word, a relation or an ordinary word', () => {
    const text = 'Offers from Google, Meta and Amazon, but Mum said no.';
    const spans = read(text, [['ORGANIZATION', 'Google'], ['ORGANIZATION', 'Meta']]);
    expect(shown(readFirmLists(text, spans, lexicon))).toEqual(['ORGANIZATION:Google', 'ORGANIZATION:Meta', 'ORGANIZATION:Amazon']);
    for (const other of ['Offers from Google, Meta and I said no.', 'Offers from Google, Meta and Mum said no.', 'Offers from Google, Meta and Then nothing.']) {
      const otherSpans = read(other, [['ORGANIZATION', 'Google'], ['ORGANIZATION', 'Meta']]);
      expect(readFirmLists(other, otherSpans, lexicon), other).toEqual(otherSpans);
    }
  });

  it('keeps a legal form after a comma and "and Sons" inside their firm', () => {
    const text = 'Bids came from Acme, Inc., Dunder Mifflin, Hooli and Sons and Vance Refrigeration.';
    const spans = read(text, [['ORGANIZATION', 'Acme, Inc., Dunder Mifflin, Hooli and Sons and Vance Refrigeration']]);
    // "Hooli and Sons" is one item, so the list has one "and" besides and reads as four organisations.
    expect(shown(readFirmLists(text, spans, lexicon))).toEqual(['ORGANIZATION:Acme, Inc.', 'ORGANIZATION:Dunder Mifflin', 'ORGANIZATION:Hooli and Sons', 'ORGANIZATION:Vance Refrigeration']);
  });
});

describe('organisations read from the lines of a signature or letterhead', () => {
  it('reads the line under a name and a job title as the company', () => {
    const text = 'Karin M. Beike\nLeasing consultant\nFritz-Armstrong\nul. Miła 53';
    const spans = read(text, [['PERSON', 'Karin M. Beike'], ['TITLE', 'Leasing consultant'], ['PERSON', 'Fritz-Armstrong'], ['LOCATION', 'ul. Miła 53']]);
    expect(shown(letterLines(text, spans, lexicon))).toEqual(['PERSON:Karin M. Beike', 'TITLE:Leasing consultant', 'ORGANIZATION:Fritz-Armstrong', 'LOCATION:ul. Miła 53']);
  });

  it('reads a one-word line opening a postal block as a company unless the word is a given name', () => {
    const text = 'Dataweave\n\nFuglie 41 Popović Dam\nSuite 860';
    const spans = read(text, [['PERSON', 'Dataweave'], ['LOCATION', 'Fuglie 41 Popović Dam\nSuite 860']]);
    expect(shown(letterLines(text, spans, lexicon))).toEqual(['ORGANIZATION:Dataweave', 'LOCATION:Fuglie 41 Popović Dam\nSuite 860']);
    const person = 'Sarah\n\n12 Elm Street';
    const personSpans = read(person, [['PERSON', 'Sarah'], ['STREET_ADDRESS', '12 Elm Street']]);
    expect(letterLines(person, personSpans, lexicon)).toEqual(personSpans);
    const inProse = 'Dataweave\nwrote back. 12 Elm Street';
    const proseSpans = read(inProse, [['PERSON', 'Dataweave'], ['STREET_ADDRESS', '12 Elm Street']]);
    expect(letterLines(inProse, proseSpans, lexicon)).toEqual(proseSpans);
  });

  it('joins a line of three partners into one firm when the tagger read one of them as an organisation', () => {
    const text = 'Owens, Duran and Oneal\n\n12521 Belgrád rkp. 18.';
    const spans = read(text, [['PERSON', 'Owens'], ['ORGANIZATION', 'Duran'], ['ORGANIZATION', 'Oneal'], ['LOCATION', '12521 Belgrád rkp. 18.']]);
    expect(shown(letterLines(text, spans, lexicon))).toEqual(['ORGANIZATION:Owens, Duran and Oneal', 'LOCATION:12521 Belgrád rkp. 18.']);
    const people = 'Tom, Ana and Leo\nwent home';
    const peopleSpans = read(people, [['PERSON', 'Tom'], ['PERSON', 'Ana'], ['PERSON', 'Leo']]);
    expect(letterLines(people, peopleSpans, lexicon)).toEqual(peopleSpans);
  });
});

describe('everyday firms named by two words or more', () => {
  it('reads the firm whole, replacing what the tagger read inside it, at any word of a run of capitalised words', () => {
    const text = "We shopped at Tesco, Sainsbury's and Marks and Spencer, then Pret a Manger.";
    const spans = read(text, [['ORGANIZATION', 'Tesco'], ['PERSON', 'Sainsbury'], ['PERSON', 'Spencer']]);
    expect(shown(everydayFirms(text, spans))).toEqual(['ORGANIZATION:Tesco', 'PERSON:Sainsbury', 'ORGANIZATION:Marks and Spencer', 'ORGANIZATION:Pret a Manger']);
    const retyped = 'Had lunch at Whole Foods with Priya.';
    expect(shown(everydayFirms(retyped, read(retyped, [['PERSON', 'Whole Foods'], ['PERSON', 'Priya']])))).toEqual(['ORGANIZATION:Whole Foods', 'PERSON:Priya']);
  });

  it('leaves the words in lower case, inside a longer span or name, and under a span of another kind', () => {
    for (const [text, parts] of [
      ['eat whole foods, not processed ones', []],
      ['Whole Foods Market on 5th was packed.', [['ORGANIZATION', 'Whole Foods Market']]],
      ['Met Anna Burger King yesterday.', [['PERSON', 'Anna Burger King']]],
      ['Visit https://Burger King.example', [['URL', 'https://Burger King.example']]],
    ] as [string, [PiiType, string][]][]) {
      const spans = read(text, parts);
      expect(everydayFirms(text, spans), text).toEqual(spans);
    }
  });
});

describe('names joined by an ampersand', () => {
  it('reads firms by their initials and two names joined with no space as organisations', () => {
    const text = 'Popped into M&S, jeans at H&M, a trim at Toni&Guy; AT&T called.';
    expect(shown(ampersandNames(text, read(text, [['PERSON', 'Toni']]), lexicon))).toEqual(['ORGANIZATION:M&S', 'ORGANIZATION:H&M', 'ORGANIZATION:Toni&Guy', 'ORGANIZATION:AT&T']);
  });

  it("widens a name's span over an ampersand and a name no span covers", () => {
    const text = 'Drinks with Sam & Priyanka later.';
    expect(shown(ampersandNames(text, read(text, [['PERSON', 'Sam']]), lexicon))).toEqual(['PERSON:Sam & Priyanka']);
  });

  it('leaves other initials, relations, ordinary words and covered names alone', () => {
    for (const [text, parts] of [
      ['Q&A at work, then R&B night at a B&B; a G&T after.', []],
      ['Mum & Dad came over, then Mum&Dad left.', []],
      ['The Moonchaser Article & Review is out.', [['PERSON', 'Moonchaser Article']]],
      ['Sarah & Tom came.', [['PERSON', 'Sarah'], ['PERSON', 'Tom']]],
    ] as [string, [PiiType, string][]][]) {
      const spans = read(text, parts);
      expect(ampersandNames(text, spans, lexicon), text).toEqual(spans);
    }
  });
});
