// parseJrnlText reads wall-clock times as local; the entries below are written at +00:00.
process.env.TZ = 'UTC';

import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/entry.js';
import { exportMarkdown, exportText, parseJrnlText } from '../../src/core/interchange/index.js';

const base: Omit<Entry, 'id' | 'created' | 'text'> = {
  updated: '2025-01-10T07:00:00.000Z',
  revision: 1,
  tags: [],
  starred: false,
  promptUsed: null,
  wordCount: 0,
  durationSeconds: null,
  mood: null,
  themes: [],
  analyzerVersion: null,
};

const entries: Entry[] = [
  {
    ...base,
    id: 'bbbbbbbbbbbb',
    created: '2025-02-01T08:00:00.000+00:00',
    text: 'Snow.\n# Plans\n[2025-02-02 10:00] a line that looks like an entry\n```\n# not a heading\n```',
    tags: ['weather'],
    mood: { label: 'neutral', score: 0, confidence: 0.5 },
  },
  {
    ...base,
    id: 'aaaaaaaaaaaa',
    created: '2025-01-08T18:40:00.000+00:00',
    text: 'Went hiking with @sam.\nThe view was worth it.',
    tags: ['sam', 'hiking'],
    starred: true,
    themes: ['nature'],
  },
  { ...base, id: 'cccccccccccc', created: '2024-12-31T23:30:00.000-05:00', text: 'Last one of the year.' },
];

describe('exportText', () => {
  it('writes jrnl\'s layout, oldest first, in each entry\'s own wall-clock time', () => {
    expect(exportText(entries)).toBe(
      [
        '[2024-12-31 23:30] Last one of the year.',
        '',
        '[2025-01-08 18:40] Went hiking with @sam. *',
        'The view was worth it.',
        '@hiking',
        '',
        '[2025-02-01 08:00] Snow.',
        '# Plans',
        ' [2025-02-02 10:00] a line that looks like an entry',
        '```',
        '# not a heading',
        '```',
        '@weather',
        '',
      ].join('\n'),
    );
  });

  it('reads back as a jrnl journal with the same texts, stars and tags', () => {
    const [, hiking] = parseJrnlText(exportText(entries));
    expect(hiking).toEqual({
      text: 'Went hiking with @sam.\nThe view was worth it.\n@hiking',
      created: new Date('2025-01-08T18:40:00Z'),
      tags: ['sam', 'hiking'],
      starred: true,
    });
    expect(parseJrnlText(exportText(entries))).toHaveLength(3);
  });

  it('writes nothing for no entries', () => {
    expect(exportText([])).toBe('');
  });
});

describe('exportMarkdown', () => {
  it('groups by year and month, demotes headings inside entries, lists tags, mood and themes', () => {
    expect(exportMarkdown(entries, { title: 'My journal' })).toBe(
      [
        '# My journal',
        '',
        '## 2024',
        '',
        '### December 2024',
        '',
        '#### 2024-12-31 23:30',
        '',
        'Last one of the year.',
        '',
        '## 2025',
        '',
        '### January 2025',
        '',
        '#### 2025-01-08 18:40 ★',
        '',
        'Went hiking with @sam.',
        'The view was worth it.',
        '',
        '*Tags: @sam, @hiking · Themes: nature*',
        '',
        '### February 2025',
        '',
        '#### 2025-02-01 08:00',
        '',
        'Snow.',
        '##### Plans',
        '[2025-02-02 10:00] a line that looks like an entry',
        '```',
        '# not a heading',
        '```',
        '',
        '*Tags: @weather · Mood: neutral*',
        '',
      ].join('\n'),
    );
  });

  it('has a default title and handles no entries', () => {
    expect(exportMarkdown([])).toBe('# Journal\n');
  });
});
