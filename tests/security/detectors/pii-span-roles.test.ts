import { describe, expect, it } from 'vitest';
import { ruleLexicon } from '../../../src/security/pii/gazetteer.js';
import { jobNoun } from '../../../src/security/pii/span-roles.js';
import { tagEntities } from '../../../src/security/pii/tagger.js';
import { wordModel } from '../../helpers/word-model.js';

/** What the rules after the tagger make of the spans a tagger that knows only `words` (any case) hands them. */
const tagged = (text: string, words: Record<string, string>): [string, string][] =>
  tagEntities(text, [], wordModel(Object.fromEntries(Object.entries(words).map(([w, t]) => [w.toLowerCase(), t])))).map((s) => [s.type, s.text]);

describe('job titles read from their context', () => {
  it('knows job nouns by the lexicon and by their endings, not plurals or ordinary words', () => {
    const lexicon = ruleLexicon();
    for (const word of ['clerk', 'Attendant', 'fumigator', 'Packager', 'echocardiographer', 'engineer', 'librarian', 'songwriter', 'copywriter']) expect(jobNoun(word, lexicon), word).toBe(true);
    for (const word of ['Boys', 'bros', 'restaurant', 'important', 'Paris', 'Diego', 'cafeteria', 'Libertarian', 'typewriter']) expect(jobNoun(word, lexicon), word).toBe(false);
  });
  it('reads a span after "as" that ends with a job noun, or is followed by one, as a TITLE', () => {
    expect(tagged('I used to work there as Fumigator, but quit.', { Fumigator: 'LOCATION' })).toEqual([['TITLE', 'Fumigator']]);
    expect(tagged('I worked for them as Biomedical engineer for years.', { Biomedical: 'PERSON' })).toEqual([['TITLE', 'Biomedical engineer']]);
    // Not after other words, and not a plural.
    expect(tagged('I met Fumigator at work.', { Fumigator: 'PERSON' })).toEqual([['PERSON', 'Fumigator']]);
    expect(tagged('They toured as Trailer Boys all year.', { Trailer: 'ORGANIZATION', Boys: 'ORGANIZATION' })).toEqual([['ORGANIZATION', 'Trailer Boys']]);
  });
  it('reads one job word after "the" as a TITLE, a longer name after "the" as it was', () => {
    expect(tagged('Marie, the Packager, said hello.', { Marie: 'PERSON', Packager: 'ORGANIZATION' })).toEqual([['PERSON', 'Marie'], ['TITLE', 'Packager']]);
    expect(tagged('We used the Device Manager again.', { Device: 'PERSON', Manager: 'PERSON' })).toEqual([['PERSON', 'Device Manager']]);
  });
  it('makes a résumé line under a name that ends with a job noun one TITLE, not a sentence line', () => {
    expect(tagged('Lara Fiorentino\n\nDining room and cafeteria attendant\n\nPersonal Info:', { Lara: 'PERSON', Fiorentino: 'PERSON', cafeteria: 'PERSON' }))
      .toEqual([['PERSON', 'Lara Fiorentino'], ['TITLE', 'Dining room and cafeteria attendant']]);
    // Two of the tagger's spans on that line make one title.
    expect(tagged('Lara Fiorentino\nZumba room and cafeteria attendant', { Lara: 'PERSON', Fiorentino: 'PERSON', Zumba: 'PERSON', cafeteria: 'PERSON' }))
      .toEqual([['PERSON', 'Lara Fiorentino'], ['TITLE', 'Zumba room and cafeteria attendant']]);
    expect(tagged('Cormac Allan\nEchocardiographer\n17 Omers Road', { Cormac: 'PERSON', Allan: 'PERSON', Echocardiographer: 'LOCATION' }))
      .toEqual([['PERSON', 'Cormac Allan'], ['TITLE', 'Echocardiographer']]);
    // A line that is not under a name stays as the tagger read it.
    expect(tagged('Casey is a great person', { Casey: 'PERSON' })).toEqual([['PERSON', 'Casey']]);
  });
  it('finds such a line the tagger left alone, commas and all, and not a line with a number', () => {
    expect(tagged('Karin Beike\nLeasing consultant\nFritz-Armstrong', { Karin: 'PERSON', Beike: 'PERSON' })).toEqual([['PERSON', 'Karin Beike'], ['TITLE', 'Leasing consultant']]);
    expect(tagged('Erik Baader\n\nCourt, municipal, and license clerk\n\nPersonal Info:', { Erik: 'PERSON', Baader: 'PERSON' }))
      .toEqual([['PERSON', 'Erik Baader'], ['TITLE', 'Court, municipal, and license clerk']]);
    expect(tagged('Erik Baader\nFloor 3 clerk', { Erik: 'PERSON', Baader: 'PERSON' })).toEqual([['PERSON', 'Erik Baader']]);
    expect(tagged('Erik Baader\nHead Clerk', { Erik: 'PERSON', Baader: 'PERSON' })).toEqual([['PERSON', 'Erik Baader']]);
    expect(tagged('Erik Baader\nmet the new clerk', { Erik: 'PERSON', Baader: 'PERSON' })).toEqual([['PERSON', 'Erik Baader']]);
  });
  it('finds a capitalised title after "as", up to its job noun, not a name given "as"', () => {
    expect(tagged('I used to work for them as Dairy scientist, but quit.', {})).toEqual([['TITLE', 'Dairy scientist']]);
    expect(tagged('I worked there as Fumigator.', {})).toEqual([['TITLE', 'Fumigator']]);
    expect(tagged('An AI known as Dude, the best one.', {})).toEqual([]);
    expect(tagged('It was referred to as USER, oddly.', {})).toEqual([]);
    // The title ends at its job noun; a capitalised word in capitals is a name ("logged in as USER").
    expect(tagged('I worked as Dairy scientist for years.', {})).toEqual([['TITLE', 'Dairy scientist']]);
    expect(tagged('Logged in as USER, then left.', {})).toEqual([]);
    expect(tagged('I went as Batman to the party.', {})).toEqual([]);
  });
});

describe('places read from the words before them', () => {
  it('reads a person after "originally from", "grew up in", "University of" as a LOCATION', () => {
    expect(tagged("I'm Anna, originally from Eckenroth, and I'm 54.", { Anna: 'PERSON', Eckenroth: 'PERSON' })).toEqual([['PERSON', 'Anna'], ['LOCATION', 'Eckenroth']]);
    expect(tagged('He grew up in Shelly Park.', { Shelly: 'PERSON', Park: 'PERSON' })).toEqual([['LOCATION', 'Shelly Park']]);
    expect(tagged('She studied at the University of Nicosia.', { Nicosia: 'PERSON' })).toEqual([['LOCATION', 'Nicosia']]);
  });
  it('leaves a person after other words, or with a possessive, a person', () => {
    expect(tagged("We moved to Jake's for the weekend.", { Jake: 'PERSON' })).toEqual([['PERSON', 'Jake']]);
    expect(tagged('I heard from Jake today.', { Jake: 'PERSON' })).toEqual([['PERSON', 'Jake']]);
  });
});

describe('organisations read from the people around them', () => {
  it("reads a one-word person owning a full name as an ORGANIZATION, not a given name doing so", () => {
    expect(tagged("We heard from Bridgewater's Parker Suknović today.", { Bridgewater: 'PERSON', Parker: 'PERSON', 'Suknović': 'PERSON' }))
      .toEqual([['ORGANIZATION', 'Bridgewater'], ['PERSON', 'Parker Suknović']]);
    expect(tagged("I borrowed Anna's Mark Twain collection.", { Anna: 'PERSON', Mark: 'PERSON', Twain: 'PERSON' }))
      .toEqual([['PERSON', 'Anna'], ['PERSON', 'Mark Twain']]);
    // A one-word person after it is not a person's employee.
    expect(tagged("Zorbex's Parker said hi.", { Zorbex: 'PERSON', Parker: 'PERSON' })).toEqual([['PERSON', 'Zorbex'], ['PERSON', 'Parker']]);
  });
  it('reads an unknown word after a full name and "of" as an ORGANIZATION, a known name as it was', () => {
    expect(tagged('We met Josef Mališ of Importio there.', { Josef: 'PERSON', 'Mališ': 'PERSON', Importio: 'PERSON' }))
      .toEqual([['PERSON', 'Josef Mališ'], ['ORGANIZATION', 'Importio']]);
    expect(tagged('We met Josef Mališ of Anna there.', { Josef: 'PERSON', 'Mališ': 'PERSON', Anna: 'PERSON' }))
      .toEqual([['PERSON', 'Josef Mališ'], ['PERSON', 'Anna']]);
  });
  it('reads a person before what only a company has, or before a job noun and a full name, as an ORGANIZATION', () => {
    expect(tagged('According to the Costquest website, they pay.', { Costquest: 'PERSON' })).toEqual([['ORGANIZATION', 'Costquest']]);
    expect(tagged('I deleted the Zorbex app again.', { Zorbex: 'PERSON' })).toEqual([['ORGANIZATION', 'Zorbex']]);
    expect(tagged('Zorbex engineer Zoe Young wrote it.', { Zorbex: 'PERSON', Zoe: 'PERSON', Young: 'PERSON' }))
      .toEqual([['ORGANIZATION', 'Zorbex'], ['PERSON', 'Zoe Young']]);
    // Not before other words: a person's things, or a word that is no job.
    expect(tagged('I borrowed the Zorbex book again.', { Zorbex: 'PERSON' })).toEqual([['PERSON', 'Zorbex']]);
    expect(tagged('Zorbex met Zoe Young.', { Zorbex: 'PERSON', Zoe: 'PERSON', Young: 'PERSON' })).toEqual([['PERSON', 'Zorbex'], ['PERSON', 'Zoe Young']]);
  });

  it('takes the partners before a firm read from a job noun and a full name into it, never given names or a plain list', () => {
    const people = { Barnett: 'PERSON', Melton: 'PERSON', Garcia: 'PERSON', Samantha: 'PERSON', Lee: 'PERSON' };
    expect(tagged('Barnett, Melton and Garcia songwriter Samantha Lee employed him.', people))
      .toEqual([['ORGANIZATION', 'Barnett, Melton and Garcia'], ['PERSON', 'Samantha Lee']]);
    // Given names before it stay people; a list with no job and full name after it stays a list of people.
    expect(tagged('Anna, Ben and Acme engineer Jo Lee came over.', { Anna: 'PERSON', Ben: 'PERSON', Acme: 'PERSON', Jo: 'PERSON', Lee: 'PERSON' }))
      .toEqual([['PERSON', 'Anna'], ['PERSON', 'Ben'], ['ORGANIZATION', 'Acme'], ['PERSON', 'Jo Lee']]);
    expect(tagged('Barnett, Melton and Garcia came to dinner.', people)).toEqual([['PERSON', 'Barnett'], ['PERSON', 'Melton'], ['PERSON', 'Garcia']]);
    // One partner before it is no list.
    expect(tagged('Melton and Garcia songwriter Samantha Lee', people)).toEqual([['PERSON', 'Melton'], ['ORGANIZATION', 'Garcia'], ['PERSON', 'Samantha Lee']]);
  });

  it('reads a person said to be a kind of company as an ORGANIZATION, with the word before a leading "And"', () => {
    expect(tagged('Zorbex is a design agency based in Graz.', { Zorbex: 'PERSON' })).toEqual([['ORGANIZATION', 'Zorbex'], ['LOCATION', 'Graz']]);
    expect(tagged('Zorbex is an Irish multinational.', { Zorbex: 'PERSON' })).toEqual([['ORGANIZATION', 'Zorbex']]);
    expect(tagged('Standard And Poors is a design agency.', { And: 'PERSON', Poors: 'PERSON' })).toEqual([['ORGANIZATION', 'Standard And Poors']]);
    expect(tagged('Standard And Poors is a design agency.', { And: 'ORGANIZATION', Poors: 'ORGANIZATION' })).toEqual([['ORGANIZATION', 'Standard And Poors']]);
    // The kind must end the phrase: a person who works for one, or believes firmly, stays a person.
    for (const text of ['Marta is a charity worker.', 'Marta is a design agency owner.', 'Marta is a firm believer in naps.', 'Marta is a company man.']) {
      expect([text, tagged(text, { Marta: 'PERSON' })]).toEqual([text, [['PERSON', 'Marta']]]);
    }
  });
  it('reads a company the tagger called a nationality as an ORGANIZATION', () => {
    expect(tagged('She quoted her Uber resignation letter.', { Uber: 'NRP' })).toEqual([['ORGANIZATION', 'Uber']]);
    expect(tagged('She quoted her German resignation letter.', { German: 'NRP' })).toEqual([['NRP', 'German']]);
  });
});
