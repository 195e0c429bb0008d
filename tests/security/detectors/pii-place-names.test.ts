import { describe, expect, it } from 'vitest';
import { detectPIIWith } from '../../../src/security/pii/detect-pii.js';
import { mergePlaceNames, placeNameSpans } from '../../../src/security/pii/place-names.js';
import { namedAsOrganisation, shippedTagger, tagEntities } from '../../../src/security/pii/tagger.js';
import { tokenize } from '../../../src/security/pii/tokenize.js';
import type { PiiSpan, PiiType } from '../../../src/security/pii/types.js';

const found = (text: string): [string, string][] => placeNameSpans(text).map((s) => [s.type, s.text]);

/** A span of `value` (its first occurrence) in `text`. */
function at(text: string, value: string, type: PiiType, source = 'ner:tagger'): PiiSpan {
  const start = text.indexOf(value);
  return { type, start, end: start + value.length, text: value, confidence: 0.8, source };
}

/** A model that reads every word as a one-word entity of `type` (the search's constraints aside). */
function everyWordA(type: string) {
  const { labels } = shippedTagger();
  return { labels, weights: new Map([['b', labels.map((label) => (label === `B-${type}` ? 100 : 0))]]) };
}

describe('placeNameSpans', () => {
  it('finds places named by their kind before or after the name, and streets without a number', () => {
    const cases: [string, [string, string][]][] = [
      ['Took the kids to Lake Tahoe.', [['LOCATION', 'Lake Tahoe']]],
      ['Climbed Mount Washington, then Mt. Rainier.', [['LOCATION', 'Mount Washington'], ['LOCATION', 'Mt. Rainier']]],
      ['Ran along the Charles River with Emily.', [['LOCATION', 'Charles River']]],
      ['Paddled past Angel Island and into Death Valley.', [['LOCATION', 'Angel Island'], ['LOCATION', 'Death Valley']]],
      ['Met Chen at the cafe on 5th Avenue, then walked down Elm Road.', [['STREET_ADDRESS', '5th Avenue'], ['STREET_ADDRESS', 'Elm Road']]],
      ['Dinner on Maple Drive, the clinic on Harrison St near 16th.', [['STREET_ADDRESS', 'Maple Drive'], ['STREET_ADDRESS', 'Harrison St']]],
      ['Meet me at Union Square at noon.', [['LOCATION', 'Union Square']]],
    ];
    for (const [text, expected] of cases) expect([text, found(text)]).toEqual([text, expected]);
  });

  it('leaves out the words before the name that are no part of it', () => {
    expect(found('The Hudson River was frozen.')).toEqual([['LOCATION', 'Hudson River']]);
    expect(found('31 : 12 Cue The Lonely Island')).toEqual([['LOCATION', 'Lonely Island']]);
    // A sentence's first word goes when it is an ordinary word and another capitalised word is left.
    expect(found('Loved Venice Beach.')).toEqual([['LOCATION', 'Venice Beach']]);
    expect(found('Death Valley is hot.')).toEqual([['LOCATION', 'Death Valley']]);
    expect(found('We drove to Red Rock Canyon.')).toEqual([['LOCATION', 'Red Rock Canyon']]);
    expect(found('We went to Venice Beach. Loved Venice Beach.')).toEqual([['LOCATION', 'Venice Beach'], ['LOCATION', 'Venice Beach']]);
  });

  it('finds nothing in a generic word alone, a surname that is one, or a longer name', () => {
    for (const text of [
      'The River was wide.', 'the river was wide by the lake', 'I met Ricki Lake and Michael Bay.', 'Jenny Park called.',
      'Maybe Shadow Creek Ranch next time.', 'Applied to Lake Forest College.', 'Stayed at the Venice Beach Hotel.',
    ]) expect([text, found(text)]).toEqual([text, []]);
  });
});

describe('mergePlaceNames', () => {
  const text = 'Ran along the Charles River with Emily to Lake Forest College and Venice Beach, CA.';
  const places = [at(text, 'Charles River', 'LOCATION', 'rule:place-name'), at(text, 'Venice Beach', 'LOCATION', 'rule:place-name')];

  it('replaces the people, organisations and titles the tagger read from a place name', () => {
    const tagged = [at(text, 'Charles', 'PERSON'), at(text, 'River', 'TITLE'), at(text, 'Emily', 'PERSON')];
    expect(mergePlaceNames(tagged, places.slice(0, 1)).map((s) => [s.type, s.text])).toEqual([['PERSON', 'Emily'], ['LOCATION', 'Charles River']]);
  });

  it("keeps the tagger's place and an organisation that goes on past the place name", () => {
    const tagged = [at(text, 'Venice Beach, CA', 'LOCATION'), at(text, 'Charles River with', 'ORGANIZATION')];
    expect(mergePlaceNames(tagged, places)).toEqual(tagged);
    const inside = [at(text, 'Charles', 'LOCATION')];
    expect(mergePlaceNames(inside, places.slice(0, 1))).toEqual(inside);
  });

  it('adds a place name where the tagger found nothing, the longer of two overlapping ones', () => {
    const shorter = at(text, 'Charles Riv', 'LOCATION', 'rule:place-name');
    expect(mergePlaceNames([], [shorter, ...places]).map((s) => s.text)).toEqual(['Charles River', 'Venice Beach']);
  });

  it('is part of detectPII: a place name wins over the words the tagger read as people', () => {
    const spans = detectPIIWith('Ran along the Charles River with Emily.', {}, everyWordA('PERSON'));
    expect(spans.map((s) => [s.type, s.text, s.source])).toEqual([['LOCATION', 'Charles River', 'rule:place-name'], ['PERSON', 'Emily', 'ner:tagger']]);
    expect(detectPIIWith('Ran along the Charles River with Emily.', { ner: false }, everyWordA('PERSON'))).toEqual([]);
  });
});

describe('names the tagger reads as people but are not', () => {
  it('reads a person span ending in an organisation or institution word as an organisation', () => {
    const cases: [string, boolean][] = [
      ['Rand Corporation', true], ['Russell Investments', true], ['Lake Forest College', true], ['Lincoln Elementary', true], ['Buffalo Municipal Airport', true],
      ['Corporation', false], ['Anna Berg', false], ['Jean Co', false], ['Paris SA', false],
    ];
    for (const [span, expected] of cases) expect([span, namedAsOrganisation(tokenize(span))]).toEqual([span, expected]);
    const { labels } = shippedTagger();
    // Every word a person, each one after the first inside the same span.
    const runOn = { labels, weights: new Map([['b', labels.map((label) => (label === 'B-PERSON' ? 50 : label === 'I-PERSON' ? 100 : 0))]]) };
    expect(tagEntities('Rand Corporation', [], runOn).map((s) => [s.type, s.text])).toEqual([['ORGANIZATION', 'Rand Corporation']]);
    expect(tagEntities('Anna Berg', [], runOn).map((s) => [s.type, s.text])).toEqual([['PERSON', 'Anna Berg']]);
  });

  it("gives a name or an organisation the organisation's word right after it", () => {
    const { labels } = shippedTagger();
    const model = (type: string) => ({
      labels,
      weights: new Map<string, number[]>([
        ['b', labels.map((label) => (label === `B-${type}` ? 100 : 0))],
        ['w=associates', labels.map((label) => (label === 'O' ? 1000 : 0))],
      ]),
    });
    const spans = (text: string, type: string) => tagEntities(text, [], model(type)).map((s) => [s.type, s.text]);
    expect(spans('Abt Associates', 'PERSON')).toEqual([['ORGANIZATION', 'Abt Associates']]);
    expect(spans('Abt Associates', 'ORGANIZATION')).toEqual([['ORGANIZATION', 'Abt Associates']]);
    expect(spans('Oslo Associates', 'LOCATION')).toEqual([['LOCATION', 'Oslo']]);
    expect(spans('Abt associates', 'PERSON')).toEqual([['PERSON', 'Abt']]);
  });

  it('types a span that is a known place or organisation name of more than one word by what it is', () => {
    const { labels } = shippedTagger();
    /** Every word of `type`, each one after the first inside the same span. */
    const runOn = (type: string) => ({ labels, weights: new Map([['b', labels.map((label) => (label === `B-${type}` ? 50 : label === `I-${type}` ? 100 : 0))]]) });
    const spans = (text: string, type: string) => tagEntities(text, [], runOn(type)).map((s) => [s.type, s.text]);
    expect(spans('San Francisco', 'PERSON')).toEqual([['LOCATION', 'San Francisco']]);
    expect(spans('Czech Republic', 'NRP')).toEqual([['LOCATION', 'Czech Republic']]);
    expect(spans('Goldman Sachs', 'PERSON')).toEqual([['ORGANIZATION', 'Goldman Sachs']]);
    expect(spans('St. Louis Cardinals', 'LOCATION')).toEqual([['ORGANIZATION', 'St. Louis Cardinals']]);
    expect(spans('Anna Berg', 'PERSON')).toEqual([['PERSON', 'Anna Berg']]);
    // Only the whole span: a known name inside a longer one is left as the tagger read it.
    expect(spans('San Francisco Bakery', 'ORGANIZATION')).toEqual([['ORGANIZATION', 'San Francisco Bakery']]);
    expect(spans('Main Street', 'STREET_ADDRESS')).toEqual([['STREET_ADDRESS', 'Main Street']]);
  });

  it('reads a lone word the lexicon knows as a place and not as a name as a place, never a person or organisation', () => {
    expect(tagEntities('Germany Ukraine Anna Chelsea', [], everyWordA('PERSON')).map((s) => [s.type, s.text]))
      .toEqual([['LOCATION', 'Germany'], ['LOCATION', 'Ukraine'], ['PERSON', 'Anna'], ['PERSON', 'Chelsea']]);
    expect(tagEntities('Germany Singapore Anna', [], everyWordA('ORGANIZATION')).map((s) => [s.type, s.text]))
      .toEqual([['LOCATION', 'Germany'], ['LOCATION', 'Singapore'], ['ORGANIZATION', 'Anna']]);
    expect(tagEntities('Germany', [], everyWordA('TITLE')).map((s) => s.type)).toEqual(['TITLE']);
  });

  it('reads a lone nationality, religion or party word as NRP, never as a name ("Christian" is a name too)', () => {
    for (const type of ['PERSON', 'LOCATION', 'ORGANIZATION']) {
      expect(tagEntities('Jewish Anna Muslims Republican', [], everyWordA(type)).map((s) => [s.type, s.text]))
        .toEqual([['NRP', 'Jewish'], [type, 'Anna'], ['NRP', 'Muslims'], ['NRP', 'Republican']]);
    }
    expect(tagEntities('Christian jewish', [], everyWordA('PERSON')).map((s) => s.type)).not.toContain('NRP');
  });

  it("leaves a sentence's past-tense verb out of a person's name, and a name that ends in -ed in it", () => {
    const { labels } = shippedTagger();
    // Every word a person, each one after the first inside the same span (the search ends a name at a sentence).
    const runOn = { labels, weights: new Map([['b', labels.map((label) => (label === 'B-PERSON' ? 50 : label === 'I-PERSON' ? 100 : 0))]]) };
    const names = (text: string) => tagEntities(text, [], runOn).map((s) => s.text);
    expect(names('Walked Biscuit')).toEqual(['Biscuit']);
    expect(names('Hugged Sarah Lee')).toEqual(['Sarah Lee']);
    expect(names('Alfred Hitchcock')).toEqual(['Alfred Hitchcock']);
    expect(names('Mohamed Salah')).toEqual(['Mohamed Salah']);
    // Not at a sentence's start ("with" read as O): the name as the tagger read it.
    const withO = { labels, weights: new Map<string, number[]>([...runOn.weights, ['w=with', labels.map((label) => (label === 'O' ? 1000 : 0))]]) };
    expect(tagEntities('with Walked Biscuit', [], withO).map((s) => s.text)).toEqual(['Walked Biscuit']);
    expect(tagEntities('with. Walked Biscuit', [], withO).map((s) => s.text)).toEqual(['Biscuit']);
  });

  it('never reports a holiday as a name, place or organisation', () => {
    const { labels } = shippedTagger();
    const runOn = { labels, weights: new Map([['b', labels.map((label) => (label === 'B-PERSON' ? 50 : label === 'I-PERSON' ? 100 : 0))]]) };
    for (const text of ['Christmas', 'Christmas Eve', "New Year's Eve", 'Mothers Day', 'Yom Kippur']) {
      expect([text, tagEntities(text, [], runOn).map((s) => s.text)]).toEqual([text, []]);
    }
    expect(tagEntities('Christmas Production', [], runOn).map((s) => s.text)).toEqual(['Christmas Production']);
  });

  it('never reports a lone month or weekday as a name, place or organisation, "March" included', () => {
    const text = 'March Anna Friday Zyxwquo';
    for (const type of ['PERSON', 'LOCATION', 'ORGANIZATION']) {
      expect(tagEntities(text, [], everyWordA(type)).map((s) => s.text)).toEqual(['Anna', 'Zyxwquo']);
    }
  });
});
