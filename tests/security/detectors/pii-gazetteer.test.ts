import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gazetteer } from '../../../src/security/pii/gazetteer.js';
import { GAZETTEER_DATA } from '../../../src/security/pii/gazetteer-data.js';
import { PLACES_DATA } from '../../../src/security/pii/gazetteer-places-data.js';

/** The words of one generated gazetteer file by class. */
function decode(data: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of gunzipSync(Buffer.from(data, 'base64')).toString('utf8').split('\n')) {
    const [cls, ...words] = line.split('\t');
    out.set(cls!, words);
  }
  return out;
}

describe('the PII gazetteer with GeoNames place words', () => {
  const gaz = gazetteer();

  it('knows real places compromise lacks, as whole names or words of longer names, diacritics kept', () => {
    expect(gaz.get('kiel')).toBe('city');
    expect(gaz.get('lappeenranta')).toBe('city');
    expect(gaz.get('jyväskylä')).toBe('city');
    expect(gaz.get('angeles')).toBe('city-part');
  });

  it("keeps compromise's classes, so a place class never replaces a name, place or ordinary word", () => {
    expect(gaz.get('paris')).toBe('place');
    expect(gaz.get('anna')).toBe('first');
    expect(gaz.get('smith')).toBe('last');
    expect(gaz.get('orange')).toBe('word');
    expect(gaz.get('reading')).toBe('word');
    const lexicon = decode(GAZETTEER_DATA);
    for (const [cls, words] of lexicon) for (const w of words.slice(0, 2000)) expect(gaz.get(w), w).toBe(cls);
  });

  it('gives common English words that are also town names no place class', () => {
    for (const w of ['bath', 'liberty', 'college', 'temple', 'independence', 'buffalo', 'eagle']) {
      expect(['city', 'city-part']).not.toContain(gaz.get(w));
    }
  });

  it('holds only lower-case single words, none of them in the lexicon, in a file of modest size', () => {
    const places = decode(PLACES_DATA);
    const lexiconWords = new Set([...decode(GAZETTEER_DATA).values()].flat());
    expect([...places.keys()].sort()).toEqual(['city', 'city-part']);
    const words = [...places.values()].flat();
    expect(words.length).toBeGreaterThan(10_000);
    for (const w of words) {
      expect(w).toBe(w.toLowerCase());
      expect(w).toMatch(/^[\p{L}\p{M}]{2,}$/u);
      expect(lexiconWords.has(w)).toBe(false);
    }
    expect(PLACES_DATA.length).toBeLessThan(400 * 1024);
  });
});
