import { describe, expect, it } from 'vitest';
import { extractTags, mergeTags } from '../../src/core/tags.js';

describe('extractTags', () => {
  it('finds @words, normalised, once each, in order', () => {
    expect(extractTags('Lunch with @Sam about @work. Then @work again, and @SAM.')).toEqual(['sam', 'work']);
  });

  it('does not take email addresses or handles inside words for tags', () => {
    expect(extractTags('mail me at a@b.com or x.y@example.org')).toEqual([]);
  });

  it('accepts tags at line starts, in brackets and with jrnl\'s extra characters', () => {
    expect(extractTags('@start\n(@family) "@quoted" @c++ @q3-plan @a/b')).toEqual([
      'start',
      'family',
      'quoted',
      'c++',
      'q3-plan',
      'a/b',
    ]);
  });

  it('handles non-ASCII letters and drops trailing punctuation', () => {
    expect(extractTags('@Café! @naïve, @東京. @trail- @done/')).toEqual(['café', 'naïve', '東京', 'trail', 'done']);
  });

  it('ignores a lone @ and doubled @@', () => {
    expect(extractTags('@ alone, @@twice, @-dash')).toEqual([]);
  });
});

describe('mergeTags', () => {
  it('normalises and de-duplicates across lists', () => {
    expect(mergeTags(['@Work', 'home'], ['work', '', 'Trip'])).toEqual(['work', 'home', 'trip']);
  });
});
