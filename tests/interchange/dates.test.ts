// Local-time semantics are tested in a zone with DST and a non-zero offset; set before any Date is made.
process.env.TZ = 'America/New_York';

import { describe, expect, it } from 'vitest';
import { localDateTime, parseSince, parseUntil, parseWhen, splitLeadingDate } from '../../src/core/dates.js';
import { UsageError } from '../../src/core/errors.js';

/** Wednesday 12 March 2025, 10:30 local (EDT, just after the spring-forward change on Sunday the 9th). */
const now = new Date(2025, 2, 12, 10, 30);
const local = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => new Date(y, mo - 1, d, h, mi, s, ms);

describe('parseWhen', () => {
  it.each([
    ['yesterday', local(2025, 3, 11, 9)],
    ['today', local(2025, 3, 12, 9)],
    ['last friday 9pm', local(2025, 3, 7, 21)],
    ['3 days ago', local(2025, 3, 9, 9)],
    ['2025-01-08', local(2025, 1, 8, 9)],
    ['2025-01-08 14:30', local(2025, 1, 8, 14, 30)],
    ['2025-01-08T14:30:15', local(2025, 1, 8, 14, 30, 15)],
    ['jan 8', local(2025, 1, 8, 9)],
    ['Jan 8 2026', local(2026, 1, 8, 9)],
    ['now', now],
    ['9pm', local(2025, 3, 12, 21)],
    ['last night', local(2025, 3, 11, 21)],
  ])('dates an entry written "%s"', (text, expected) => {
    expect(parseWhen(text, now)).toEqual(expected);
  });

  it('reads an ISO timestamp with an offset as that exact instant', () => {
    expect(parseWhen('2025-01-08T14:30:00Z', now).toISOString()).toBe('2025-01-08T14:30:00.000Z');
  });

  it('looks back: a bare weekday is the last one, a month-day far ahead is last year (as jrnl)', () => {
    expect(parseWhen('friday', now)).toEqual(local(2025, 3, 7, 9));
    expect(parseWhen('monday', now)).toEqual(local(2025, 3, 10, 9));
    expect(parseWhen('wednesday', now)).toEqual(local(2025, 3, 12, 9));
    expect(parseWhen('christmas', now)).toEqual(local(2024, 12, 25, 9));
    expect(parseWhen('next friday', now) > now).toBe(true);
  });

  it('uses the given time of day for a bare date', () => {
    expect(parseWhen('yesterday', now, { defaultTime: { hour: 20, minute: 15 } })).toEqual(local(2025, 3, 11, 20, 15));
  });

  it('resolves a time in the DST gap forward, not to another hour of the day', () => {
    // 02:30 does not exist on 9 March 2025 in New York; the clock jumps from 02:00 to 03:00.
    expect(parseWhen('2025-03-09 02:30', now)).toEqual(local(2025, 3, 9, 3, 30));
  });

  it.each(['blorp', 'yesterday blorp', '2025-02-30', '2025-13-01', '2025-01-08 25:00', '', '   ', 'Note to self'])(
    'refuses "%s" with a UsageError that quotes it',
    (text) => {
      expect(() => parseWhen(text, now)).toThrow(UsageError);
      expect(() => parseWhen(text, now)).toThrow(`"${text.trim()}"`);
    },
  );
});

describe('parseSince / parseUntil', () => {
  it('a bare date is the whole day: from its first to its last millisecond', () => {
    expect(parseSince('2025-01-08', now)).toEqual(local(2025, 1, 8));
    expect(parseUntil('2025-01-08', now)).toEqual(local(2025, 1, 8, 23, 59, 59, 999));
    expect(parseSince('yesterday', now)).toEqual(local(2025, 3, 11));
    expect(parseUntil('yesterday', now)).toEqual(local(2025, 3, 11, 23, 59, 59, 999));
  });

  it('a day across the DST change is still midnight to midnight local', () => {
    expect(parseSince('3 days ago', now)).toEqual(local(2025, 3, 9));
    expect(parseUntil('3 days ago', now)).toEqual(local(2025, 3, 9, 23, 59, 59, 999));
  });

  it('an explicit time is that instant for both bounds', () => {
    expect(parseSince('2025-01-08 14:30', now)).toEqual(local(2025, 1, 8, 14, 30));
    expect(parseUntil('2025-01-08 14:30', now)).toEqual(local(2025, 1, 8, 14, 30));
  });

  it('a longer span runs from its first day to its last', () => {
    expect(parseSince('last week', now)).toEqual(local(2025, 3, 3));
    expect(parseUntil('last week', now)).toEqual(local(2025, 3, 9, 23, 59, 59, 999));
  });
});

describe('splitLeadingDate', () => {
  it.each([
    ['yesterday: went hiking', local(2025, 3, 11, 9), 'went hiking'],
    ['last friday 9pm: dinner with Sam', local(2025, 3, 7, 21), 'dinner with Sam'],
    ['2025-01-08 14:30: flight home', local(2025, 1, 8, 14, 30), 'flight home'],
    ['  monday: new job\nsecond line', local(2025, 3, 10, 9), 'new job\nsecond line'],
    ['yesterday:\nthe body on the next line', local(2025, 3, 11, 9), 'the body on the next line'],
    ['Sunday morning: pancakes', local(2025, 3, 9, 9), 'pancakes'],
    ['christmas: family dinner', local(2024, 12, 25, 9), 'family dinner'],
  ])('splits "%s"', (text, when, body) => {
    expect(splitLeadingDate(text, now)).toEqual({ when, body, starred: false });
  });

  it('reads jrnl\'s star marker before the colon', () => {
    expect(splitLeadingDate('yesterday*: a good day', now)).toEqual({
      when: local(2025, 3, 11, 9),
      body: 'a good day',
      starred: true,
    });
  });

  it.each([
    'Note to self: call mum',
    'Sam: are you coming?',
    'Meeting 9:30: notes from the standup',
    'At 9:30 we left',
    'Summer: the best one yet',
    'last week: a recap',
    'Re: yesterday',
    'https://example.com is down',
    'Went out yesterday: it rained',
    'no colon at all yesterday',
    'first line\nyesterday: not on the first line',
  ])('leaves "%s" alone', (text) => {
    expect(splitLeadingDate(text, now)).toEqual({ when: null, body: text.trim(), starred: false });
  });
});

describe('localDateTime', () => {
  it('refuses calendar fields that name no real moment', () => {
    expect(localDateTime(2025, 2, 29)).toBeNull();
    expect(localDateTime(2024, 2, 29)).toEqual(local(2024, 2, 29));
    expect(localDateTime(2025, 0, 1)).toBeNull();
    expect(localDateTime(2025, 1, 1, 24)).toBeNull();
  });
});

describe('relative days (parsed without loading the NLP parser)', () => {
  it.each(['today', 'Yesterday', 'tomorrow', '3 days ago', '1 day ago', '2 weeks ago', '40 days ago'])('"%s"', (text) => {
    // Calendar arithmetic on the injected now, across the DST change on 9 March.
    const offsets: Record<string, number> = {
      today: 0,
      yesterday: -1,
      tomorrow: 1,
      '3 days ago': -3,
      '1 day ago': -1,
      '2 weeks ago': -14,
      '40 days ago': -40,
    };
    const day = new Date(2025, 2, 12 + (offsets[text.toLowerCase()] ?? NaN));
    expect(parseSince(text, now)).toEqual(day);
    expect(parseUntil(text, now)).toEqual(new Date(day.getFullYear(), day.getMonth(), day.getDate(), 23, 59, 59, 999));
  });
});

describe('leading phrases that only contain a number', () => {
  it('are not dates ("Day 3:", "Chapter 12:") and stay in the text', () => {
    const now = new Date(2026, 10, 21, 12, 0);
    for (const text of ['Day 3: still raining', 'Chapter 12: notes', 'Step 2: breathe']) {
      expect(splitLeadingDate(text, now)).toMatchObject({ when: null, body: text });
    }
  });
});
