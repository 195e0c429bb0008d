import { describe, expect, it } from 'vitest';
import { buildingNumbers, fullPostalAddresses } from '../../../src/security/pii/address-block.js';
import { detectPII, detectPIIWith } from '../../../src/security/pii/detect-pii.js';
import { englishWords } from '../../../src/security/pii/english-words.js';
import { gazetteer, ruleLexicon } from '../../../src/security/pii/gazetteer.js';
import { obfuscate } from '../../../src/security/pii/obfuscate.js';
import { mergePlaceNames, placeNameSpans, placeParticleTails } from '../../../src/security/pii/place-names.js';
import { Pseudonymizer } from '../../../src/security/pii/pseudonymizer.js';
import { ruleFeatureSpans, ruleSpans, tagEntities } from '../../../src/security/pii/tagger.js';
import { tidyEdges } from '../../../src/security/pii/tidy-edges.js';
import { townNames } from '../../../src/security/pii/towns.js';
import type { PiiSpan } from '../../../src/security/pii/types.js';
import { wordModel } from '../../helpers/word-model.js';

const typed = (spans: readonly PiiSpan[]): [string, string][] => spans.map((s) => [s.type, s.text]);
/** A tagger that reads nothing. */
const none = wordModel({});
/** What detectPII finds with a tagger that reads nothing: the rules alone, fallbacks included. */
const rulesAlone = (text: string): [string, string][] => typed(detectPIIWith(text, {}, none));
const tagged = (text: string, words: Record<string, string>): [string, string][] => typed(tagEntities(text, [], wordModel(words)));
/** The types of the rule hits the tagger sees as features in `text` (patterns it was trained without are none). */
const featureTypes = (text: string): string[] => ruleFeatureSpans(text, ruleSpans(text)).map((s) => s.type);

describe('PII rules for diary text (2026-11-22, fifth session)', () => {
  it('finds a social handle with its at sign, not an email, "worked @home" or a lone at sign', () => {
    const handles = (text: string) => detectPII(text, { ner: false }).filter((s) => s.type === 'USERNAME').map((s) => s.text);
    expect(handles('Follow me on Instagram @sunny.days.92.')).toEqual(['@sunny.days.92']);
    expect(handles("DM'd @jo_bloggs, then @Sam_Lee")).toEqual(['@jo_bloggs', '@Sam_Lee']);
    // A hyphen inside a handle (Venmo's), not one after it.
    expect(handles('Paid Jamie back via Venmo @jamie-w, then @jo- ok')).toEqual(['@jamie-w', '@jo']);
    for (const text of ['Emailed priya.k@outlook.com', 'I worked @home today', 'meet @ 5pm', 'costs 3 @ £2', '@2020 was rough']) {
      expect([text, handles(text)]).toEqual([text, []]);
    }
    const text = 'Ask @jo_bloggs and @jo_bloggs again.';
    expect(obfuscate(text, detectPII(text), 'pseudonym', new Pseudonymizer())).toBe('Ask @user1 and @user1 again.');
    // The tagger does not see handles (it was trained without them).
    expect(featureTypes(text)).not.toContain('USERNAME');
  });

  it('finds a user name after its label and "is" or a colon, or after "logged in as", never an ordinary word', () => {
    const names = (text: string) => detectPII(text, { ner: false }).filter((s) => s.type === 'USERNAME').map((s) => s.text);
    for (const [text, name] of [
      ['Logged in as jdoe_1987 on the forum', 'jdoe_1987'], ['my gamertag is xXSniperXx', 'xXSniperXx'], ['add me on discord: lena#4821', 'lena#4821'],
      ['my reddit is u/throwaway_sad_22', 'u/throwaway_sad_22'], ['my insta is lena.kowal', 'lena.kowal'], ['username: jdoe', 'jdoe'],
      ['My username on the forum is nightowl_1988', 'nightowl_1988'], ['my login for work is kosei88', 'kosei88'],
      ['skype: live:jsmith_1', 'live:jsmith_1'], ['snapchat - kyle.b99', 'kyle.b99'], ['Telegram: nikita_v', 'nikita_v'],
    ] as const) {
      expect([text, names(text)]).toEqual([text, [name]]);
    }
    // Not a word of the lexicon or with an ordinary ending, an account that is no one's, a label that is a verb without
    // "is" or a colon, nor a value of two characters.
    for (const text of ['my insta is private', 'logged in as admin', 'my username is the same', 'your username is absolutely horrible', "I can't handle Mondays", "can't handle Oluwaseun today", 'Steam is down', 'login: jd', 'insta - private', "I can't handle - it", 'skype: live']) {
      expect([text, names(text)]).toEqual([text, []]);
    }
    // The tagger does not see it (it was trained without it).
    const text = 'my username is jdoe_1987';
    expect(featureTypes(text)).not.toContain('USERNAME');
  });

  it('finds short secrets, identifiers and birthdays said in a diary after their labels, which the tagger does not see', () => {
    const found = (text: string) => detectPII(text, { ner: false }).filter((s) => ['SECRET', 'ID_NUMBER', 'DATE_OF_BIRTH'].includes(s.type)).map((s) => [s.type, s.text]);
    for (const [text, type, value] of [
      ['Wifi pw: Gr33nTea!2024', 'SECRET', 'Gr33nTea!2024'], ['My PIN is 4821, ok', 'SECRET', '4821'], ['The alarm code is 7731', 'SECRET', '7731'],
      ['pwd = tr0ub4dor', 'SECRET', 'tr0ub4dor'], ['My Medicare number is 1EG4-TE5-MK73', 'ID_NUMBER', '1EG4-TE5-MK73'],
      ['SIN: 046 454 286', 'ID_NUMBER', '046 454 286'], ['case number: 2024-CV-01873', 'ID_NUMBER', '2024-CV-01873'],
      ["My birthday's on July 4th, 1992", 'DATE_OF_BIRTH', 'July 4th, 1992'], ['bday was 03/07/1958', 'DATE_OF_BIRTH', '03/07/1958'],
      ['I was born in 1987 in Kingston', 'DATE_OF_BIRTH', '1987'], ['Hospital number RJ1 447 218 on the letter', 'ID_NUMBER', 'RJ1 447 218'],
      ['My MRN is 00482915', 'ID_NUMBER', '00482915'], ['Claim reference 778812', 'ID_NUMBER', '778812'],
      ['Wi-Fi at her place, password sunflower88.', 'SECRET', 'sunflower88'], ['new password 48213377!', 'SECRET', '48213377'],
      ['Booking reference: HX7Q2L for the hotel', 'ID_NUMBER', 'HX7Q2L'], ['Confirmation number is 8KD93J.', 'ID_NUMBER', '8KD93J'],
      ['My flight ref is QZ7K2P, seat 14C', 'ID_NUMBER', 'QZ7K2P'], ['PNR: QZ7K2P', 'ID_NUMBER', 'QZ7K2P'], ['reg number: LK68 XYZ', 'ID_NUMBER', 'LK68 XYZ'],
      ['My reg is LK68XYZ.', 'ID_NUMBER', 'LK68XYZ'], ['Case number 2023/CR/0456', 'ID_NUMBER', '2023/CR/0456'],
      ['exp 09/27 cvv 123', 'SECRET', '123'], ['CVC: 0421', 'SECRET', '0421'], ['the security code is 987', 'SECRET', '987'],
      ['BSN 123456782', 'ID_NUMBER', '123456782'], ['Personnummer 19811218-9876', 'ID_NUMBER', '19811218-9876'],
      ['My CPF is 123.456.789-09', 'ID_NUMBER', '123.456.789-09'], ['my Aadhaar card number: 2345-6789-0123', 'ID_NUMBER', '2345-6789-0123'],
      ['PAN ABCDE1234F', 'ID_NUMBER', 'ABCDE1234F'], ['PESEL 44051401359.', 'ID_NUMBER', '44051401359'],
      ['paid it, acc 12345678', 'ID_NUMBER', '12345678'], ["Zoe's birthday is 3rd of May", 'DATE_OF_BIRTH', '3rd of May'], ['my bday is June 12th', 'DATE_OF_BIRTH', 'June 12th'], ['acct no. 0042 1187 99', 'ID_NUMBER', '0042 1187 99'], ['a/c 55779911', 'ID_NUMBER', '55779911'],
    ] as const) {
      expect([text, found(text)]).toEqual([text, [[type, value]]]);
    }
    // A PIN's or code's value is digits; a label needs "is", "was" or a colon; no year to come; the word "wifi" alone is no label.
    // A password right after its label holds a digit and a letter, or six digits.
    for (const text of ['the pin is loose', 'the door code is broken', 'in case 2019 happens again', 'born in 2099', 'pin 4821 on the map', 'the wifi is terrible today', 'my birthday is in July', 'born in Kingston in 1987', 'my password manager is great', 'password reset link', 'password 4821 reset', 'password 2023/24 renewal', 'the hospital is nice', 'I had an acc 2 years ago', 'acc 12345', 'acc 12 345', 'birthday party 12 people', 'her birthday is Friday 12', 'Booking: CONFIRMED', 'Booking reference is ABCDEF', 'the reservation is 4 people', 'registration: 12/05', 'the registration is 2 weeks away', 'ticket is 4', 'the cvv box', 'security code 12345', 'a pan of 2024 eggs', 'Aadhaar is great', 'BSN 12']) {
      expect([text, found(text)]).toEqual([text, []]);
    }
    const text = 'Wifi pw: Gr33nTea!2024, my Medicare number is 1EG4-TE5-MK73, born in 1987';
    expect(featureTypes(text)).toEqual([]);
  });

  it('finds a street address written in lower case after "at", "on", "to", "from" or "address", where the tagger found nothing', () => {
    const streets = (text: string) => detectPII(text).filter((s) => s.type === 'STREET_ADDRESS').map((s) => s.text);
    for (const [text, street] of [
      ['i live at 42 maple street apt 3', '42 maple street apt 3'], ['moved to 7 elm st last week', '7 elm st'],
      ["we're on 12 old mill road", '12 old mill road'], ['address: 221b baker street', '221b baker street'],
    ] as const) {
      expect([text, streets(text)]).toEqual([text, [street]]);
    }
    // Not a distance, a time or a way, nor without its cue; the tagger does not see it.
    for (const text of ['ran 5 miles down the road', 'meet at 3 on the way', 'see you at 3 in the afternoon', '42 maple street']) {
      expect([text, streets(text)]).toEqual([text, []]);
    }
    const text = 'i live at 42 maple street apt 3';
    expect(featureTypes(text)).toEqual([]);
    // It replaces what the tagger read inside it (2026-11-23), not a span of the tagger's that goes beyond it.
    expect(typed(detectPIIWith('moving to 27 kingsley avenue next month', {}, wordModel({ kingsley: 'PERSON', avenue: 'PERSON' })))).toEqual([['STREET_ADDRESS', '27 kingsley avenue']]);
    expect(typed(detectPIIWith('moving to 27 kingsley avenue next month', {}, wordModel({ avenue: 'PERSON', next: 'PERSON' })))).toEqual([['PERSON', 'avenue next']]);
    expect(typed(detectPIIWith('moving to 27 kingsley avenue next month', {}, wordModel({ kingsley: 'PERSON', avenue: 'LOCATION', next: 'LOCATION' })))).toEqual([['PERSON', 'kingsley'], ['LOCATION', 'avenue next']]);
  });

  it('finds a street named the German, Dutch or Romance way, house number and all, replacing what the tagger read inside it', () => {
    const none = wordModel({});
    for (const [text, street] of [
      ['the flat in Kreuzberg, Oranienstraße 45, is tiny', 'Oranienstraße 45'], ['Staying at Keizersgracht 101A this week', 'Keizersgracht 101A'],
      ['our old house on Calle de Alcalá 42', 'Calle de Alcalá 42'], ['Rue des Lilas, Lyon', 'Rue des Lilas'], ['lunch at Via Roma', 'Via Roma'],
      ['Vivo en C/ Mayor 12, 3º B', 'C/ Mayor 12'],
    ] as const) {
      expect([text, typed(detectPIIWith(text, {}, none)).filter(([type]) => type === 'STREET_ADDRESS')]).toEqual([text, [['STREET_ADDRESS', street]]]);
    }
    expect(typed(detectPIIWith('our old house on Calle de Alcalá 42', {}, wordModel({ calle: 'LOCATION', de: 'LOCATION', alcalá: 'LOCATION' })))).toEqual([['STREET_ADDRESS', 'Calle de Alcalá 42']]);
    // Not a word that merely ends like a street's kind, a kind in lower case, nor without a capitalised name after it.
    for (const text of ['Ring 45 times', 'the weg 12', 'via email 12', 'Via the bridge', 'Hallway 12', 'flew via Dubai 12 hours']) {
      expect([text, typed(detectPIIWith(text, {}, none)).filter(([type]) => type === 'STREET_ADDRESS')]).toEqual([text, []]);
    }
    // With the house number first and the kind in lower case (twelfth session); "place" and "via" only with a particle.
    for (const [text, street] of [
      ['Moving to 5 rue des Lilas, 69003 Lyon', '5 rue des Lilas'], ['at 12 avenue Foch, Paris', '12 avenue Foch'], ['We stayed at 8 Via Garibaldi', '8 Via Garibaldi'],
      ['3 bis quai de la Loire', '3 bis quai de la Loire'], ['5 place des Vosges', '5 place des Vosges'], ['8 via della Spiga', '8 via della Spiga'],
    ] as const) {
      expect([text, typed(detectPIIWith(text, {}, none)).filter(([type]) => type === 'STREET_ADDRESS')]).toEqual([text, [['STREET_ADDRESS', street]]]);
    }
    for (const text of ['got 2 via Amazon', 'came 5 place Kicks', '12 Avenue Road', 'sent 3 rue', '2 avenue of trees']) {
      expect([text, detectPIIWith(text, {}, none).filter((s) => s.source === 'regex:street-romance-numbered')]).toEqual([text, []]);
    }
    // The tagger does not see them, nor does a postal block grow from them.
    const text = 'Oranienstraße 45\n10999 Berlin';
    expect(featureTypes(text)).toEqual([]);
  });

  it('finds a link written without "http" or "www" by its path, never a domain alone or an e-mail address', () => {
    const urls = (text: string) => detectPII(text, { ner: false }).filter((s) => s.type === 'URL').map((s) => s.text);
    expect(urls('My PayPal is paypal.me/ellieroberts92.')).toEqual(['paypal.me/ellieroberts92']);
    expect(urls('all my links: linktr.ee/jo_b')).toEqual(['linktr.ee/jo_b']);
    expect(detectPII('mail jo@paypal.me/x now').map((s) => [s.type, s.text])).toEqual([['EMAIL', 'jo@paypal.me']]);
    expect(urls('see https://paypal.me/x')).toEqual(['https://paypal.me/x']);
    expect(urls('a/b testing and 1.5/2 stars')).toEqual([]);
  });

  it('finds a cryptocurrency address by its checksum (Bitcoin) or its form (Ethereum), which the tagger does not see', () => {
    const wallets = (text: string) => detectPII(text).filter((s) => s.type === 'CRYPTO').map((s) => s.text);
    expect(wallets('Sent 0.05 BTC to bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh today')).toEqual(['bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh']);
    expect(wallets('old wallet 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2, eth 0x52908400098527886E0F7030069857D2E4169EE7')).toEqual(['1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', '0x52908400098527886E0F7030069857D2E4169EE7']);
    for (const text of ['bad bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlx', 'bad 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3', 'hash 0x5290840009852788', 'code 1234567890abcdefghijkmnopqrstuv']) {
      expect([text, wallets(text)]).toEqual([text, []]);
    }
    const text = 'to bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh';
    expect(featureTypes(text)).toEqual([]);
  });

  it('finds an e-mail address written out with "at" and "dot" when bracketed or announced, never in plain prose', () => {
    const emails = (text: string) => detectPII(text, { ner: false }).filter((s) => s.type === 'EMAIL').map((s) => s.text);
    expect(emails('Her email is jane dot doe at gmail dot com.')).toEqual(['jane dot doe at gmail dot com']);
    expect(emails('write to jane(at)gmail(dot)com please')).toEqual(['jane(at)gmail(dot)com']);
    expect(emails('Her email is jane.doe at gmail.com')).toEqual(['jane.doe at gmail.com']);
    expect(emails('mail me: bob [at] example [dot] org')).toEqual(['bob [at] example [dot] org']);
    for (const text of ['look at google dot com', 'We met at the dot com party.', 'I emailed the team. jane at gmail dot com replied', 'look at google.com for it']) {
      expect([text, emails(text)]).toEqual([text, []]);
    }
    // The tagger does not see it (it was trained without it).
    const text = 'Her email is jane dot doe at gmail dot com.';
    expect(featureTypes(text)).not.toContain('EMAIL');
  });

  it('reads a saint\'s name as a place, with a building\'s word as an organisation, never a street\'s "St"', () => {
    const found = (text: string) => typed(placeNameSpans(text));
    expect(found("Went to St. Mary's for the scan")).toEqual([['LOCATION', "St. Mary's"]]);
    expect(found('We visited St Ives and Saint Louis')).toEqual([['LOCATION', 'St Ives'], ['LOCATION', 'Saint Louis']]);
    expect(found("Born at St Mary's Hospital")).toEqual([['ORGANIZATION', "St Mary's Hospital"]]);
    for (const text of ['338 17 St Omers Road', 'Mr. St. John called', "then St John's wort again", 'Harrison St Mall']) {
      expect([text, found(text).filter((s) => s[0] !== 'STREET_ADDRESS')]).toEqual([text, []]);
    }
    // It replaces what the tagger read inside it, and gives way to a longer span of the tagger's.
    const text = "Went to St. Mary's for the scan";
    const at = (value: string, type: PiiSpan['type']): PiiSpan => ({ type, start: text.indexOf(value), end: text.indexOf(value) + value.length, text: value, confidence: 0.8, source: 'ner:tagger' });
    expect(typed(mergePlaceNames([at('St.', 'LOCATION'), at('Mary', 'PERSON')], placeNameSpans(text)))).toEqual([['LOCATION', "St. Mary's"]]);
    expect(typed(mergePlaceNames([at("to St. Mary's", 'STREET_ADDRESS')], placeNameSpans(text)))).toEqual([['STREET_ADDRESS', "to St. Mary's"]]);
  });

  it('parts a place read across a route at "via", "to" or "from", and leaves "the corner of X and Y" whole', () => {
    expect(tagged('Flew Tokyo via Heathrow', { tokyo: 'LOCATION', via: 'LOCATION', heathrow: 'LOCATION' })).toEqual([['LOCATION', 'Tokyo'], ['LOCATION', 'Heathrow']]);
    expect(tagged('Drove Leeds to York', { leeds: 'LOCATION', to: 'LOCATION', york: 'LOCATION' })).toEqual([['LOCATION', 'Leeds'], ['LOCATION', 'York']]);
    expect(tagged('at Elm and Oak', { elm: 'LOCATION', and: 'LOCATION', oak: 'LOCATION' })).toEqual([['LOCATION', 'Elm and Oak']]);
    // A part without a capital is no place: the span stays whole.
    expect(tagged('Leeds to there', { leeds: 'LOCATION', to: 'LOCATION', there: 'LOCATION' })).toEqual([['LOCATION', 'Leeds to there']]);
  });

  it('widens a span by the untagged words of a known place or organisation around it', () => {
    expect(tagged('New York was loud', { york: 'LOCATION' })).toEqual([['LOCATION', 'New York']]);
    expect(tagged('Off to Los Angeles', { angeles: 'PERSON' })).toEqual([['LOCATION', 'Los Angeles']]);
    expect(tagged('New Anna was loud', { anna: 'PERSON' })).toEqual([['PERSON', 'Anna']]);
    // Not across a line, and not over a word another span holds.
    expect(tagged('New\nYork', { york: 'LOCATION' })).toEqual([['LOCATION', 'York']]);
    // ("New" alone, an ordinary word, is then dropped as a name.)
    expect(tagged('New York', { new: 'PERSON', york: 'LOCATION' })).toEqual([['LOCATION', 'York']]);
  });

  it('reads a lone word the lexicon knows as an organisation, which the tagger called a place, as an organisation', () => {
    expect(tagged('an offer from Deloitte', { deloitte: 'LOCATION' })).toEqual([['ORGANIZATION', 'Deloitte']]);
    expect(tagged('an offer from Deloitte London', { deloitte: 'LOCATION', london: 'LOCATION' })).toEqual([['LOCATION', 'Deloitte London']]);
    expect(tagged('a trip to Leeds', { leeds: 'LOCATION' })).toEqual([['LOCATION', 'Leeds']]);
  });

  it('reads a one-word person named before a known state or country after a comma as a town', () => {
    expect(tagged('moved to Austin, Texas', { austin: 'PERSON', texas: 'LOCATION' })).toEqual([['LOCATION', 'Austin'], ['LOCATION', 'Texas']]);
    expect(tagged('Anna, Texas', { anna: 'PERSON', texas: 'LOCATION' })).toEqual([['LOCATION', 'Anna'], ['LOCATION', 'Texas']]);
    expect(tagged('Anna and Texas', { anna: 'PERSON', texas: 'LOCATION' })).toEqual([['PERSON', 'Anna'], ['LOCATION', 'Texas']]);
    expect(tagged('Anna Berg, Texas', { anna: 'PERSON', berg: 'PERSON', texas: 'LOCATION' })).toEqual([['PERSON', 'Anna Berg'], ['LOCATION', 'Texas']]);
    expect(tagged('Anna, Zorbland', { anna: 'PERSON', zorbland: 'LOCATION' })).toEqual([['PERSON', 'Anna'], ['LOCATION', 'Zorbland']]);
  });

  it("keeps an O' or D' surname whole, and two given names joined by a hyphen a person's", () => {
    const edges = (text: string, value: string): string => {
      const [start, end] = tidyEdges(text, 'PERSON', text.indexOf(value), text.indexOf(value) + value.length);
      return text.slice(start, end);
    };
    expect(edges("with Liam O'Connor today", 'Liam O')).toBe("Liam O'Connor");
    expect(edges("and O'Connor helped", 'Connor')).toBe("O'Connor");
    expect(edges('Dinner with Marco D’Angelo', 'Angelo')).toBe('D’Angelo');
    expect(edges("Sam's O'Neill", "Sam")).toBe('Sam');
    expect(edges("NGO'Brien", 'Brien')).toBe('Brien');
    expect(edges("Mrs. Fitzgerald-O'Neill", 'Fitzgerald-O')).toBe("Fitzgerald-O'Neill");
    expect(edges("Mrs. Fitzgerald-O'Neill", 'Fitzgerald')).toBe("Fitzgerald-O'Neill");
    expect(tagged("and O'Connor helped", { o: 'LOCATION' })).toEqual([['PERSON', "O'Connor"]]);
    expect(tagged('O Connor', { o: 'LOCATION' })).toEqual([['LOCATION', 'O']]);
    expect(tagged('Sophie-Anne helped', { sophie: 'ORGANIZATION', '-': 'ORGANIZATION', anne: 'ORGANIZATION' })).toEqual([['PERSON', 'Sophie-Anne']]);
    expect(tagged('Fritz-Armstrong helped', { fritz: 'ORGANIZATION', '-': 'ORGANIZATION', armstrong: 'ORGANIZATION' })).toEqual([['ORGANIZATION', 'Fritz-Armstrong']]);
  });

  it('keeps an age after "turns", a relative\'s name, a labelled or British postcode where the tagger found nothing', () => {
    const none = wordModel({});
    const found = (text: string) => typed(detectPIIWith(text, {}, none));
    expect(found('My daughter turns 7 next week')).toEqual([['AGE', '7']]);
    expect(found('Tutoring a boy, age 9, on Tuesdays')).toEqual([['AGE', '9']]);
    expect(found('The dial turns 90 degrees')).toEqual([]);
    expect(found('A call with Aunt Lily and Grandma Rose-Marie')).toEqual([['PERSON', 'Lily'], ['PERSON', 'Rose-Marie']]);
    expect(found('Our postcode is SW1A 1AA, the letters')).toEqual([['ZIP_CODE', 'SW1A 1AA']]);
    expect(found('Now at CB2 1TN')).toEqual([['ZIP_CODE', 'CB2 1TN']]);
    expect(found('that zip code is like right by work')).toEqual([]);
    expect(found('My zip code is 94110')).toEqual([['ZIP_CODE', '94110']]);
    // A place the tagger read that ends inside a postcode is widened to its end.
    expect(typed(detectPIIWith('Send it to London NW1 6XE please', {}, wordModel({ london: 'LOCATION', nw: 'LOCATION' })))).toEqual([['LOCATION', 'London NW1 6XE']]);
    // The tagger's own span wins, except inside a British postcode, and a labelled value must look like a code.
    expect(typed(detectPIIWith('Aunt Lily', {}, wordModel({ aunt: 'PERSON', lily: 'PERSON' })))).toEqual([['PERSON', 'Aunt Lily']]);
    expect(typed(detectPIIWith('Our postcode is SW1A 1AA, the letters', {}, wordModel({ sw: 'ORGANIZATION' })))).toEqual([['ZIP_CODE', 'SW1A 1AA']]);
    expect(found('my zip code is 2371 and that is it')).toEqual([]);
    // A postcode right after a place the tagger read (twelfth session): five or six digits, three and three, or four
    // that are no year; not a number that goes on, nor inside a span.
    const placed = (text: string, words: Record<string, string>): [string, string][] => typed(detectPIIWith(text, {}, wordModel(words)));
    expect(placed('Andheri West, Mumbai 400053.', { mumbai: 'LOCATION' })).toEqual([['LOCATION', 'Mumbai'], ['ZIP_CODE', '400053']]);
    expect(placed('moving to Lyon 69003 soon', { lyon: 'LOCATION' })).toEqual([['LOCATION', 'Lyon'], ['ZIP_CODE', '69003']]);
    expect(placed('Mumbai 400 053', { mumbai: 'LOCATION' })).toEqual([['LOCATION', 'Mumbai'], ['ZIP_CODE', '400 053']]);
    for (const text of ['Paris 2024 was fun', 'Boston 26.2 miles', 'Paris 12345678', 'Paris 75001x', 'Paris 1,000 people', 'Paris 75001.5 km', 'Paris 12345,678 people']) {
      expect([text, placed(text, { paris: 'LOCATION', boston: 'LOCATION' }).filter(([type]) => type === 'ZIP_CODE')]).toEqual([text, []]);
    }
    expect(placed('Mumbai 400053', { mumbai: 'LOCATION' }).length).toBe(2);
    expect(placed('Sam 400053', { sam: 'PERSON' }).filter(([type]) => type === 'ZIP_CODE')).toEqual([]);
  });

  it('reads "born on the 3rd of March 1990" as a date of birth', () => {
    expect(typed(detectPII('I was born on the 3rd of March 1990 in Glasgow.', { ner: false }))).toEqual([['DATE_OF_BIRTH', '3rd of March 1990']]);
  });

  it('knows names compromise tags only as people, and everyday companies, after the tagger but not in its features', () => {
    const rules = ruleLexicon();
    const tagger = gazetteer();
    for (const word of ['diego', 'austin', 'jordan', 'taylor']) expect([word, rules.get(word), tagger.get(word)]).toEqual([word, 'first', 'word']);
    for (const word of ['spotify', 'deloitte', 'barclays']) expect([word, rules.get(word), tagger.get(word)]).toEqual([word, 'org', undefined]);
    for (const word of ['workday', 'discord', 'apple']) expect([word, rules.get(word)]).not.toEqual([word, 'org']);
    expect(rules.get('sarah')).toBe('first');
    // A lone one the tagger calls a person is kept ("Austin" was dropped as an ordinary word), a company a person is an organisation.
    expect(tagged('Drinks with Austin', { austin: 'PERSON' })).toEqual([['PERSON', 'Austin']]);
    expect(tagged('Drinks with Anger', { anger: 'PERSON' })).toEqual([]);
    expect(tagged('Started at Spotify', { spotify: 'PERSON' })).toEqual([['ORGANIZATION', 'Spotify']]);
  });

  it('reads an unknown capitalised word before a verb of the lexicon as a name the tagger passed over', () => {
    expect(tagged('Work was a blur, Priyanka covered my 3pm.', {})).toEqual([['PERSON', 'Priyanka']]);
    expect(tagged('Marek said no.', {})).toEqual([['PERSON', 'Marek']]);
    expect(tagged('Chidi got the job!', {})).toEqual([['PERSON', 'Chidi']]);
    // Or being what people are (2026-11-22, tenth session); not what things are.
    expect(tagged('Zanele is pregnant!!', {})).toEqual([['PERSON', 'Zanele']]);
    expect(tagged('Tariq was fired today', {})).toEqual([['PERSON', 'Tariq']]);
    for (const text of ['Zorblax is broken', 'Zorblax is\npregnant', 'Zorblax isn pregnant']) expect([text, tagged(text, {})]).toEqual([text, []]);
    // Or known from somewhere (2026-11-22, twelfth session): "from work", "from the climbing gym"; not where a thing is from.
    expect(tagged('Kwame from the climbing gym invited me.', {})).toEqual([['PERSON', 'Kwame']]);
    expect(tagged('Ngozi from work came round.', {})).toEqual([['PERSON', 'Ngozi']]);
    expect(tagged('Oyelaran from my book club lent me this.', {})).toEqual([['PERSON', 'Oyelaran']]);
    for (const text of ['Pic from the game on Tuesday.', 'Shitpost from the uncultured', 'Zorblax from the\ngym', 'Zorblax from the old days']) {
      expect([text, tagged(text, {})]).toEqual([text, []]);
    }
    // Not a known word, an adverb, a contraction without its apostrophe, a word of a longer capitalised name, a
    // word before no verb, nor across a line.
    for (const text of ['Honestly felt great.', 'Ive said it before.', 'ABC Business considered it.', 'Zorblax infrared scanner', 'Socialism killed millions.', 'Amount charged $200.85', 'Tired said nobody.', 'Priyanka\nsaid']) {
      expect([text, tagged(text, {})]).toEqual([text, []]);
    }
    // Nor an ordinary English word that compromise's lexicon lacks (twelfth session: the SCOWL word lists), which a
    // diary opens sentences with.
    for (const text of ['Therapy helped a lot.', 'Yoga helped.', 'Chemo helped.', 'Rehab helped.', 'Daycare called.', 'Parcel went to the wrong house.', 'Anarchy said hello.']) {
      expect([text, tagged(text, {})]).toEqual([text, []]);
    }
  });

  it('finds such a name the tagger passed over right after a word that introduces a person', () => {
    expect(tagged('I met Diego yesterday', {})).toEqual([['PERSON', 'Diego']]);
    expect(tagged('her boyfriend Jordan is nice', {})).toEqual([['PERSON', 'Jordan']]);
    // Not after other words, not at a line start, not a name the tagger's own table knows (lower case: see below).
    for (const text of ['We flew to Houston', 'I met\nDiego', 'I met Sarah']) expect([text, tagged(text, {}).filter(([type]) => type === 'PERSON')]).toEqual([text, []]);
    // (Houston is a town of towns.ts since the seventeenth session.)
    expect(tagged('We flew to Houston', {})).toEqual([['LOCATION', 'Houston']]);
    // Not where the tagger found something.
    expect(tagged('I met Diego Garcia', { diego: 'PERSON', garcia: 'PERSON' })).toEqual([['PERSON', 'Diego Garcia']]);
    // A word the lexicon does not know right after a verb of meeting, which may open the sentence (2026-11-22, tenth session).
    expect(tagged('I met Oluwaseun at the gym', {})).toEqual([['PERSON', 'Oluwaseun']]);
    expect(tagged('FaceTimed Ngozi for an hour', {})).toEqual([['PERSON', 'Ngozi']]);
    expect(tagged('Later I texted Adaeze back', {})).toEqual([['PERSON', 'Adaeze']]);
    expect(tagged('Saw Ifeoluwa at church', {})).toEqual([['PERSON', 'Ifeoluwa']]);
    // A hyphenated name whole.
    expect(tagged('my sister Anne-Marie called', {})).toEqual([['PERSON', 'Anne-Marie']]);
    // After a greeting, a wish or "with" too; not a word one greets that is no name.
    for (const [text, name] of [['Date with Thibault tomorrow!!', 'Thibault'], ['Happy birthday Kofi!!!', 'Kofi'], ['Dear Imogen, sorry', 'Imogen'], ['Hey Oluwaseun', 'Oluwaseun']] as const) {
      expect([text, tagged(text, {})]).toEqual([text, [['PERSON', name]]]);
    }
    for (const text of ['Dear Madam, hello', 'Hi folks', 'Full with Life Time', 'Dear\nImogen']) expect([text, tagged(text, {})]).toEqual([text, []]);
    // An unknown word joined by "and" or "&" to a person, the tagger's or a rule's, on either side.
    expect(tagged('Soph and Bex stayed over', {})).toEqual([['PERSON', 'Soph'], ['PERSON', 'Bex']]);
    expect(tagged('Kawhi & Siakam chemistry', { siakam: 'PERSON' })).toEqual([['PERSON', 'Kawhi'], ['PERSON', 'Siakam']]);
    expect(tagged('with Jo Lee and Soph today', { jo: 'PERSON', lee: 'PERSON' })).toEqual([['PERSON', 'Jo Lee'], ['PERSON', 'Soph']]);
    // Not a known word or the plural of one, nor beside no person.
    for (const [text, words] of [['Reflections and Winter Sun', { winter: 'PERSON', sun: 'PERSON' }], ['Shoes and Bex', { bex: 'PERSON' }], ['Thoughts and Bex', { bex: 'PERSON' }], ['Soph and Bex', {}]] as const) {
      expect([text, tagged(text, words).filter(([, name]) => name !== 'Winter Sun' && name !== 'Bex')]).toEqual([text, []]);
    }
    // Not a known word, a word with an ordinary ending, a contraction, nor across a line (a word in lower case is
    // lower-case-names.ts's since 2026-11-23: "met oluwaseun").
    for (const text of ['I called Google support', 'I met Happiness', 'texted Ive', 'I met\nOluwaseun', 'we walked Oluwaseun']) {
      expect([text, tagged(text, {})]).toEqual([text, []]);
    }
    expect(tagged('met oluwaseun', {})).toEqual([['PERSON', 'oluwaseun']]);
  });

  it("finds a name the tagger passed over that owns a relative or a household thing (\"Priya's mom\")", () => {
    expect(tagged("Priya's mom drove us.", {})).toEqual([['PERSON', 'Priya']]);
    expect(tagged('Kwame’s birthday party was fun.', {})).toEqual([['PERSON', 'Kwame']]);
    expect(tagged("We fed Tyler's dog.", {})).toEqual([['PERSON', 'Tyler']]);
    // A word the lexicon does not know owning anything ("Priya's idea" was a negative until 2026-11-22, tenth session).
    expect(tagged("Tariq's car broke down again", {})).toEqual([['PERSON', 'Tariq']]);
    expect(tagged('Kenji’s flight lands at 6:40', {})).toEqual([['PERSON', 'Kenji']]);
    expect(tagged("Priya's idea", {})).toEqual([['PERSON', 'Priya']]);
    // Not an ordinary word, a day, an organisation, a word with an ordinary ending, part of a longer capitalised
    // name, a given name of the lexicon before another noun ("Grace's idea"), nor before a capitalised word.
    for (const text of ["Everyone's friends came.", "Today's party was fun.", "Google's house style", "Socialism's house", "ABC News's house", "Grace's idea", "Priya 's mom", "Priya's Kitchen"]) {
      expect([text, tagged(text, {})]).toEqual([text, []]);
    }
    // In lower case it is lower-case-names.ts's since the seventeenth session.
    expect(typed(tagEntities("priya's mom", [], wordModel({})).filter((s) => s.source === 'rule:possessive-name'))).toEqual([]);
  });

  it('reads a name that is also an ordinary word where only a person fits ("my sister Maya", "Leo and I")', () => {
    // "Priyanka and me" and "my friend Happy" were negatives of the rules above until this rule (2026-11-22, ninth session).
    for (const [text, names] of [
      ['my sister Maya called', ['Maya']], ['Happy birthday to my little sis, Maya!', ['Maya']], ['My boss, Karen, yelled', ['Karen']],
      ['Me and Leo went out', ['Leo']], ['Jasmine, Leo and I drove home', ['Jasmine', 'Leo']], ['Yesterday Leo and I talked', ['Leo']],
      ['Priyanka and me', ['Priyanka']], ['my friend Happy', ['Happy']], ['with Leo & I', ['Leo']],
      ['Coffee w/ Priya today', ['Priya']], ['W/ Maya at the park', ['Maya']],
      ['dinner w/ Chloé and Théo', ['Chloé', 'Théo']], ['my sister Maya and Tom came', ['Maya', 'Tom']],
      ['drinks w/ Tomás + Inés', ['Tomás', 'Inés']], ['Jonah (my brother-in-law) lent me', ['Jonah']], ['Rose, my therapist, says', ['Rose']],
      ['Paid the plumber, Zbigniew, 300 zł', ['Zbigniew']],
      // Joined by "and" one step only.
      ['my sister Maya and Tom and Jerry', ['Maya', 'Tom']],
    ] as const) {
      expect([text, tagged(text, {})]).toEqual([text, names.map((n) => ['PERSON', n])]);
    }
    // The tagger's one-word span of an ordinary word is kept there too, as a person.
    expect(tagged('my sister Maya called', { maya: 'LOCATION' })).toEqual([['PERSON', 'Maya']]);
    // Not a pronoun, an ordinary word alone opening a sentence, a day, a place, nor after an article, a possessive or a
    // preposition; not across a line after a relation.
    for (const text of ['“You and I both know', 'Work and I do not get along', 'Leo and I went', 'school Friday and I', "New Year's Day and I", 'to Make a Joke and I', 'first day in Vegas and I', 'my sister\nMaya', 'a girlfriend That Should', 'Sat w/ Mom', 'w/\nPriya', 'Monday (my day off) was', 'Work, my nemesis, continues', 'Jonah (his brother)', 'Called the plumber, Monday, no answer', 'the plumber, Zbigniew and']) {
      expect([text, tagged(text, {})]).toEqual([text, []]);
    }
    // No person after "w/" where the lexicon knows an organisation (since the thirteenth session read as one).
    expect(tagged('Lunch w/ Netflix on', {})).toEqual([['ORGANIZATION', 'Netflix']]);
  });

  it('finds given names and places written in lower case after a word that introduces them', () => {
    // (And the shop after "at" in lower case, since the sixteenth session.)
    expect(tagged('today i met up with jenny and her bf marco at starbucks', {})).toEqual([['PERSON', 'jenny'], ['PERSON', 'marco'], ['ORGANIZATION', 'starbucks']]);
    // After "with" or "w/", with the given names joined to it (2026-11-22, tenth session).
    expect(tagged('went to the movies with jake, then home', {})).toEqual([['PERSON', 'jake']]);
    expect(tagged('drinks w/ emma, jen and mike after work', {})).toEqual([['PERSON', 'emma'], ['PERSON', 'jen'], ['PERSON', 'mike']]);
    expect(tagged('lunch with sarah & mike, then a nap', {})).toEqual([['PERSON', 'sarah'], ['PERSON', 'mike']]);
    // A joined word that is no given name, or that the tagger found, ends the list.
    expect(tagged('with sarah and work stuff', {})).toEqual([['PERSON', 'sarah']]);
    expect(tagged('with sarah and mike', { mike: 'LOCATION' })).toEqual([['PERSON', 'sarah'], ['LOCATION', 'mike']]);
    expect(tagged('texted kevin, then flew to new york', {})).toEqual([['PERSON', 'kevin'], ['LOCATION', 'new york']]);
    expect(tagged('uncle ray is in the hospital in phoenix', {})).toEqual([['LOCATION', 'phoenix']]);
    expect(tagged('we drove to san francisco', {})).toEqual([['LOCATION', 'san francisco']]);
    // Not a given name that is also a thing after "with" ("with grace"), not an abbreviation or another language's
    // word the lexicon files as a place, not an ordinary word, not where the tagger found something, not a word in capitals.
    for (const text of ['she handled it with grace', 'a girl with amber eyes', 'in den letzten Jahren', 'the road to para', 'in nice weather', 'moved to the city', 'texted Kevin']) {
      expect([text, tagged(text, {})]).toEqual([text, []]);
    }
    expect(tagged('flew to tokyo', { tokyo: 'ORGANIZATION' })).toEqual([['LOCATION', 'tokyo']]);
    // "me and", and a family of the lexicon's surname in the plural after "with the" (2026-11-22, tenth session).
    expect(tagged('me and tyler broke up', {})).toEqual([['PERSON', 'tyler']]);
    expect(tagged('dinner with the hendersons', {})).toEqual([['PERSON', 'hendersons']]);
    for (const text of ['me and work', 'with the beatles', 'at the hendersons', 'with the henderson']) expect([text, tagged(text, {})]).toEqual([text, []]);
    // After a relative's word, a word the lexicon does not know after a relation, a relative or a verb of meeting, and
    // either in brackets after a relation or a role (2026-11-23, eleventh session).
    for (const [text, name] of [['i miss grandad joe so much', 'joe'], ['texted priya about it', 'priya'], ['my cousin zayn came', 'zayn'], ['therapist (helen) says', 'helen'], ['my ex (damon) keeps liking', 'damon'], ['my cousin (zayn) came', 'zayn']] as const) {
      expect([text, tagged(text, {})]).toEqual([text, [['PERSON', name]]]);
    }
    // Not a chat word, a laugh, a word with an ordinary ending, nor after "with" alone or a word that is no relation.
    for (const text of ['my bf lol', 'my sister hahaha', 'my sister hahahahaha', 'my mum lolol', 'texted alot of girls', 'my brother suddenly left', 'with zayn', 'my therapist (tuesdays) is', 'the shop (zayn)']) {
      expect([text, tagged(text, {})]).toEqual([text, []]);
    }    // Twelfth session: a given name that is no English word before what people do or are, a surname after a title in
    // lower case, a word no list knows heading a list of people or joined to one by "and", and "my ex".
    expect(tagged('ugh jake texted me again', {})).toEqual([['PERSON', 'jake']]);
    expect(tagged('kayla is pregnant', {})).toEqual([['PERSON', 'kayla']]);
    expect(tagged("emailed mr o'neill and mrs mcgregor today, then dr patel", {})).toEqual([['PERSON', "o'neill"], ['PERSON', 'mcgregor'], ['PERSON', 'patel']]);
    expect(tagged('lunch with the girls - priya, mei and jo', { mei: 'PERSON', jo: 'PERSON' })).toEqual([['PERSON', 'priya'], ['PERSON', 'mei'], ['PERSON', 'jo']]);
    expect(tagged('Mei and oyelaran came', { mei: 'PERSON' })).toEqual([['PERSON', 'Mei'], ['PERSON', 'oyelaran']]);
    expect(tagged('ran into my ex marcus at the gym', {})).toEqual([['PERSON', 'marcus']]);
    expect(tagged('i miss jake so much, i hate kayla', {})).toEqual([['PERSON', 'jake'], ['PERSON', 'kayla']]);
    // ("i miss priya", a word no lexicon knows after "i miss", is read since the fourteenth session: see its block.)
    for (const text of ['mark said no', 'will is sick', 'grace is lovely', 'dr who is on', 'mr right', 'i miss grace', 'i love mark', 'you miss priya', 'tea, biscuits and cake', 'priya, jo', 'wissen, Mei', 'Mei, das ist gut', 'jake\ntexted']) {
      expect([text, tagged(text, { mei: 'PERSON' }).filter(([, t]) => t !== 'Mei')]).toEqual([text, []]);
    }
  });

  it("finds an O' or D' surname opening a sentence, and the surname after a courtesy title, particles included", () => {
    expect(tagged("O'Brien was late again.", {})).toEqual([['PERSON', "O'Brien"]]);
    expect(tagged('D’Angelo sang.', {})).toEqual([['PERSON', 'D’Angelo']]);
    expect(tagged('Mr. Van der Berg called.', {})).toEqual([['PERSON', 'Van der Berg']]);
    // The tagger's one-word "Van" is dropped as an ordinary word; the title's rule still reads the whole surname.
    expect(tagged('Mr. Van der Berg called.', { van: 'PERSON' })).toEqual([['PERSON', 'Van der Berg']]);
    expect(tagged('Talked to Dr de la Cruz today', {})).toEqual([['PERSON', 'de la Cruz']]);
    expect(tagged('Mr. and Mrs. Smith came over', {})).toEqual([['PERSON', 'Smith']]);
    expect(tagged('Saw A. Kowalczyk at the dentist', {})).toEqual([['PERSON', 'A. Kowalczyk']]);
    // Not an initial before an ordinary word, a place or across initials ("U.S. Army").
    for (const text of ['Plan A. Then we left', 'Section B. Paris', 'U.S. Dubois', 'seat 23A. Passport number']) expect([text, tagged(text, {}).filter(([type]) => type === 'PERSON')]).toEqual([text, []]);
    // Not "o'clock", an O' without a capital after it, a title before no capitalised word, nor particles alone.
    for (const text of ["It was 5 o'clock.", "O'really", 'Ask Dr. the question.', 'Mr. van der', "O' Brien"]) expect([text, tagged(text, {})]).toEqual([text, []]);
    // A title in lower case with its full stop; not the verb "miss", nor a street's "Dr".
    expect(tagged('Emailed prof. Hargreaves about it', {})).toEqual([['PERSON', 'Hargreaves']]);
    // The title of an office, a rank or a calling (2026-11-22, tenth session); not before a place, nor in lower case.
    for (const [text, name] of [['Spoke to Inspector Graves about it', 'Graves'], ['Coach Dawson benched me', 'Dawson'], ['Sgt. Kowalski was there', 'Kowalski'], ['Rabbi Feldman visited', 'Feldman']] as const) {
      expect([text, tagged(text, {})]).toEqual([text, [['PERSON', name]]]);
    }
    for (const text of ['Captain America is my favourite', 'my coach Dawson', 'Officer and']) expect([text, tagged(text, {})]).toEqual([text, []]);
    // A family by its surname in the plural, a surname of the lexicon; not a band.
    expect(tagged('The Hendersons invited us', {})).toEqual([['PERSON', 'Hendersons']]);
    expect(tagged('dinner with the Joneses', {})).toEqual([['PERSON', 'Joneses']]);
    // One the lexicon does not know after "with the" or a verb of meeting and "the"; not a noun's plural ending.
    expect(tagged('Dinner with the Lindqvists at their place', {})).toEqual([['PERSON', 'Lindqvists']]);
    for (const text of ['Dinner at the Lindqvists place', 'Went with the Avengers', 'met the Organisers']) expect([text, tagged(text, {})]).toEqual([text, []]);
    for (const text of ['We love the Beatles', 'the hendersons', 'Hendersons']) expect([text, tagged(text, {})]).toEqual([text, []]);
    for (const text of ['I miss. Anyone there?', 'prof Hargreaves']) expect([text, tagged(text, {})]).toEqual([text, []]);
    expect(tagged('We live at 12 Elm Dr. Then we left.', { 12: 'STREET_ADDRESS', elm: 'STREET_ADDRESS', dr: 'STREET_ADDRESS' })).toEqual([['STREET_ADDRESS', '12 Elm Dr.']]);
  });

  it('reads two short parts joined by a hyphen as a given name where a person stands ("Jun-seo and Min-ji came")', () => {
    for (const [text, names] of [
      ['Jun-seo and Min-ji came for dinner', ['Jun-seo', 'Min-ji']], ['Hung out with Xiao-ming today', ['Xiao-ming']],
      ['My sister Hye-jin called', ['Hye-jin']], ['Min-ji is pregnant', ['Min-ji']], ['Sam and Ji-woo', ['Sam', 'Ji-woo']],
    ] as const) {
      expect([text, tagged(text, text === 'Sam and Ji-woo' ? { sam: 'PERSON' } : {})]).toEqual([text, names.map((n) => ['PERSON', n])]);
    }
    // Not where no person stands, not a word such as "Wi-fi", not a longer second part, nor a third part.
    for (const text of ['Jun-seo', 'Wi-fi and Hi-fi', 'with Xiao-mingyue', 'with Ji-woo-ah', 'with Jun-Seo', 'Bob and Ji-woo']) {
      expect([text, tagged(text, {})]).toEqual([text, []]);
    }
  });

  it('reads an institution named by a possessive as an organisation ("Guy\'s Hospital")', () => {
    expect(tagged("Appointment at Guy's Hospital tomorrow", {})).toEqual([['ORGANIZATION', "Guy's Hospital"]]);
    // A span of the tagger takes the possessive and the institution's word.
    expect(tagged("the scan at Addenbrooke's Hospital", { addenbrooke: 'PERSON' })).toEqual([['ORGANIZATION', "Addenbrooke's Hospital"]]);
    // Not a word that is no institution's, nor one in lower case; the tagger's span stays a person's before another word.
    for (const text of ["Guy's hospital", "lunch at Guy's Place", "Guy's Hospitality"]) expect([text, tagged(text, {})]).toEqual([text, []]);
    expect(tagged("Addenbrooke's Car", { addenbrooke: 'PERSON' })).toEqual([['PERSON', 'Addenbrooke']]);
  });

  it('reads capitalised words the tagger passed over before a hospital\'s or school\'s last word as an organisation', () => {
    expect(tagged('Took Mum to Royal Free Hospital for her scan.', {})).toEqual([['ORGANIZATION', 'Royal Free Hospital']]);
    expect(tagged('Grandad is in the Royal Infirmary.', {})).toEqual([['ORGANIZATION', 'Royal Infirmary']]);
    expect(typed(detectPIIWith('Visited Ashgrove Academy today. Saw Ashgrove Academy', {}, wordModel({})))).toEqual([['ORGANIZATION', 'Ashgrove Academy'], ['ORGANIZATION', 'Ashgrove Academy']]);
    expect(tagged('at Whitechapel Health Centre at 10', {})).toEqual([['ORGANIZATION', 'Whitechapel Health Centre']]);
    // Not words that only say what kind it is, nor the word alone or in lower case.
    // Or before that word in lower case; not "surgery", a procedure as often ("Brain surgery").
    expect(tagged('Mum is in Whiston hospital. Picked Noor up from Little Acorns nursery.', { noor: 'PERSON' })).toEqual([['ORGANIZATION', 'Whiston hospital'], ['PERSON', 'Noor'], ['ORGANIZATION', 'Little Acorns nursery']]);
    for (const text of ['I hated High School.', 'Went to Sunday School.', 'Hospital food is awful.', 'The School was closed.', 'at the Health Centre', 'Primary school was hard.', 'Brain surgery is hard', 'Nursery was closed.', 'The kids love Sunday school.']) {
      expect([text, tagged(text, {})]).toEqual([text, []]);
    }
  });

  it('reads the capitalised words after a word of work and "at", "for", "by" or "from" as an employer', () => {
    for (const [text, firm] of [
      ['Quit my job at Accenture today!!', 'Accenture'], ['Zoom call with the team at Shopify', 'Shopify'], ['got an offer from Bain & Company', 'Bain & Company'],
      ['my shift at the Walgreens ran late', 'Walgreens'], ['I work at HPE and I love it', 'HPE'], ['rejected by Bluewave Analytics again', 'Bluewave Analytics'],
      ['Started my new role at PwC.', 'PwC'], ["She's a nurse at Whittington.", 'Whittington'], ['a barista at Pret on weekends', 'Pret'],
    ] as const) {
      expect([text, tagged(text, {})]).toEqual([text, [['ORGANIZATION', firm]]]);
    }
    // Not a day, a given name, a place, a function word, a short word or one ordinary word alone, nor after another word.
    for (const text of ['my shift at Christmas', 'I work for Sarah', 'the team at London', 'job at The', 'work from Home', 'Working at BAR tonight', 'job at SF', 'dinner at Nobu', 'job at\nBluewave', 'a teacher at Christmas', 'my position at the moment']) {
      expect([text, tagged(text, {}).filter(([type]) => type === 'ORGANIZATION')]).toEqual([text, []]);
    }
    expect(tagged('my job at Accenture', { accenture: 'PERSON' })).toEqual([['ORGANIZATION', 'Accenture']]);
  });

  it('reads one to three lower-case words before a lower-case legal form as a firm, without the verb or preposition before them', () => {
    for (const [text, firm] of [
      ['got an offer from acme widgets llc today', 'acme widgets llc'], ['selma is from stillwater supercomputing inc.', 'stillwater supercomputing inc.'],
      ['i quit norvane systems inc. today', 'norvane systems inc.'], ['i joined acme llc in march', 'acme llc'], ['she runs kessler bau gmbh.', 'kessler bau gmbh'],
    ] as const) {
      expect([text, tagged(text, {})]).toEqual([text, [['ORGANIZATION', firm]]]);
    }
    // A legal form alone, after a function word, a capital or a line break, or in the middle of a word is none.
    for (const text of ['we formed an llc today', 'so happy. llc paperwork done', 'the llc is set up', 'Acme\nllc', 'my incorporation']) {
      expect([text, tagged(text, {})]).toEqual([text, []]);
    }
    // A word the tagger put in an entity ends the walk back.
    expect(tagged('my job at smith consulting llc', { smith: 'PERSON' })).toEqual([['PERSON', 'smith'], ['ORGANIZATION', 'consulting llc']]);
  });

  it('reads capitalised words the tagger passed over as a firm before what only a firm is or has ("is a design agency", "website", "app")', () => {
    for (const [text, firm] of [
      ['Standard And Poors is a design agency based in Geneva.', 'Standard And Poors'], ['Vantrix is an American multinational, apparently.', 'Vantrix'],
      ['according to the Costquest website', 'Costquest'], ['Deleted the Grindr app.', 'Grindr'], ['Wolfram Research is an Hungarian multinational investment bank', 'Wolfram Research'],
    ] as const) {
      expect([text, tagged(text, {})].map((x) => (Array.isArray(x) ? x.filter(([type]) => type === 'ORGANIZATION') : x))).toEqual([text, [['ORGANIZATION', firm]]]);
    }
    // Not one ordinary word, a date, a place or a given name, a function word, nor before what a person may be too.
    for (const text of ['Downloaded the Weather app', 'Monday is a company holiday', 'Paris is a charity that helps', 'Sarah is a charity worker', 'The app is slow', 'Zorblax is a firm believer']) {
      expect([text, tagged(text, {}).filter(([type]) => type === 'ORGANIZATION')]).toEqual([text, []]);
    }
  });

  it('widens a firm read as its legal form alone to the capitalised words before it, and takes in a number after a preposition', () => {
    expect(tagged('Signed with 37 Signals Inc yesterday', { inc: 'ORGANIZATION' })).toEqual([['ORGANIZATION', '37 Signals Inc']]);
    expect(tagged('shares in Big Blue & Sons Ltd. today', { ltd: 'ORGANIZATION' })).toEqual([['ORGANIZATION', 'Big Blue & Sons Ltd.']]);
    expect(tagged('a letter from inc today', { inc: 'ORGANIZATION' })).toEqual([['ORGANIZATION', 'inc']]);
    expect(tagged('Cleopatra spoke from 3 Round Stones Inc today', { round: 'ORGANIZATION', stones: 'ORGANIZATION', inc: 'ORGANIZATION' })).toContainEqual(['ORGANIZATION', '3 Round Stones Inc']);
    expect(tagged('I bought 3 Apple Inc shares', { apple: 'ORGANIZATION', inc: 'ORGANIZATION' })).toEqual([['ORGANIZATION', 'Apple Inc']]);
    expect(tagged('from 3 Round Stones today', { round: 'ORGANIZATION', stones: 'ORGANIZATION' })).toEqual([['ORGANIZATION', 'Round Stones']]);
    // A leading "The" is the sentence's (2026-11-23).
    expect(tagged('The Hdscores Inc office is at', { the: 'ORGANIZATION', hdscores: 'ORGANIZATION', inc: 'ORGANIZATION' })).toEqual([['ORGANIZATION', 'Hdscores Inc']]);
    expect(tagged('The Hdscores office is at', { the: 'ORGANIZATION', hdscores: 'ORGANIZATION' })).toEqual([['ORGANIZATION', 'The Hdscores']]);
  });

  it('reads a place the lexicon knows, which the tagger passed over, as a place: a known phrase whole, one word alone', () => {
    expect(tagged('Martin Karlsen\n\nLos Angeles\nUnited States', {})).toEqual([['LOCATION', 'Los Angeles'], ['LOCATION', 'United States']]);
    expect(tagged('Brazil leader gives order', {})).toEqual([['LOCATION', 'Brazil']]);
    expect(tagged('Missing Edmonton already. Back in NYC.', {})).toEqual([['LOCATION', 'Edmonton'], ['LOCATION', 'NYC']]);
    // Not part of a longer capitalised name, glued to a word or digit, a short word in lower case letters, nor a word the tagger read.
    for (const text of ['Brazil Nut Company is great', 'Salt Lake City Marathon', 'score at the end of 1ST.', 'Ist der Bau ungerecht?', 'Nice shooting, Tex!', 'Harrison St is closed', 'Captain America is my favourite']) {
      expect([text, tagged(text, {})]).toEqual([text, []]);
    }
  });

  it('reads a park, common or church\'s "Holy" name as a place only after a word that places it', () => {
    const places = (text: string): string[] => placeNameSpans(text).map((s) => s.text);
    expect(places('Met up at Victoria Park, then a walk on Clapham Common and near the Hampstead Heath.')).toEqual(['Victoria Park', 'Clapham Common', 'Hampstead Heath']);
    expect(places("Nana's funeral is at Holy Trinity; Mass at Holy Cross.")).toEqual(['Holy Trinity', 'Holy Cross']);
    // Not a surname after no such word, nor before "'s", nor "Holy" after "the" or in words of faith and time.
    for (const text of ['I saw Jenny Park at the gym', "Dinner at Jenny Park's house", 'I prayed to the Holy Spirit', 'I believe in the Holy Trinity', 'Fasting in Holy Week', 'Michael Bay films']) {
      expect([text, places(text)]).toEqual([text, []]);
    }
    // A market too, and a venue named with a capitalised "The" after "at", "outside", "inside" or "opposite" (twelfth session).
    expect(places('Walked to Borough Market, then drinks at The Crown and Anchor; met outside The Old Bell.')).toEqual(['Borough Market', 'The Crown and Anchor', 'The Old Bell']);
    expect(places("Drinks at The Crown's bar")).toEqual(['The Crown']);
    // After a lower-case "the" too, "the" left out: "Lunch at the Red Lion".
    expect(places('Lunch at the Red Lion, then drinks at the Ivy')).toEqual(['Red Lion', 'Ivy']);
    for (const text of ['Notes at The End', 'at The Moment', 'At The Crown', 'watched The Crown', 'at The Royal Hospital', 'I saw Tom Market', 'at the Internet cafe', 'Met at the Bank', 'at the moment', 'watched the Crown']) {
      expect([text, places(text)]).toEqual([text, []]);
    }
  });

  it('reads the name after an abbreviated mountain, fort or point, and leaves out a sentence\'s opening verb, not a known name\'s', () => {
    expect(tagged('Camped at Mt. Hood.', { mt: 'LOCATION' })).toEqual([['LOCATION', 'Mt. Hood']]);
    expect(tagged('Hiked Mt. Rainier with Connor.', { hiked: 'LOCATION', mt: 'LOCATION' })).toEqual([['LOCATION', 'Mt. Rainier']]);
    expect(tagged('Camped at Mt. and left.', { mt: 'LOCATION' })).toEqual([['LOCATION', 'Mt']]);
    expect(tagged('Hood Mt. Rainier', { hood: 'PERSON', mt: 'PERSON' })).toEqual([['PERSON', 'Hood Mt']]);
    expect(tagged('United States', { united: 'LOCATION', states: 'LOCATION' })).toEqual([['LOCATION', 'United States']]);
  });

  it('never reads an everyday abbreviation in capitals on its own as a name, a place or an organisation', () => {
    // Seen from fold models: "block my credit card ASAP" a place; from the shipped one: "RSVP" a place, "ETA" a firm.
    expect(tagged('Please reply ASAP about the flat', { asap: 'LOCATION' })).toEqual([]);
    expect(tagged('RSVP by Monday for the party', { rsvp: 'LOCATION' })).toEqual([]);
    expect(tagged('The ETA is six', { eta: 'ORGANIZATION' })).toEqual([]);
    // Only as written in capitals, only alone, and "OK" may be Oklahoma.
    expect(tagged('Asap came over', { asap: 'PERSON' })).toEqual([['PERSON', 'Asap']]);
    expect(tagged('We drove to Tulsa OK', { tulsa: 'LOCATION', ok: 'LOCATION' })).toEqual([['LOCATION', 'Tulsa OK']]);
    expect(tagged('ETA Studios called', { eta: 'ORGANIZATION', studios: 'ORGANIZATION' })).toEqual([['ORGANIZATION', 'ETA Studios']]);
  });
});

describe('PII rules for diary text (thirteenth session)', () => {
  it('finds references, orders, parcels, cheques, a driving licence and a lower-case student number after their labels', () => {
    for (const [text, value] of [
      ['Emailed the council again. Ref 44821-B.', '44821-B'], ['Reference QX-2291 for the claim', 'QX-2291'], ['ref no. 44821', '44821'],
      ['Our ref: QX-2291', 'QX-2291'], ['Case ref 12345/2024', '12345/2024'], ['Order #112-4456789-1234567 arrived', '112-4456789-1234567'],
      ['Tracking number 1Z999AA10123456784', '1Z999AA10123456784'], ['Parcel tracking: JD014600003828423650', 'JD014600003828423650'],
      ['Customer number 88812345', '88812345'], ['cheque number 000123', '000123'], ['Driving licence MORGA753116SM9IJ.', 'MORGA753116SM9IJ'],
      ['My student number is s3849201.', 's3849201'], ['Staff ID: e104552', 'e104552'], ['Reference ID   454777298  ', '454777298'],
    ] as const) {
      expect([text, rulesAlone(text)]).toEqual([text, [['ID_NUMBER', value]]]);
    }
    // A year, a date, a word, a list's number or a licence named without its number are none.
    for (const text of ['Ref 2019 was a good year', 'in order: 1) wake up', 'ref says no', 'Reference letter from the school', 'my driving license is in the car',
      'driving licence test on Friday', 'Case ref 12/05/2024', 'ref 05/2024', 'order 66 was executed']) {
      expect([text, rulesAlone(text)]).toEqual([text, []]);
    }
    // Not tagger features (it was trained without them).
    expect(featureTypes('Ref 44821-B. Order #112-4456789-1234567. Driving licence MORGA753116SM9IJ.')).toEqual([]);
  });

  it('finds a PIN or a door, locker or alarm code with no "is" or colon, and a code ending in the key #', () => {
    for (const [text, value] of [['PIN 4821', '4821'], ['locker code 4471', '4471'], ['the door code is 1985#', '1985#'], ['card pin 4821.', '4821'], ['alarm code 77310*', '77310*']] as const) {
      expect([text, rulesAlone(text)]).toEqual([text, [['SECRET', value]]]);
    }
    for (const text of ['pin 4821 on the map', 'the gate code 2019 changed', 'PIN 12', 'the pin is loose']) {
      expect([text, rulesAlone(text)]).toEqual([text, []]);
    }
  });

  it('finds an age said of oneself or of a relative, in digits or words, not a quantity', () => {
    for (const [text, value] of [
      ["I'm 34 and still don't know what I'm doing.", '34'], ['My daughter is six and a half.', 'six'], ['Grandpa is ninety-two today.', 'ninety-two'],
      ['I am 27, single and fine', '27'], ['he is twenty-one today', 'twenty-one'], ['Our son just turned 3!', '3'],
    ] as const) {
      expect([text, rulesAlone(text)]).toEqual([text, [['AGE', value]]]);
    }
    for (const text of ["I'm 5 minutes away.", "She's 3 months pregnant", "I'm 100% sure", 'my son is 1 of 3 kids', "I'm one of those people",
      "she's one and only", "I'm two hours late", 'The score was 34.', "I'm 150 and immortal"]) {
      expect([text, rulesAlone(text)]).toEqual([text, []]);
    }
  });

  it('reads a name the lexicon knows only as a sign, a people or a brand, and no English word, where an unknown name would be', () => {
    expect(rulesAlone('Leo was sick today.')).toEqual([['PERSON', 'Leo']]);
    expect(rulesAlone('Max said no.')).toEqual([['PERSON', 'Max']]);
    expect(rulesAlone("Leo's teacher called.")).toEqual([['PERSON', 'Leo']]);
    // After a verb of taking a child somewhere, one word or two.
    expect(rulesAlone('Dropped Leo at school.')).toEqual([['PERSON', 'Leo']]);
    expect(rulesAlone('Dropped Leo off at nursery.')).toEqual([['PERSON', 'Leo']]);
    expect(rulesAlone('Collected Ngozi after school.')).toEqual([['PERSON', 'Ngozi']]);
    expect(rulesAlone('Picked up Oluwaseun at six.')).toEqual([['PERSON', 'Oluwaseun']]);
    // Chat words and interjections the lexicon knows are none; nor is an English word or a word after "about".
    for (const text of ['Wtf happened to society', 'Lol was funny', 'Omg said the same', 'Jupiter is bright tonight', 'The school called about Finn.', 'Dropped Sugar in the tea']) {
      expect([text, rulesAlone(text)]).toEqual([text, []]);
    }
  });

  it('reads a lower-case name after "my mate" or "my pal", not a chat word', () => {
    expect(rulesAlone("my mate kev's band played")).toEqual([['PERSON', 'kev']]);
    expect(rulesAlone('my pal jojo came round')).toEqual([['PERSON', 'jojo']]);
    for (const text of ['cheers mate lol', 'thanks mate tbh', 'mate, honestly']) expect([text, rulesAlone(text)]).toEqual([text, []]);
  });

  it("takes a street's house number, and the unit before its slash, into the street the rules or the tagger read", () => {
    expect(typed(placeNameSpans("Jo's new flat is at 3/2 Kelvin Drive."))).toEqual([['STREET_ADDRESS', '3/2 Kelvin Drive']]);
    expect(typed(placeNameSpans('at 42 Kelvin Drive'))).toEqual([['STREET_ADDRESS', '42 Kelvin Drive']]);
    expect(typed(placeNameSpans('the 2 Kelvin Drive houses'))).toEqual([['STREET_ADDRESS', '2 Kelvin Drive']]);
    expect(typed(placeNameSpans('Kelvin Drive'))).toEqual([['STREET_ADDRESS', 'Kelvin Drive']]);
    const text = 'Moved into 4/18 Bondi Road.';
    const start = text.indexOf('18');
    expect(text.slice(...tidyEdges(text, 'STREET_ADDRESS', start, start + '18 Bondi Road'.length))).toBe('4/18 Bondi Road');
    // Not a date's or a fraction's digits before a number the tagger read as a street's ("1/2/18 Bondi Road" keeps its day and month out).
    const dated = 'On 1/2/18 Bondi Road was shut';
    const at = dated.indexOf('18');
    expect(dated.slice(...tidyEdges(dated, 'STREET_ADDRESS', at, at + '18 Bondi Road'.length))).toBe('18 Bondi Road');
  });

  it('reads a name in Chinese characters or Hangul by its common surname, only in a text written mostly in a Latin script', () => {
    expect(rulesAlone('Dinner with 王小明 and his wife tonight.')).toEqual([['PERSON', '王小明']]);
    expect(rulesAlone('Met 김민준 at the station.')).toEqual([['PERSON', '김민준']]);
    expect(rulesAlone('Lunch with 田中太郎 and 佐々木 from work.')).toEqual([['PERSON', '田中太郎'], ['PERSON', '佐々木']]);
    expect(rulesAlone('Had 拉面 for lunch with 陳大文.')).toEqual([['PERSON', '陳大文']]);
    // No common surname first ("拉面", "北京"), a run of five or more, or a text in Chinese.
    for (const text of ['We visited 北京 and 上海 last year.', 'Had 拉面 for lunch.', 'Read 王小明小说大全 today', '今天我和王小明去了公园 lol ok']) {
      expect([text, rulesAlone(text)]).toEqual([text, []]);
    }
  });

  it("takes in an Arabic name's chain of particles after a person, and the head of a hyphenated name the rules read by its tail", () => {
    const text = "Called Ahmed bin Rashid Al Maktoum's office.";
    const start = text.indexOf('Ahmed');
    expect(text.slice(...tidyEdges(text, 'PERSON', start, start + 5))).toBe('Ahmed bin Rashid Al Maktoum');
    expect('Siti binti Abdullah came'.slice(...tidyEdges('Siti binti Abdullah came', 'PERSON', 0, 4))).toBe('Siti binti Abdullah');
    // Not German's "bin" after "Ich", which a tagger may read as a person.
    expect('Ich bin Student'.slice(...tidyEdges('Ich bin Student', 'PERSON', 0, 3))).toBe('Ich');
    expect(rulesAlone('Jean-Baptiste from accounting quit today.')).toEqual([['PERSON', 'Jean-Baptiste']]);
    expect(rulesAlone('Ngozi from HR called')).toEqual([['PERSON', 'Ngozi']]);
    expect(rulesAlone('Post-Brexit said nothing')).toEqual([]);
  });

  it('reads an organisation the lexicon knows by one word, passed over by the tagger, as one; not an English word, a band or a team', () => {
    expect(rulesAlone('HMRC sent a letter about my tax return.')).toEqual([['ORGANIZATION', 'HMRC']]);
    expect(rulesAlone('Paid the deposit into the bank (Barclays) on Friday.')).toEqual([['ORGANIZATION', 'Barclays']]);
    expect(rulesAlone('Called Vodafone about the bill.')).toEqual([['ORGANIZATION', 'Vodafone']]);
    expect(rulesAlone('Got a refund from Ryanair at last.')).toEqual([['ORGANIZATION', 'Ryanair']]);
    // Part of a longer capitalised name (left to the tagger), an English word ("Visa", "Ford"), a band, a team, in lower case.
    for (const text of ['Barclays Premier League tonight', 'Paid by Visa again', 'Saw Coldplay at the stadium', 'The Lakers won', 'called vodafone', 'Co-op run']) {
      expect([text, rulesAlone(text)]).toEqual([text, []]);
    }
  });

  it('reads a Polish street with its flat, postcode and town, and a Canadian postal code, whole', () => {
    expect(rulesAlone('My brother lives at ul. Długa 15/3, 00-238 Warszawa.')).toEqual([['STREET_ADDRESS', 'ul. Długa 15/3, 00-238 Warszawa']]);
    expect(rulesAlone('at al. Jerozolimskie 44')).toEqual([['STREET_ADDRESS', 'al. Jerozolimskie 44']]);
    // The tagger's name inside it is replaced ("ul. Nowy Świat" read as a person had left "12").
    expect(typed(detectPIIWith('ul. Nowy Świat 12', {}, wordModel({ ul: 'PERSON', '.': 'PERSON', nowy: 'PERSON', świat: 'PERSON' })))).toEqual([['STREET_ADDRESS', 'ul. Nowy Świat 12']]);
    expect(rulesAlone('Postal code M5R 2G3 please')).toEqual([['ZIP_CODE', 'M5R 2G3']]);
    // A place the shipped tagger read that ends inside a Canadian code ("… M5R 2G") is widened to its end.
    const reunion = 'The reunion is at 55 Avenue Road, Toronto ON M5R 2G3.';
    expect(obfuscate(reunion, detectPII(reunion), 'redact')).toBe('The reunion is at [STREET_ADDRESS].');
    for (const text of ['ul. Długa', 'Paid 15/3 of it', 'D1A 2B3 is no code', 'the A1B road']) expect([text, rulesAlone(text)]).toEqual([text, []]);
  });

  it('reads a street named in lower case with no number after "on", "down" or "along", not an idiom or a kind of road', () => {
    expect(rulesAlone('party at her flat on brick lane')).toEqual([['STREET_ADDRESS', 'brick lane']]);
    expect(rulesAlone('walked down kingsland road')).toEqual([['STREET_ADDRESS', 'kingsland road']]);
    for (const text of ['down memory lane', 'on the road again', 'living on easy street', 'in the fast lane', 'broke down near station road', 'on the high street', 'drove on icy road', 'on a dirt road']) {
      expect([text, rulesAlone(text)]).toEqual([text, []]);
    }
  });

  it("takes a lower-case O' surname after the tagger's \"mrs o\", and reads an unknown lower-case word before \"and his cousin\" and a person", () => {
    const text = "the kids' teacher mrs o'connell emailed";
    const start = text.indexOf('mrs');
    expect(text.slice(...tidyEdges(text, 'PERSON', start, start + 'mrs o'.length))).toBe("mrs o'connell");
    const clock = 'at five o\'clock';
    expect(clock.slice(...tidyEdges(clock, 'PERSON', 3, 'at five o'.length))).toBe('five o');
    expect(rulesAlone('went to nandos with ravi and his cousin imran')).toEqual([['PERSON', 'ravi'], ['PERSON', 'imran']]);
    expect(rulesAlone('went with ravi and his car')).toEqual([]);
  });

  it("takes in partners joined to a firm by an ampersand, and the name after a lower-case \"d'\" or \"l'\"", () => {
    expect(tagged('The solicitor (Harper & Lowe LLP) sent it.', { lowe: 'ORGANIZATION', llp: 'ORGANIZATION' })).toEqual([['ORGANIZATION', 'Harper & Lowe LLP']]);
    expect(tagged('Smith, Jones & Partners LLP wrote', { partners: 'ORGANIZATION', llp: 'ORGANIZATION' })).toEqual([['ORGANIZATION', 'Smith, Jones & Partners LLP']]);
    // Not a lower-case word before the ampersand, nor a person's span.
    expect(tagged('fish & Chips Ltd', { chips: 'ORGANIZATION', ltd: 'ORGANIZATION' })).toEqual([['ORGANIZATION', 'Chips Ltd']]);
    expect(tagged('Tom & Jerry', { jerry: 'PERSON' })).toEqual([['PERSON', 'Jerry']]);
    const text = "Skiing in Val d'Isère";
    expect(text.slice(...tidyEdges(text, 'PERSON', 10, 15))).toBe("Val d'Isère");
  });

  it('finds passwords listed after a word for them, a password or user name after "pass" or "user" alone, and a British plate', () => {
    const secrets = (text: string) => rulesAlone(text).filter(([type]) => type === 'SECRET' || type === 'USERNAME' || type === 'ID_NUMBER');
    expect(secrets('Passwords I keep forgetting: netflix is Summer2021! and the bank one is hunter22.')).toEqual([['SECRET', 'Summer2021'], ['SECRET', 'hunter22']]);
    expect(secrets('Password tips: the best is Correct42horse')).toEqual([['SECRET', 'Correct42horse']]);
    expect(secrets("Kid's school login: user aarav.m2015 / pass Dinosaur7")).toEqual([['USERNAME', 'aarav.m2015'], ['SECRET', 'Dinosaur7']]);
    expect(secrets('book MOT for KX19 FGH.')).toEqual([['ID_NUMBER', 'KX19 FGH']]);
    // No digit, another sentence, a count after "pass", an ordinary word after "user", a code of another form.
    for (const text of ['My password is too long. The weather is warm2day', 'I need to pass 2 exams', 'pass the M25 junction',
      'very user friendly.', 'user 2024 report', 'the user v2 API', 'the IQ12 ABC road', 'My score is abc123']) {
      expect([text, secrets(text)]).toEqual([text, []]);
    }
  });

  it('reads the surname after "Doctor" written out, not "Doctor Who", and a capitalised street with its kind in lower case', () => {
    expect(rulesAlone('Doctor Ferguson says my hip needs replacing.')).toEqual([['PERSON', 'Ferguson']]);
    expect(rulesAlone('Watched Doctor Who tonight')).toEqual([]);
    expect(rulesAlone('the park near Stryiska street')).toEqual([['STREET_ADDRESS', 'Stryiska street']]);
    for (const text of ['on Christmas road', 'in the High road', 'Stryiska street', 'down Memory lane']) expect([text, rulesAlone(text)]).toEqual([text, []]);
  });

  it("reads a chat log's speaker after the line's time, not a word that heads a note", () => {
    expect(rulesAlone('[14:02] Priya: are you coming tonight?\n[14:05] Me: yes\n21:15 - Chidinma Okafor: sure')).toEqual([['PERSON', 'Priya'], ['PERSON', 'Chidinma Okafor']]);
    for (const text of ['[09:00] Reminder: dentist', '[10:02] Note: buy milk', 'At 10:30 Priya: came', 'Priya: are you coming?']) expect([text, rulesAlone(text)]).toEqual([text, []]);
  });

  it('reads a lower-case address after "into" or "in" with its town, state and ZIP code, an ordinal avenue, and a handle ending in "_"', () => {
    expect(rulesAlone('moved into 1420 w maple ave apt 2, chicago il 60622 yesterday')).toEqual([['STREET_ADDRESS', '1420 w maple ave apt 2, chicago il 60622']]);
    expect(rulesAlone('checked into the hotel on 5th ave')).toEqual([['STREET_ADDRESS', '5th ave']]);
    expect(rulesAlone('her tiktok is lenapaints_')).toEqual([['USERNAME', 'lenapaints_']]);
    for (const text of ['came in 2nd place', 'in 5 minutes down the road', 'in 3 different ways']) expect([text, rulesAlone(text)]).toEqual([text, []]);
  });

  it('reads a name between commas after a child, a godparent, a mentor or a carer of the mind', () => {
    expect(rulesAlone("Our neighbour's kid, Bodhi, broke our window.")).toEqual([['PERSON', 'Bodhi']]);
    expect(tagged('my godfather, Rupert, gave me a bike', {})).toEqual([['PERSON', 'Rupert']]);
    expect(rulesAlone('the kid, Monday, was late')).toEqual([]);
  });

  it('reads a hotel, an inn or a hostel the tagger passed over like a hospital, not its kind alone', () => {
    expect(rulesAlone('Stayed at the Premier Inn near Gatwick, room 214.')).toEqual([['ORGANIZATION', 'Premier Inn'], ['LOCATION', 'Gatwick']]);
    for (const text of ['a budget hotel', 'booked a Youth Hostel', 'the Airport Hotel']) expect([text, rulesAlone(text)]).toEqual([text, []]);
  });

  it('reads an airport by its code in capitals or its name after a word of travel', () => {
    expect(rulesAlone('Landed at JFK at midnight.')).toEqual([['LOCATION', 'JFK']]);
    expect(rulesAlone('Flew from Heathrow to LAX.')).toEqual([['LOCATION', 'Heathrow'], ['LOCATION', 'LAX']]);
    expect(rulesAlone('a hotel near Gatwick')).toEqual([['LOCATION', 'Gatwick']]);
    // Not in lower case, not with no word of travel, not a name that is also a person's.
    for (const text of ['the rules are lax at work', 'JFK was president', 'talked to Logan', 'a letter to Pearson']) expect([text, rulesAlone(text)]).toEqual([text, []]);
  });
});


describe('PII rules for diary text (fourteenth session)', () => {
  it('reads an age in months or weeks, or in words, before "old"', () => {
    for (const [text, value] of [
      ['Our son is nine months old today.', 'nine'], ['My son is 9 months old.', '9'], ['a 3-month-old baby', '3'], ['my 18 month old', '18'],
      ['The puppy is ten weeks old.', 'ten'], ['She is thirty years old.', 'thirty'], ['Grandma is ninety-two years old', 'ninety-two'],
      ['a one year old', 'one'], ['she is six and a half years old', 'six and a half'],
    ] as const) {
      expect([text, rulesAlone(text)]).toEqual([text, [['AGE', value]]]);
    }
    // Digits before "years old" are the age recogniser's (once), a word that is no number is none, nor a duration.
    expect(rulesAlone('She is 34 years old.')).toEqual([['AGE', '34']]);
    for (const text of ['The bread is a week old.', 'many years old', 'nine months ago', 'ten weeks of old films', '200 months old']) {
      expect([text, rulesAlone(text)]).toEqual([text, []]);
    }
  });

  it('reads a word no lexicon knows after "i miss", and two of them joined by "and" after "with"', () => {
    for (const [text, names] of [
      ['i miss priya so much', ['priya']], ['I really miss nkechi', ['nkechi']], ['drinks with priya and dev tonight', ['priya', 'dev']],
      ['lunch with nkechi and aoife', ['nkechi', 'aoife']], ['with sarah and dev', ['sarah', 'dev']],
    ] as const) {
      expect([text, rulesAlone(text)]).toEqual([text, names.map((name) => ['PERSON', name])]);
    }
    // An English word, another cue of fondness, "miss" not said by the writer, or one word after "with" alone is none.
    for (const text of ['i miss home so much', 'i love bts', 'you miss priya', 'rice with tofu and kimchi', 'drinks with priya tonight', 'with sarah and work stuff']) {
      const expected = text === 'with sarah and work stuff' ? [['PERSON', 'sarah']] : [];
      expect([text, rulesAlone(text)]).toEqual([text, expected]);
    }
  });

  it('reads the public bodies a letter about benefits, tax or a visa comes from, and a surname after "Justice"', () => {
    for (const [text, value] of [['Got a letter from the DWP today', 'DWP'], ['The IRS audited us', 'IRS'], ['USCIS finally approved it', 'USCIS'], ['Called Centrelink again', 'Centrelink']] as const) {
      expect([text, rulesAlone(text)]).toEqual([text, [['ORGANIZATION', value]]]);
    }
    expect(rulesAlone('Justice Harrington read the verdict.')).toEqual([['PERSON', 'Harrington']]);
    // Not an English word after it, nor "Justice" alone.
    for (const text of ['The Justice Department opened a case.', 'Justice League again', 'Justice for all']) expect([text, rulesAlone(text)]).toEqual([text, []]);
  });

  it('reads the surname after a lower-case title with its full stop', () => {
    for (const [text, value] of [['appt with dr. nguyen at 3', 'nguyen'], ['saw dr. patel today', 'patel'], ['called mrs. mcgregor', 'mcgregor']] as const) {
      expect([text, rulesAlone(text)]).toEqual([text, [['PERSON', value]]]);
    }
    for (const text of ['went to the dr. then home', 'mr. right', 'dr. who is on']) expect([text, rulesAlone(text)]).toEqual([text, []]);
  });

  it('widens a street address by a unit written in lower case right before or after it', () => {
    // The tagger of these tests reads the street ("Road", "St" as STREET_ADDRESS words), the rule adds the unit.
    const streets = wordModel({ '19': 'STREET_ADDRESS', marchmont: 'STREET_ADDRESS', road: 'STREET_ADDRESS', '22b': 'STREET_ADDRESS', baker: 'STREET_ADDRESS', st: 'STREET_ADDRESS' });
    const read = (text: string) => typed(detectPIIWith(text, {}, streets));
    expect(read('I live in flat 4, 19 Marchmont Road.')).toEqual([['STREET_ADDRESS', 'flat 4, 19 Marchmont Road']]);
    expect(read('The shower is at 22B Baker St, flat 3.')).toEqual([['STREET_ADDRESS', '22B Baker St, flat 3']]);
    // Not a unit with no street beside it, nor a word that is no unit's.
    for (const text of ['The flat 4, she said, was nice.', 'I live in a flat, 19 Marchmont Road.']) {
      expect([text, read(text).filter(([type]) => type === 'STREET_ADDRESS').map(([, value]) => value)]).toEqual([text, text.includes('19') ? ['19 Marchmont Road'] : []]);
    }
  });

  it('reads a handle without its at sign after a verb of messaging or following, and a lower-case name after "my bestie"', () => {
    for (const [text, value] of [["DM'd marcus_j on discord", 'marcus_j'], ['followed sunny.sara_ back', 'sunny.sara_'], ['messaged jo.b99 about it', 'jo.b99'], ['blocked ex_boyfriend_2', 'ex_boyfriend_2']] as const) {
      expect([text, rulesAlone(text)]).toEqual([text, [['USERNAME', value]]]);
    }
    for (const text of ['DM me later', 'followed the rules', "I dm'd him", 'messaged mum at 5', 'added 2.5 kg']) expect([text, rulesAlone(text)]).toEqual([text, []]);
    expect(rulesAlone('Brunch with my bestie kezia')).toEqual([['PERSON', 'kezia']]);
    expect(rulesAlone('my bff tolu is here')).toEqual([['PERSON', 'tolu']]);
    expect(rulesAlone('my bestie lol')).toEqual([]);
  });

  it('reads a name or an organisation the tagger read into a British postcode as the street before it, house number and all', () => {
    const into = (type: string) => wordModel({ holloway: type, road: type, n: type });
    expect(typed(detectPIIWith('Viewing at 3 Holloway Road N7 8HS.', {}, into('PERSON')))).toEqual([['STREET_ADDRESS', '3 Holloway Road N7 8HS']]);
    expect(typed(detectPIIWith('Viewing at 3 Holloway Road N7 8HS.', {}, into('ORGANIZATION')))).toEqual([['STREET_ADDRESS', '3 Holloway Road N7 8HS']]);
    // No street's word before the postcode: a place, without the number before it.
    expect(typed(detectPIIWith('Meet at 3 Holloway N7 8HS.', {}, wordModel({ holloway: 'PERSON', n: 'PERSON' })))).toEqual([['LOCATION', 'Holloway N7 8HS']]);
    // A name that stops before the postcode is left as it is, the postcode beside it.
    expect(typed(detectPIIWith('Met Holloway in N7 8HS.', {}, wordModel({ holloway: 'PERSON' })))).toEqual([['PERSON', 'Holloway'], ['ZIP_CODE', 'N7 8HS']]);
  });

  it('reads a sort code after "sort" alone and a Cash App handle after the app\'s name', () => {
    expect(rulesAlone('acct 41928374, sort 20-45-77.')).toEqual([['ID_NUMBER', '41928374'], ['ID_NUMBER', '20-45-77']]);
    for (const [text, value] of [['Cash App: $tashk99', '$tashk99'], ['my cashapp is $JoBloggs', '$JoBloggs']] as const) {
      expect([text, rulesAlone(text)]).toEqual([text, [['USERNAME', value]]]);
    }
    for (const text of ['sort 12 items', 'sort the 10-12-14 files', 'Cash App sent $50', 'the $TSLA shares']) expect([text, rulesAlone(text)]).toEqual([text, []]);
  });

  it('reads a passport\'s number said later in its sentence, and a password after "pw"', () => {
    expect(rulesAlone('My passport expires 04/2027, number 533812764.')).toEqual([['ID_NUMBER', '533812764']]);
    expect(rulesAlone('wifi pw cherry2021')).toEqual([['SECRET', 'cherry2021']]);
    for (const text of ['passport photos, number 3 of 4', 'my passport. Number 533812764 is my locker', 'pw reset done', 'pw abcdef']) expect([text, rulesAlone(text)]).toEqual([text, []]);
  });

  it('reads a case\'s number after "case", and a numbered row of houses the tagger read as a name as an address', () => {
    expect(rulesAlone('Phoned the fraud team, case 55-01982.')).toEqual([['ID_NUMBER', '55-01982']]);
    for (const text of ['in case 2 people come', 'case 2024 was weird', 'a case of 12 bottles']) expect([text, rulesAlone(text)]).toEqual([text, []]);
    const houses = wordModel({ mill: 'ORGANIZATION', cottages: 'ORGANIZATION' });
    // (And the town after it, since the fifteenth session's towns after places.)
    expect(typed(detectPIIWith('We moved to 2 Mill Cottages, Ashby.', {}, houses))).toEqual([['STREET_ADDRESS', '2 Mill Cottages'], ['LOCATION', 'Ashby']]);
    // No number before it: left as the tagger read it.
    expect(typed(detectPIIWith('We love Mill Cottages.', {}, houses))).toEqual([['ORGANIZATION', 'Mill Cottages']]);
  });

  it('reads an organisation\'s initials in brackets after it or after the word for its kind; not a kind of clinic as a name', () => {
    expect(rulesAlone('My IVF clinic (CRGH) called with results.')).toEqual([['ORGANIZATION', 'CRGH']]);
    expect(typed(detectPIIWith('I work at Goldman Sachs (GS) now.', {}, wordModel({ goldman: 'ORGANIZATION', sachs: 'ORGANIZATION' })))).toEqual([['ORGANIZATION', 'Goldman Sachs'], ['ORGANIZATION', 'GS']]);
    for (const text of ['the school (KS2) report', 'a clinic (ok)', 'Booked the GP clinic for Monday', 'the Eye Clinic is shut']) expect([text, rulesAlone(text)]).toEqual([text, []]);
  });

  it('reads a given name in lower case after a word of paying or owing, not an English word', () => {
    for (const [text, value] of [['paid sarah back £20 on monzo', 'sarah'], ['i owe jake a tenner', 'jake'], ['someone else to pay conor the money', 'conor']] as const) {
      expect([text, rulesAlone(text)]).toEqual([text, [['PERSON', value]]]);
    }
    for (const text of ['paid bill on time', 'lent mark my charger', 'paid rent', 'owe nothing']) expect([text, rulesAlone(text)]).toEqual([text, []]);
  });

  it('reads a record, booking or penalty number right after MRN, PNR or PCN, and a handle after "as"', () => {
    for (const [text, value] of [['Hospital bracelet said MRN 00481923.', '00481923'], ['PNR X7Q2LK9 for the flight', 'X7Q2LK9'], ['PCN WK12345678 arrived', 'WK12345678']] as const) {
      expect([text, rulesAlone(text)]).toEqual([text, [['ID_NUMBER', value]]]);
    }
    expect(rulesAlone('I signed up as bex_92')).toEqual([['USERNAME', 'bex_92']]);
    for (const text of ['the MRN scanner broke', 'PNR ABCDEF', 'as well as the rest', 'as usual tbh']) expect([text, rulesAlone(text)]).toEqual([text, []]);
  });

  it('reads an organisation the lexicon knows, written in lower case, after a word of work', () => {
    for (const [text, value] of [['the job at deloitte', 'deloitte'], ['my shift at asda ran late', 'asda'], ['started at spotify on monday', 'spotify']] as const) {
      expect([text, rulesAlone(text)]).toEqual([text, [['ORGANIZATION', value]]]);
    }
    // Not an English word, a broadcaster, a place or without a word of work before it.
    for (const text of ['job at apple', 'the team at bbc', 'work at home today', 'i love deloitte']) expect([text, rulesAlone(text)]).toEqual([text, []]);
  });
});

describe('PII rules for diary text (fifteenth session)', () => {
  it('reads a virtue name before a verb of what people do, or after "with", a verb of meeting or one whose object is a person', () => {
    for (const [text, name] of [
      ['Hope called this morning.', 'Hope'], ['Coffee with Hope at ten.', 'Hope'], ['Drove Faith to her dentist.', 'Faith'],
      ['Then Joy came over with cake.', 'Joy'], ['We met Patience at the market.', 'Patience'], ['Texted Mercy about Friday.', 'Mercy'],
    ]) {
      expect([text, rulesAlone(text!)]).toEqual([text, [['PERSON', name]]]);
    }
    // Not before another verb, nor after a verb that takes things, nor in lower case, nor inside a longer name.
    for (const text of ['Hope springs eternal.', 'I have Hope.', 'Kept the Faith.', 'Peace talks stalled.', 'coffee with hope at ten', 'Grace Kelly Hope called']) {
      expect([text, rulesAlone(text).filter(([type]) => type === 'PERSON')]).toEqual([text, []]);
    }
  });

  it('reads no age of a thing weeks or months old, and still the age of a baby or a puppy', () => {
    const ages = (text: string) => rulesAlone(text).filter(([type]) => type === 'AGE');
    for (const text of ['Ate a two-week-old loaf, gross.', 'Found three-month-old emails.', 'a 2-week-old bruise']) expect([text, ages(text)]).toEqual([text, []]);
    for (const [text, value] of [['Holding a two-week-old baby.', 'two'], ['a 10-week-old puppy', '10'], ['my 18 month old is teething', '18']]) {
      expect([text, ages(text!)]).toEqual([text, [['AGE', value]]]);
    }
  });

  it('takes in the rest of a surname after a particle written with a capital, and a district after a place and a comma', () => {
    const text = 'Saw my old teacher, Mrs Van der Berg, at the shop.';
    expect(text.slice(...tidyEdges(text, 'PERSON', 20, 27))).toBe('Mrs Van der Berg');
    const alone = 'Mrs Van is here.';
    expect(alone.slice(...tidyEdges(alone, 'PERSON', 0, 7))).toBe('Mrs Van');
    const towns = (value: string) => typed(detectPIIWith(value, {}, none).filter((s) => s.source === 'rule:town-after-place'));
    expect(towns("The wedding is at St Mary's, Putney.")).toEqual([['LOCATION', 'Putney']]);
    const places = wordModel({ leeds: 'LOCATION', london: 'LOCATION', paris: 'LOCATION', acme: 'ORGANIZATION' });
    expect(typed(detectPIIWith('Lunch at Acme, Shoreditch.', {}, places))).toEqual([['ORGANIZATION', 'Acme'], ['LOCATION', 'Shoreditch']]);
    for (const value of ['We met in Leeds, Tuesday.', 'Back in London, again.', 'in Paris, Sarah.', 'at Acme, Shoreditch said']) {
      expect([value, typed(detectPIIWith(value, {}, places).filter((s) => s.source === 'rule:town-after-place'))]).toEqual([value, []]);
    }
  });

  it('reads a tracking number right after "tracking": ten characters or more, six digits among them', () => {
    const tracking = (value: string) => typed(detectPIIWith(value, {}, none).filter((s) => s.source === 'regex:tracking-bare'));
    expect(tracking('Parcel from DPD: tracking 15501234567890.')).toEqual([['ID_NUMBER', '15501234567890']]);
    expect(tracking('tracking JD0146000038 came today')).toEqual([['ID_NUMBER', 'JD0146000038']]);
    for (const value of ["I'm tracking 12345678 calories", 'tracking TRACKINGNO1', 'tracking my sleep']) expect([value, tracking(value)]).toEqual([value, []]);
  });

  it("reads a flight's number after \"flight\": a two- or three-character airline code in capitals and its digits", () => {
    for (const [text, value] of [
      ['Flight BA2490 to Rome', 'BA2490'], ['on flight EZY8671 tomorrow', 'EZY8671'], ['flight no. U2 1234 boards at 6', 'U2 1234'],
      ['Flight number: 9W 117', '9W 117'],
    ] as [string, string][]) {
      expect([text, detectPII(text).filter((s) => s.source === 'regex:flight-number').map((s) => s.text)]).toEqual([text, [value]]);
    }
    for (const text of ['Our flight was 2 hours late.', 'the flight to Rome', 'flights BA2490', 'flight ba2490', 'in-flight WiFi 24/7']) {
      expect([text, detectPII(text).filter((s) => s.source === 'regex:flight-number')]).toEqual([text, []]);
    }
  });
});

describe('PII rules for diary text (sixteenth session)', () => {
  it('reads an unknown given name with the ending of a noun in -ty, -cy or -ys, and not an abstract noun with one', () => {
    for (const [text, name] of [
      ['Kirsty came round.', 'Kirsty'], ['I told Hetty about it.', 'Hetty'], ['Walked with Letty.', 'Letty'], ['Cerys is moving.', 'Cerys'],
      ['Glenys said no.', 'Glenys'], ['Tayo works nights.', 'Tayo'],
    ]) {
      expect([text, rulesAlone(text!)]).toEqual([text, [['PERSON', name]]]);
    }
    // Abstract nouns the lexicon and the word lists lack keep their ending ("-ity", "-ety", "-ency").
    for (const text of ['Hypersexuality said nothing.', 'Sweety said hi.', 'Cryptocurrency said otherwise.']) {
      expect([text, rulesAlone(text).filter(([type]) => type === 'PERSON')]).toEqual([text, []]);
    }
  });

  it('reads a shop named by an English word right after a preposition, "Amazon" anywhere but after "the", and "eBay"', () => {
    for (const [text, name] of [
      ['Went to Target for nappies.', 'Target'], ['a meal deal from Boots', 'Boots'], ['Returned it to Next.', 'Next'],
      ['Ink at Staples, again.', 'Staples'], ['Amazon lost my parcel.', 'Amazon'], ['Found it on Amazon.', 'Amazon'], ['a lamp off eBay', 'eBay'],
    ]) {
      expect([text, rulesAlone(text!)]).toEqual([text, [['ORGANIZATION', name]]]);
    }
    // Opening a sentence, in lower case, in capitals, after "the", or the first word of a longer name.
    for (const text of ['Next week is busy.', 'Target practice again.', 'new boots from the market', 'at TARGET', 'the Amazon rainforest', 'at Next Level Fitness']) {
      expect([text, rulesAlone(text).filter(([type]) => type === 'ORGANIZATION')]).toEqual([text, []]);
    }
  });

  it('reads a user name right after a seller\'s or user\'s role, with a digit, "_" or an inner full stop', () => {
    const names = (text: string) => detectPII(text, { ner: false }).filter((s) => s.type === 'USERNAME').map((s) => s.text);
    for (const [text, name] of [
      ['The seller bigdeals_uk refunded me.', 'bigdeals_uk'], ['a redditor called throwaway_8812 replied', 'throwaway_8812'],
      ['Our host lena.k92 was lovely.', 'lena.k92'], ['the buyer @mike77 never paid', '@mike77'],
    ]) {
      expect([text, names(text!)]).toEqual([text, [name]]);
    }
    for (const text of ['The seller refunded me.', 'Classic user error.', 'user 2 logged in', 'the host 2nd time round', 'the seller e.g. said', "the user's guide"]) {
      expect([text, names(text)]).toEqual([text, []]);
    }
  });

  it('reads a surname that is also a word after "Justice" when it is a common one, and a wharf or quay by its name', () => {
    expect(rulesAlone('Justice Brown adjourned the hearing.')).toEqual([['PERSON', 'Brown']]);
    expect(rulesAlone('Magistrate Green fined him.')).toEqual([['PERSON', 'Green']]);
    for (const text of ['The Justice Department sued.', 'Justice Secretary resigned.', 'Justice Cook dismissed it.']) {
      expect([text, rulesAlone(text)]).toEqual([text, []]);
    }
    for (const [text, place] of [['Works in Canary Wharf now.', 'Canary Wharf'], ['Walked along Salford Quays.', 'Salford Quays']]) {
      expect([text, rulesAlone(text!)]).toEqual([text, [['LOCATION', place]]]);
    }
  });

  it('reads a family after "with the" by a name the lexicon files as a given name, and a household\'s help between commas', () => {
    expect(rulesAlone('Dinner with the Nguyens.')).toEqual([['PERSON', 'Nguyens']]);
    expect(rulesAlone('Paid the maid, Lakshmi, her salary.')).toEqual([['PERSON', 'Lakshmi']]);
    expect(rulesAlone('The caseworker, Precious, was lovely.')).toEqual([['PERSON', 'Precious']]);
    // Not without "with" or a verb of meeting before "the", nor a day between the commas.
    for (const text of ['The Nguyens is a shop.', 'Paid the maid, Monday, her salary.']) expect([text, rulesAlone(text)]).toEqual([text, []]);
    // And after "hosted" or "visiting the", not after "for the", which teams follow.
    expect(rulesAlone('Visiting the Lindqvists in June.')).toEqual([['PERSON', 'Lindqvists']]);
    expect(rulesAlone('We hosted the Okonkwos.')).toEqual([['PERSON', 'Okonkwos']]);
    expect(rulesAlone('Rooting for the Rams again.')).toEqual([]);
  });

  it('reads a place or a business named between commas after the word for what it is, "the" or a possessive before that', () => {
    const apposed = (text: string) => typed(detectPIIWith(text, {}, none).filter((s) => s.source === 'rule:apposed-place'));
    for (const [text, type, name] of [
      ["Mum's care home, Oakwood Lodge, called.", 'LOCATION', 'Oakwood Lodge'], ['My gym, PureGym Walthamstow, is closing.', 'ORGANIZATION', 'PureGym Walthamstow'],
      ['Drinks at our local, the Fox and Hounds, with Ben.', 'LOCATION', 'Fox and Hounds'], ['Her school, Hillcrest, rang.', 'ORGANIZATION', 'Hillcrest'],
    ]) {
      expect([text, apposed(text!)]).toEqual([text, [[type, name]]]);
    }
    // Not a day, a relative, a function word or an ordinary word between the commas, no closing comma, or no "the" or possessive.
    for (const text of ['At the school, Monday was chaos.', 'We went home, Mum said, after tea.', 'The gym, I think, is shut.', 'At the hospital, Mum was calm.', 'Gym, Pilates, then bed.', 'The pub, Honestly, was dead.']) {
      expect([text, apposed(text)]).toEqual([text, []]);
    }
  });

  it('reads a town of 50,000 people or more written in lower case after "in", "to" or "from", and no English word', () => {
    const towns = (text: string) => typed(detectPIIWith(text, {}, none).filter((s) => s.source === 'rule:lower-case-place'));
    for (const [text, town] of [
      ['back in swansea for the weekend', 'swansea'], ['moving to enugu next year', 'enugu'], ['we drove from garden grove', 'garden grove'],
      ['she lives in kiel', 'kiel'],
      // Seventeenth session: towns that are also given names or surnames, or that the lexicon files as a word.
      ['went to florence yesterday', 'florence'], ['flying back to houston', 'houston'], ['gig in wembley tonight', 'wembley'],
    ]) {
      expect([text, towns(text!)]).toEqual([text, [['LOCATION', town]]]);
    }
    for (const text of ['in bed by ten', 'went to uni late', 'back in reading the book', 'stuck in traffic', 'came in orange', 'went to toyota']) {
      expect([text, towns(text)]).toEqual([text, []]);
    }
    // The list holds no English word and no name the rules' lexicon files as a firm, a group or a date; it holds towns
    // that are also given names or surnames.
    const lexicon = ruleLexicon();
    const english = englishWords();
    const names = [...townNames()];
    expect(names.length).toBeGreaterThan(5000);
    expect(names.filter((name) => english.has(name) || (lexicon.has(name) && !['place', 'first', 'last', 'word'].includes(lexicon.get(name)!)))).toEqual([]);
    expect(['houston', 'austin', 'lincoln', 'wembley'].filter((name) => !townNames().has(name))).toEqual([]);
    // Capitalised, after such a word, where the tagger passed it over; not without one.
    expect(typed(detectPIIWith('Finally met my penpal in Malmö!', {}, none).filter((s) => s.source === 'rule:known-place'))).toEqual([['LOCATION', 'Malmö']]);
    expect(typed(detectPIIWith('Malmö was great!', {}, none).filter((s) => s.source === 'rule:known-place'))).toEqual([]);
  });

  it('reads an unknown word opening a clause of lower-case chat before a verb of what people do, and a name after "talked to"', () => {
    const names = (text: string) => typed(detectPIIWith(text, {}, none).filter((s) => s.source === 'rule:lower-case-name'));
    for (const [text, found] of [
      ['omg priya got engaged to ravi!!!', [['PERSON', 'priya'], ['PERSON', 'ravi']]], ['priya said no', [['PERSON', 'priya']]],
      ['talked to siobhan for ages', [['PERSON', 'siobhan']]], ['so then ravi texted me', [['PERSON', 'ravi']]],
    ] as [string, [string, string][]][]) {
      expect([text, names(text)]).toEqual([text, found]);
    }
    expect(names('ran into jordan at the shops')).toEqual([['PERSON', 'jordan']]);
    // Not a chat word, a pronoun or a plural in -ies.
    for (const text of ['ugh the ppl said no', 'we talked to them', 'why are you talking to aspies?', 'so then lol said nothing', 'ran into traffic']) {
      expect([text, names(text)]).toEqual([text, []]);
    }
  });

  it('reads an unknown name before "has" or "had" and an illness, and a short given name in -er before a verb', () => {
    for (const [text, name] of [['Jaxon has strep again.', 'Jaxon'], ['jaxon has strep again', 'jaxon'], ['Skyler came out to us.', 'Skyler'], ['Ryder said no.', 'Ryder']]) {
      expect([text, rulesAlone(text!)]).toEqual([text, [['PERSON', name]]]);
    }
    // Not a firm with something that is no illness, nor a word in -er whose stem is a word, nor a long one.
    for (const text of ['Kwikfit has fees now.', 'Boomer said ok.', 'Stormtrooper said hi.']) expect([text, rulesAlone(text)]).toEqual([text, []]);
  });

  it('reads a venue after an at sign written for "at", with a space after it, and no English word, day or handle', () => {
    const venues = (text: string) => typed(detectPIIWith(text, {}, none).filter((s) => s.source === 'rule:venue-at-sign'));
    for (const [text, venue] of [['Lunch @ Wagamama w/ Jules', 'Wagamama'], ['Drinks @ The Ivy tonight', 'The Ivy'], ['Gig @ Music Box SEP 21', 'Music Box']]) {
      expect([text, venues(text!)]).toEqual([text, [['LOCATION', venue]]]);
    }
    for (const text of ['Working @ Home today', 'Meeting @ 8', 'Lunch @ Monday', 'follow @Wagamama', 'Ping me @ Slack']) expect([text, venues(text)]).toEqual([text, []]);
  });

  it('reads a shop of the lexicon in lower case after "at", "from" or "off", and a name signed after a dash at a line\'s end', () => {
    for (const [text, found] of [
      ['shopping at tesco again', [['ORGANIZATION', 'tesco']]], ['a refund from asda', [['ORGANIZATION', 'asda']]], ['a lamp off ebay', [['ORGANIZATION', 'ebay']]],
      ['Thanks again — Raf', [['PERSON', 'Raf']]], ['Thanks for everything.\n— Raf x', [['PERSON', 'Raf']]], ['See you soon - Kemi Adeyemi', [['PERSON', 'Kemi Adeyemi']]],
    ] as [string, [string, string][]][]) {
      expect([text, rulesAlone(text)]).toEqual([text, found]);
    }
    // Not a platform one is "on", a day, a relative or an English word after the dash, nor a name the line goes on after.
    for (const text of ['posted it on reddit', 'Great day — Tuesday', 'Love you lots — Mum', 'That was fun — Really', 'Score: 5 - 2']) {
      expect([text, rulesAlone(text)]).toEqual([text, []]);
    }
  });
});

describe('PII rules for diary text (seventeenth session)', () => {
  const found = (text: string, source: string) => typed(detectPIIWith(text, {}, none).filter((s) => s.source === source));

  it('reads a date of birth after "is", an NHS number after a lower-case label, a handle after its platform, a lower-case flight', () => {
    expect(found('My date of birth is 04/07/1988.', 'regex:dob')).toEqual([['DATE_OF_BIRTH', '04/07/1988']]);
    expect(found("Mum's DOB was 1958-11-02", 'regex:dob')).toEqual([['DATE_OF_BIRTH', '1958-11-02']]);
    expect(found('my nhs no is 9434765919', 'regex:labelled-id')).toEqual([['ID_NUMBER', '9434765919']]);
    for (const [text, handle] of [['find me on twitter as bobbyjones88', 'bobbyjones88'], ["she's on insta as jess.xo lol", 'jess.xo'], ['I post on reddit under throwaway_sadgirl', 'throwaway_sadgirl'], ['on tiktok as Zorbly', 'Zorbly']]) {
      expect([text, found(text!, 'regex:username-on-platform')]).toEqual([text, [['USERNAME', handle]]]);
    }
    // Not an English word, a word the lexicon knows or an account that is no one's.
    for (const text of ['we chat on discord as usual', 'on twitter as well as facebook', 'on reddit as admin', 'on insta as Friends']) {
      expect([text, found(text, 'regex:username-on-platform')]).toEqual([text, []]);
    }
    expect(found('Booked on flight ua901 tomorrow.', 'regex:flight-number-lower')).toEqual([['ID_NUMBER', 'ua901']]);
    for (const text of ['the flight in 10 minutes', 'flight at 1030', 'flight ua 901']) expect([text, found(text, 'regex:flight-number-lower')]).toEqual([text, []]);
  });

  it('reads the party one votes for or joins after a verb of voting or membership, and no party without one', () => {
    for (const [text, party] of [
      ['I voted Labour for the first time.', 'Labour'], ['Dad has voted Tory all his life', 'Tory'], ['She joined the Green Party.', 'Green Party'],
      ["I'm a member of the SNP", 'SNP'], ['voting for the Lib Dems', 'Lib Dems'], ['canvassing for Sinn Féin', 'Sinn Féin'],
    ]) {
      expect([text, found(text!, 'regex:party-vote')]).toEqual([text, [['NRP', party]]]);
    }
    for (const text of ['I voted in the election', 'Labour was long, the baby came at 3am', 'a green party dress', 'voted labour']) {
      expect([text, found(text, 'regex:party-vote')]).toEqual([text, []]);
    }
  });

  it('reads a place or business named after "called" or "named" right after what it is, and no English word alone', () => {
    for (const [text, type, name] of [
      ['I grew up in a village called Little Snoring.', 'LOCATION', 'Little Snoring'], ['There is a cafe called Bean There near work.', 'ORGANIZATION', 'Bean There'],
      ['I work for a startup named Flowly.', 'ORGANIZATION', 'Flowly'], ['Our school was called Hillbrook', 'ORGANIZATION', 'Hillbrook'],
      ['a pub called the Fox and Hounds', 'ORGANIZATION', 'Fox and Hounds'], ['a hamlet called Nether Wallop', 'LOCATION', 'Nether Wallop'],
    ]) {
      expect([text, found(text!, 'rule:place-called')]).toEqual([text, [[type, name]]]);
    }
    // Not an English word or a day alone, not without an article or possessive, not after another noun.
    for (const text of ['a charity called Shelter', 'a street called Monday', 'village called Little Snoring', 'a dog called Biscuit', 'a guy called Dave']) {
      expect([text, found(text, 'rule:place-called')]).toEqual([text, []]);
    }
  });

  it('cuts an address or place that ran on into the next sentence at its full stop, not at an abbreviation\'s', () => {
    const edges = (text: string, type: string, value: string) => text.slice(...tidyEdges(text, type, text.indexOf(value), text.indexOf(value) + value.length));
    expect(edges('Send it to 12 Elm Street\n Springfield\n USA. Thanks', 'STREET_ADDRESS', '12 Elm Street\n Springfield\n USA. Thanks')).toBe('12 Elm Street\n Springfield\n USA');
    expect(edges('a taxi to 124 Devon Street\n West Brook\n New Zealand. Please call', 'LOCATION', '124 Devon Street\n West Brook\n New Zealand.')).toBe('124 Devon Street\n West Brook\n New Zealand');
    for (const [text, value] of [['Meet at 5 St. Mary\'s Road today', "5 St. Mary's Road"], ['He lives in St. Louis. It is hot.', 'St. Louis'], ['Flat 2, 10 Downing St. London', '10 Downing St. London'], ['Apt. 4 Elm Court', 'Apt. 4 Elm Court']]) {
      expect(edges(text!, 'STREET_ADDRESS', value!)).toBe(value);
    }
  });

  it('reads a postal address written on one line as street, town and country between commas as one address', () => {
    const spans = (text: string, parts: [string, string][]) => fullPostalAddresses(text, parts.map(([type, value]) => {
      const start = text.indexOf(value);
      return { type: type as PiiSpan['type'], start, end: start + value.length, text: value, confidence: 0.8, source: 'ner:tagger' };
    })).map((s) => [s.type, s.text]);
    expect(spans('Send it to 0912 P.O. Box 287 Apt. 051, Tallinn, Estonia for me', [['STREET_ADDRESS', '0912 P.O. Box 287 Apt. 051, Tallinn'], ['LOCATION', 'Estonia']]))
      .toEqual([['STREET_ADDRESS', '0912 P.O. Box 287 Apt. 051, Tallinn, Estonia']]);
    expect(spans('5586 Þórunnarstræti 31, Arnsdorf, Germany 02151', [['STREET_ADDRESS', '5586 Þórunnarstræti 31'], ['LOCATION', 'Arnsdorf'], ['LOCATION', 'Germany'], ['ZIP_CODE', '02151']]))
      .toEqual([['STREET_ADDRESS', '5586 Þórunnarstræti 31, Arnsdorf, Germany 02151']]);
    // A street and its town alone, no country at the end, words between, or parts on other lines stay apart.
    for (const [text, parts] of [
      ['975 Bay Street, Toronto', [['STREET_ADDRESS', '975 Bay Street'], ['LOCATION', 'Toronto']]],
      ['12 Elm St, Springfield, Narnia', [['STREET_ADDRESS', '12 Elm St'], ['LOCATION', 'Springfield'], ['LOCATION', 'Narnia']]],
      ['We met at 5 Main St, then went to Paris, France.', [['STREET_ADDRESS', '5 Main St'], ['LOCATION', 'Paris'], ['LOCATION', 'France']]],
      ['Lunch with Ana, Paris, France', [['PERSON', 'Ana'], ['LOCATION', 'Paris'], ['LOCATION', 'France']]],
    ] as [string, [string, string][]][]) {
      expect([text, spans(text, parts)]).toEqual([text, parts]);
    }
  });

  it('widens a place by the rest of its name after a particle and drops what the tagger read inside it', () => {
    const span = (text: string, type: string, value: string): PiiSpan => {
      const start = text.indexOf(value);
      return { type: type as PiiSpan['type'], start, end: start + value.length, text: value, confidence: 0.8, source: 'ner:tagger' };
    };
    const text = 'Looking to support MysticWeb in Quinta de São Tiago 3610-114 now';
    expect(typed(placeParticleTails(text, [span(text, 'ORGANIZATION', 'MysticWeb'), span(text, 'LOCATION', 'Quinta'), span(text, 'ORGANIZATION', 'São Tiago')])))
      .toEqual([['ORGANIZATION', 'MysticWeb'], ['LOCATION', 'Quinta de São Tiago']]);
    expect(typed(placeParticleTails('born in Villafranca del Cid.', [span('born in Villafranca del Cid.', 'LOCATION', 'Villafranca')]))).toEqual([['LOCATION', 'Villafranca del Cid']]);
    // Not a day, a month or an ordinary word after the particle, not after a person.
    for (const [t, type, value] of [['Paris de Tuesday', 'LOCATION', 'Paris'], ['Frankfurt am Main', 'LOCATION', 'Frankfurt'], ['Maria de Souza', 'PERSON', 'Maria']]) {
      expect([t, typed(placeParticleTails(t!, [span(t!, type!, value!)]))]).toEqual([t, [[type, value]]]);
    }
  });

  it('reads a name known from a service, lower-case owners and children, towns named like people or words, and everyday firms', () => {
    expect(found('Carys from the food bank dropped off a parcel.', 'rule:subject-name')).toEqual([['PERSON', 'Carys']]);
    expect(found('Ffion from the council rang.', 'rule:subject-name')).toEqual([['PERSON', 'Ffion']]);
    expect(found('Pic from the bank', 'rule:subject-name')).toEqual([]);
    for (const [text, town] of [['We left Houston in May.', 'Houston'], ['Drove through Lincoln.', 'Lincoln'], ['A gig in Wembley!', 'Wembley'], ['Gig at Wembley tonight', 'Wembley']]) {
      expect([text, found(text!, 'rule:known-place')]).toEqual([text, [['LOCATION', town]]]);
    }
    // A town named like a person under 200,000 people is left out ("talked to Logan").
    expect(townNames().has('logan')).toBe(false);
    // In lower case: a name owning a relative or a household thing, a child taken or fetched, a surname after "prof".
    for (const [text, name] of [
      ["kev's wedding is in june", 'kev'], ["priya's mum called", 'priya'], ['picked up oscar from nursery', 'oscar'], ['dropped off oscar at school', 'oscar'],
      ['essay for prof langley', 'langley'], ['essay for dr. langley', 'langley'],
    ]) {
      expect([text, found(text!, 'rule:lower-case-name')]).toEqual([text, [['PERSON', name]]]);
    }
    for (const text of ["everyone's birthday", "bestie's wedding", "nan's birthday", "wifey's mum", 'picked up milk from the shop', 'picked up pizza from the place']) {
      expect([text, found(text, 'rule:lower-case-name')]).toEqual([text, []]);
    }
    // A firm with a branch's place after it, or alone before a capitalised English word; nothing before a shout.
    for (const [text, firm] of [['the gym at PureGym Wandsworth.', 'PureGym Wandsworth'], ['the OpenAI Guidelines say', 'OpenAI']]) {
      expect([text, found(text!, 'rule:known-firm')]).toEqual([text, [['ORGANIZATION', firm]]]);
    }
    expect(found('REDDIT PLZ FIX THIS', 'rule:known-firm')).toEqual([]);
    for (const [text, firm] of [['My Lloyds card got cloned.', 'Lloyds'], ['Gave a talk at UCL.', 'UCL'], ['sold the pram on Gumtree', 'Gumtree'], ['lunch at pret again', 'pret']]) {
      expect([text, found(text!, 'rule:known-firm')]).toEqual([text, [['ORGANIZATION', firm]]]);
    }
  });
});

describe('PII rules for addresses (eighteenth session)', () => {
  /** buildingNumbers() over spans given as [type, value] (each value's first place in the text). */
  const numbered = (text: string, parts: [string, string][]): [string, string][] => typed(buildingNumbers(text, parts.map(([type, value]) => {
    const start = text.indexOf(value);
    return { type: type as PiiSpan['type'], start, end: start + value.length, text: value, confidence: 0.8, source: 'ner:tagger' };
  })));

  it('reads two house numbers in a row as a building and a street where the address ends at its street or town', () => {
    expect(numbered('His address: 580 60 Balsham Road', [['STREET_ADDRESS', '580 60 Balsham Road']])).toEqual([['STREET_ADDRESS', '580'], ['STREET_ADDRESS', '60 Balsham Road']]);
    expect(numbered('his address: 975 3968 Bay Street, Toronto', [['STREET_ADDRESS', '975 3968 Bay Street, Toronto']]))
      .toEqual([['STREET_ADDRESS', '975'], ['STREET_ADDRESS', '3968 Bay Street'], ['LOCATION', 'Toronto']]);
    expect(numbered('The bus drops you off at 9383 ul. Chrzanowska 61 St.', [['LOCATION', '9383 ul. Chrzanowska 61']])).toEqual([['STREET_ADDRESS', '9383'], ['STREET_ADDRESS', 'ul. Chrzanowska 61']]);
    // A street whose name opens like a month's is still a street; a month, a day or a year is not.
    expect(numbered('his address: 580 12 Mayfield Road', [['STREET_ADDRESS', '580 12 Mayfield Road']])).toEqual([['STREET_ADDRESS', '580'], ['STREET_ADDRESS', '12 Mayfield Road']]);
    for (const value of ['18 Sep 04', '18 Sept. 4', '2 Monday 14', '43 IST 2015']) {
      expect([value, numbered(`on ${value}`, [['STREET_ADDRESS', value]])]).toEqual([value, [['STREET_ADDRESS', value]]]);
    }
    // One house number, a flat after the street, a country after the town, more words after it, or a digit in the town: as it was.
    for (const [text, value] of [
      ['I live at 42 Baker Street, London', '42 Baker Street, London'],
      ['at 580 60 Balsham Road Apt. 3', '580 60 Balsham Road Apt. 3'],
      ['at 580 60 Balsham Road, France', '580 60 Balsham Road, France'],
      ['at 580 60 Balsham Road near the park', '580 60 Balsham Road'],
      ['at 580 60 Balsham Road, Leeds 4', '580 60 Balsham Road, Leeds 4'],
      ['at 12 34 people', '12 34 people'],
    ] as [string, string][]) {
      expect([text, numbered(text, [['STREET_ADDRESS', value]])]).toEqual([text, [['STREET_ADDRESS', value]]]);
    }
  });

  it('joins a building number read apart to the street after it where the address goes on past the street', () => {
    expect(numbered('12521 Belgrád rkp. 18. Apt. 417 Csipkerek Vas', [['ZIP_CODE', '12521'], ['STREET_ADDRESS', 'Belgrád rkp. 18. Apt. 417 Csipkerek Vas']]))
      .toEqual([['STREET_ADDRESS', '12521 Belgrád rkp. 18. Apt. 417 Csipkerek Vas']]);
    expect(numbered('338 17 St Omers Road, Beauwelz, Belgium', [['LOCATION', '338'], ['STREET_ADDRESS', '17 St Omers Road, Beauwelz, Belgium']]))
      .toEqual([['STREET_ADDRESS', '338 17 St Omers Road, Beauwelz, Belgium']]);
    // Not a street and its town alone, not a street without its own number, not words between, not across a line.
    for (const [text, parts] of [
      ['5049 Harjukuja 54, SEINÄJOKI', [['STREET_ADDRESS', '5049'], ['STREET_ADDRESS', 'Harjukuja 54, SEINÄJOKI']]],
      ['5049 Harjukuja Apt. 4', [['STREET_ADDRESS', '5049'], ['STREET_ADDRESS', 'Harjukuja Apt. 4']]],
      ['5049 to 12 Elm St Apt. 4', [['STREET_ADDRESS', '5049'], ['STREET_ADDRESS', '12 Elm St Apt. 4']]],
      ['5049\n12 Elm St Apt. 4', [['STREET_ADDRESS', '5049'], ['STREET_ADDRESS', '12 Elm St Apt. 4']]],
      ['Room 5049 12 Elm St Apt. 4', [['PERSON', '5049'], ['STREET_ADDRESS', '12 Elm St Apt. 4']]],
    ] as [string, [string, string][]][]) {
      expect([text, numbered(text, parts)]).toEqual([text, parts]);
    }
  });

  it('splits and joins them in detectPII', () => {
    const places = (text: string) => detectPII(text).filter((s) => s.type === 'STREET_ADDRESS' || s.type === 'LOCATION').map((s) => s.text);
    expect(places('David had given Angel his address: 580 60 Balsham Road')).toEqual(['580', '60 Balsham Road']);
  });
});
