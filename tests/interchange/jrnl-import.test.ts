// jrnl stores local wall-clock times; read them in a zone with a non-zero offset.
process.env.TZ = 'Europe/Berlin';

import { describe, expect, it } from 'vitest';
import { parseImport } from '../../src/core/interchange/index.js';
import { parseJrnlJson } from '../../src/core/interchange/jrnl-json.js';
import { parseJrnlText } from '../../src/core/interchange/jrnl-text.js';
import { expectUsageError, fixture } from './helpers.js';

const local = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi);

describe('parseJrnlJson', () => {
  it('reads jrnl\'s JSON export: local times, title and body joined, tags merged and normalised', () => {
    const entries = parseJrnlJson(fixture('jrnl-export.json'));
    expect(entries).toEqual([
      {
        text: 'Started the new project at @work.\nLong day, but the team is great.\nNeed to ask Sam about the roadmap.',
        created: local(2025, 1, 6, 9, 15),
        tags: ['work'],
        starred: false,
      },
      { text: 'Went hiking with @Sam.', created: local(2025, 1, 8, 18, 40), tags: ['sam', 'hiking'], starred: true },
      {
        text: 'Café au lait, again.\nDeadline moved — relieved. @work\n\n  - finish the draft\n  - send it to Ana',
        created: local(2025, 1, 10, 7, 5),
        tags: ['work'],
        starred: false,
      },
    ]);
    expect(entries[0]?.created.toISOString()).toBe('2025-01-06T08:15:00.000Z');
  });

  it('accepts an empty journal', () => {
    expect(parseJrnlJson('{"tags": {}, "entries": []}')).toEqual([]);
  });

  it('names the entry and field of a malformed entry', () => {
    const bad = JSON.stringify({ entries: [{ title: 'ok', body: '', date: '2025-01-06', time: '09:15' }, { title: 'x', date: '06/01/2025', time: '09:15' }] });
    expectUsageError(() => parseJrnlJson(bad), "jrnl's JSON export", 'entries[1].date', 'expected a date like');
  });

  it('refuses a date that does not exist, naming the entry', () => {
    const bad = JSON.stringify({ entries: [{ title: 'x', body: '', date: '2025-02-30', time: '09:15' }] });
    expectUsageError(() => parseJrnlJson(bad), 'entries[0]', '"2025-02-30 09:15"');
  });

  it('reports a JSON syntax error by line and column without quoting the file', () => {
    const broken = '{\n  "entries": [\n    {"title": "secret words here", }\n  ]\n}';
    expectUsageError(() => parseJrnlJson(broken), 'line 3, column', 'not valid JSON');
    try {
      parseJrnlJson(broken);
    } catch (error) {
      expect((error as Error).message).not.toContain('secret');
    }
  });

  it.each([
    ['an array', '[]', 'the top level'],
    ['no entries', '{"tags": {}}', 'entries'],
    ['a wrong type', '{"entries": [{"title": 3, "date": "2025-01-06", "time": "09:15"}]}', 'entries[0].title'],
  ])('refuses %s', (_label, content, where) => {
    expectUsageError(() => parseJrnlJson(content), where);
  });
});

describe('parseJrnlText', () => {
  it('reads the bracketed journal file: star marker, bodies, footnotes that are not entries', () => {
    const entries = parseJrnlText(fixture('jrnl-journal.txt'));
    expect(entries.map((e) => e.created)).toEqual([
      local(2025, 1, 6, 9, 15),
      local(2025, 1, 8, 18, 40),
      local(2025, 1, 10, 7, 5),
      local(2025, 1, 12, 22, 0),
    ]);
    expect(entries.map((e) => e.starred)).toEqual([false, true, false, false]);
    expect(entries[0]?.text).toBe(
      'Started the new project at @work.\nLong day, but the team is great.\nNeed to ask Sam about the roadmap.',
    );
    expect(entries[1]).toMatchObject({ text: 'Went hiking with @Sam.', tags: ['sam'] });
    expect(entries[2]?.text).toBe(
      'Café au lait, again.\nDeadline moved — relieved. @work\n\n  - finish the draft\n  - send it to Ana\n' +
        '[x] checked the footnote style[1]\n[1] a footnote, not an entry',
    );
    expect(entries[3]?.text).toBe('Untitled thoughts before bed.');
  });

  it('reads jrnl 1.x files without brackets', () => {
    const entries = parseJrnlText(fixture('jrnl-legacy.txt'));
    expect(entries).toHaveLength(2);
    expect(entries[0]).toEqual({
      text: 'I have an @idea:\n(1) write a command line @journal software\n(2) ???\n(3) PROFIT!',
      created: local(2013, 4, 9, 15, 39),
      tags: ['idea', 'journal'],
      starred: false,
    });
    expect(entries[1]).toMatchObject({ created: local(2013, 6, 10, 15, 40), starred: true, tags: ['dan', 'idea'] });
    expect(entries[1]?.text.startsWith('I met with @dan.\nAs alway')).toBe(true);
  });

  it('reads Windows line endings, seconds and 12-hour stamps', () => {
    const text = '[2025-01-06 09:15:30] one\r\nbody\r\n\r\n[2025-01-06 09:15 PM] two\r\n';
    const entries = parseJrnlText(text);
    expect(entries.map((e) => [e.text, e.created])).toEqual([
      ['one\nbody', new Date(2025, 0, 6, 9, 15, 30)],
      ['two', local(2025, 1, 6, 21, 15)],
    ]);
  });

  it('reads an empty file as no entries', () => {
    expect(parseJrnlText('')).toEqual([]);
    expect(parseJrnlText('\n\n  \n')).toEqual([]);
  });

  it('refuses text before the first entry, naming the line, instead of dropping it', () => {
    expectUsageError(() => parseJrnlText('\nmy notes\n[2025-01-06 09:15] one\n'), 'line 2', 'before the first entry');
  });

  it('refuses a header whose date does not exist, naming the line', () => {
    expectUsageError(() => parseJrnlText('[2025-01-06 09:15] one\n[2025-13-40 09:15] two\n'), 'line 2', '2025-13-40 09:15');
  });

  it('refuses binary data, naming the line', () => {
    expectUsageError(() => parseJrnlText('[2025-01-06 09:15] one\nok\n\u0000\u0001\u0002'), 'line 3', 'binary');
  });
});

describe('parseImport', () => {
  it('tells jrnl JSON from jrnl text by content', () => {
    expect(parseImport('jrnl', fixture('jrnl-export.json'))).toHaveLength(3);
    expect(parseImport('jrnl', fixture('jrnl-journal.txt'))).toHaveLength(4);
  });
});
