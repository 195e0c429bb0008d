import { describe, expect, it } from 'vitest';
import { detectPII, detectPIIWith } from '../../../src/security/pii/detect-pii.js';
import { shippedTagger } from '../../../src/security/pii/tagger.js';
import { findPatternSpans } from '../../../src/security/pii/patterns.js';
import { tokenInfos } from '../../../src/security/pii/tagger-features.js';
import { layoutOf, lineHeads } from '../../../src/security/pii/tagger-layout.js';
import { decode, deserializeTagger, serializeTagger, type TaggerModel } from '../../../src/security/pii/tagger-model.js';
import { nextState, START, tagFeatures, type TagContext } from '../../../src/security/pii/tagger-state.js';
import { tokenize } from '../../../src/security/pii/tokenize.js';

describe('the tagger layout', () => {
  it('finds lines, a header before its colon, and the cue words of the text', () => {
    const text = 'Name: Anna\nBilling address:\n12 Elm Street\nwhere we meet';
    const tokens = tokenize(text);
    const layout = layoutOf(tokens, tokenInfos(tokens));
    expect(layout.lines.map((l) => l.header)).toEqual(['name', 'address', '', '']);
    expect(layout.lines.map((l) => l.length)).toEqual([3, 3, 3, 3]);
    expect(layout.line[tokens.findIndex((t) => t.text === 'Elm')]).toBe(2);
    expect(layout.cues).toEqual(['address', 'billing', 'meet', 'name', 'street', 'where']);
  });
});

describe('the heads of lines', () => {
  it('are the first token with a letter or digit on each line, after any quoting prefix', () => {
    const tokens = tokenize('> Carly Jones\n??? Topcoder\n>\n, CO 80202');
    const heads = lineHeads(tokens).flatMap((h, i) => (h ? [tokens[i]!.text] : []));
    expect(heads).toEqual(['Carly', 'Topcoder', 'CO']);
  });

  it('carry the previous line labels past a prefix', () => {
    const text = '> Carly Jones\n> Topcoder';
    const tokens = tokenize(text);
    const infos = tokenInfos(tokens);
    const ctx: TagContext = { words: infos.map((t) => t.lower), shapes: infos.map((t) => t.shape), newline: tokens.map((t) => t.gap === '\n'), cues: [], head: lineHeads(tokens) };
    let s = START;
    ['O', 'B-PERSON', 'I-PERSON', 'O'].forEach((label, i) => (s = nextState(ctx, s, label, i)));
    expect(s.lineLabel).toBe('B-PERSON');
    expect(tagFeatures(ctx, s, 4)).toEqual(expect.arrayContaining([`pl=B-PERSON|${infos[4]!.shape}`]));
  });
});

describe('the tag state', () => {
  const words = ['12', 'elm', 'street', 'portland'];
  const ctx: TagContext = { words, shapes: ['d2', 'Xx', 'Xx', 'Xx'], newline: [false, false, false, true], cues: [] };

  it('remembers a place split into adjacent pieces and a place continued over a line break', () => {
    let s = START;
    ['B-ZIP_CODE', 'B-STREET_ADDRESS', 'I-STREET_ADDRESS'].forEach((label, i) => (s = nextState(ctx, s, label, i)));
    expect(s.split).toBe(true);
    expect(s.multiline).toBe(false);
    expect(s.entityStart).toBe(1);
    s = nextState(ctx, s, 'I-STREET_ADDRESS', 3);
    expect(s.multiline).toBe(true);
    expect(s.lineLabel).toBe('I-STREET_ADDRESS');
    expect(s.prevLineLabel).toBe('B-ZIP_CODE');
  });

  it('gives the words before the current entity as features of the next token', () => {
    let s = START;
    ['O', 'B-STREET_ADDRESS'].forEach((label, i) => (s = nextState(ctx, s, label, i)));
    expect(tagFeatures(ctx, s, 2)).toEqual(expect.arrayContaining(['t-1=B-STREET_ADDRESS', 'ec=<s>|12|STREET_ADDRESS', 'el=1|STREET_ADDRESS']));
  });
});

describe('beam decoding', () => {
  // Greedy takes B-PERSON for "a" (1.0 > 0.9) and is then stuck; the O O tagging scores 0.9 + 5.
  const model: TaggerModel = {
    labels: ['O', 'B-PERSON', 'I-PERSON'],
    weights: new Map([['w=a', [0.9, 1, 0]], ['t-1=O', [5, 0, 0]]]),
  };
  const tokens = tokenize('a b');

  it('keeps a locally worse tagging that scores better over the whole text', () => {
    expect(decode(model, tokens, ['', ''], 1)).toEqual(['B-PERSON', 'O']);
    expect(decode(model, tokens, ['', ''], 2)).toEqual(['O', 'O']);
  });

  it('stores the beam width with the weights and tags with it by default', () => {
    const back = deserializeTagger(serializeTagger({ ...model, beam: 2 }, 'test', 0));
    expect(back.beam).toBe(2);
    expect(decode(back, tokens, ['', ''])).toEqual(['O', 'O']);
    expect(deserializeTagger(serializeTagger(model, 'test', 0)).beam).toBeUndefined();
  });
});

describe('labelled phone numbers', () => {
  it('keeps the whole number when a label sits before or after it', () => {
    const labelled = (text: string): string[] => findPatternSpans(text).filter((s) => s.source === 'regex:phone-labelled').map((s) => s.text);
    expect(labelled('Phone:\n(71) 4233-6306\n')).toEqual(['(71) 4233-6306']);
    expect(labelled('Desk: +447700 921 916\nFax: 345-899-3560x4587')).toEqual(['+447700 921 916', '345-899-3560x4587']);
    expect(labelled('South Africa 89082\n085 175 7641-Office')).toEqual(['085 175 7641']);
    expect(labelled('can you call me on 9472 7916? thanks')).toEqual(['9472 7916']);
    expect(labelled('we planted 9472 7916 seeds in 2019-03-04')).toEqual([]);
    // A North American number's "1" before its area code is the number's (2026-11-22, twelfth session).
    expect(labelled('Call 1-800-555-0199 for support')).toEqual(['1-800-555-0199']);
    expect(labelled('call me at 1 (415) 555-2671')).toEqual(['1 (415) 555-2671']);
    expect(findPatternSpans('Call 1-800-555-0199 for support or ring 1 415 555 2671').filter((s) => s.source === 'regex:phone').map((s) => s.text)).toEqual(['1-800-555-0199', '1 415 555 2671']);
    expect(findPatternSpans('We were 1 800 people, then 1-800-FLOWERS').filter((s) => s.type === 'PHONE')).toEqual([]);
  });

  it('reads a group of six digits as part of a number ("+44 7700 900123", "07700 900123"), eight after a country code', () => {
    const phones = (text: string): string[] => findPatternSpans(text).filter((s) => s.source === 'regex:phone').map((s) => s.text);
    expect(phones('Emily texted from +44 7700 900123.')).toEqual(['+44 7700 900123']);
    expect(phones('ring me on 07700 900123')).toEqual(['07700 900123']);
    expect(phones('serial 1234 5678901')).toEqual([]);
    // After a country code, a group of seven or eight digits (German, Indian mobiles); without one, still no number.
    expect(phones("Her number's +49 151 23456789")).toEqual(['+49 151 23456789']);
    expect(phones('Office +49 30 1234567.')).toEqual(['+49 30 1234567']);
    expect(phones('ticket 2231 84736251')).toEqual([]);
  });

  it('keeps a number in international format whole where the tagger read something else from its digits', () => {
    const { labels } = shippedTagger();
    // Every token a one-token date: the tagger's reading of "7700" inside the number.
    const dates = { labels, weights: new Map([['b', labels.map((label) => (label === 'B-DATE_TIME' ? 100 : 0))]]) };
    const spans = detectPIIWith('Emily texted from +44 7700 900123.', {}, dates).filter((s) => /\d/.test(s.text));
    expect(spans.map((s) => [s.type, s.text])).toEqual([['PHONE', '+44 7700 900123']]);
    // Without the international prefix the tagger's reading stands.
    expect(detectPIIWith('Emily texted from 7700 900123.', {}, dates).map((s) => s.type)).not.toContain('PHONE');
  });

  it('reads "a text from", "a call from" and "my (new) number is" as labels, and no other number', () => {
    const labelled = (text: string): string[] => findPatternSpans(text).filter((s) => s.source === 'regex:phone-labelled').map((s) => s.text);
    expect(labelled('Got a text from +44 7700 900123, no idea who.')).toEqual(['+44 7700 900123']);
    expect(labelled('a missed call from 0612345678 at midnight')).toEqual(['0612345678']);
    expect(labelled('My number is 07700 900123.')).toEqual(['07700 900123']);
    expect(labelled('her new number: 0612345678')).toEqual(['0612345678']);
    expect(labelled("My driver's license number is 6940579")).toEqual([]);
    expect(labelled('my credit card number is 4152488713445952')).toEqual([]);
    expect(labelled('The order number is 123456789.')).toEqual([]);
    // End to end: the tagger had left the first out and read the second as a postcode.
    expect(detectPII('Got a text from +44 7700 900123, no idea who.').map((s) => [s.type, s.text])).toEqual([['PHONE', '+44 7700 900123']]);
    expect(detectPII('My number is 07700 900123.').map((s) => [s.type, s.text])).toEqual([['PHONE', '07700 900123']]);
  });

  it('reads a one-digit area code after a trunk prefix, "+33 (0)6 …", as part of the number', () => {
    const phones = (text: string): string[] => findPatternSpans(text).filter((s) => s.type === 'PHONE').map((s) => s.text);
    expect(phones('Mobile: +33 (0)6 12 34 56 78')).toContain('+33 (0)6 12 34 56 78');
    expect(phones('416 60 039 office\n+46 (0)8 928 571 38 fax')).toContain('+46 (0)8 928 571 38');
    expect(phones('Call (2) 12 or 7 (3) cats')).toEqual([]);
  });
});
