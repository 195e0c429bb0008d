import { describe, expect, it } from 'vitest';
import { findPatternSpans, foldForGates } from '../../../src/security/pii/patterns.js';

/** Sources of the spans found in `text`. */
const sources = (text: string): string[] => findPatternSpans(text).map((s) => s.source);

describe('pattern gates', () => {
  it('fold the characters that case-insensitive patterns read as ASCII letters', () => {
    expect(foldForGates('PAſſWORD ıs KELVIN')).toBe('password is kelvin');
    expect(foldForGates('\u212Aelvin')).toBe('kelvin');
  });

  it('let every gated pattern run on the texts it matches, in any case', () => {
    expect(sources('PASSWORD: hunter2xyz')).toContain('regex:labelled-secret');
    expect(sources('my paſſword is hunter2xyz')).toContain('regex:labelled-secret');
    expect(sources('Api-Key = abcdef123456')).toContain('regex:labelled-secret');
    expect(sources('mail Anna.B@Example.ORG today')).toContain('regex:email');
    expect(sources('see HTTPS://Example.org/a')).toContain('regex:url');
    expect(sources('see WWW.example.org')).toContain('regex:url');
    expect(sources('visit shop.EXAMPLE.COM now')).toContain('regex:domain');
    expect(sources('host fe80::1:2:3 is up')).toContain('regex:ipv6');
    expect(sources('at 2001:db8:85a3:0:0:8a2e:370:7334 now')).toContain('regex:ipv6');
    expect(sources('D.O.B.: 04/05/1990')).toContain('regex:dob');
    expect(sources('BORN ON 12/03/1985')).toContain('regex:dob');
    expect(sources('Birthday is March 3, 1985')).toContain('regex:dob');
    expect(sources('My son TURNS 7 today')).toContain('regex:age-turns');
    expect(sources('Cousin Ada came')).toContain('regex:kin-name');
    expect(sources('DM @Jo_Bloggs')).toContain('regex:handle');
  });

  it('skip a gated pattern only when its text cannot match', () => {
    expect(sources('I slept well and walked by the river today.')).toEqual([]);
  });
});
