import { describe, expect, it } from 'vitest';
import { parseDayOneJson } from '../../src/core/interchange/day-one-json.js';
import { parseImport } from '../../src/core/interchange/index.js';
import { expectUsageError, fixture } from './helpers.js';

describe('parseDayOneJson', () => {
  it('reads Day One\'s export: exact instants, unescaped text without media, tags, stars', () => {
    const entries = parseDayOneJson(fixture('dayone-export.json'));
    expect(entries).toEqual([
      {
        text: 'Dinner by the river. The francesinha was enormous!\n\nTomorrow: the client meeting (10am).',
        created: new Date('2025-01-08T17:40:12Z'),
        tags: ['work-trip', 'porto'],
        starred: true,
      },
      {
        text: 'Slept badly. Call @mum today.',
        created: new Date('2025-01-10T07:05:00Z'),
        tags: ['mum'],
        starred: false,
      },
    ]);
  });

  it('keeps a backslash the author typed', () => {
    const content = JSON.stringify({
      metadata: { version: '1.0' },
      entries: [{ creationDate: '2025-01-08T17:40:12Z', text: 'C:\\\\Users\\\\ana and a\\\\b' }],
    });
    expect(parseDayOneJson(content)[0]?.text).toBe('C:\\Users\\ana and a\\b');
  });

  it('is what parseImport uses for --from dayone', () => {
    expect(parseImport('dayone', fixture('dayone-export.json'))).toHaveLength(2);
  });

  it.each([
    ['no metadata', { entries: [] }, 'metadata'],
    ['a bad creationDate', { metadata: {}, entries: [{ creationDate: 'yesterday', text: 'x' }] }, 'entries[0].creationDate'],
    ['a non-boolean star', { metadata: {}, entries: [{ creationDate: '2025-01-08T17:40:12Z', starred: 'yes' }] }, 'entries[0].starred'],
    ['tags that are not strings', { metadata: {}, entries: [{ creationDate: '2025-01-08T17:40:12Z', tags: [1] }] }, 'entries[0].tags[0]'],
  ])('refuses %s, naming where', (_label, document, where) => {
    expectUsageError(() => parseDayOneJson(JSON.stringify(document)), "Day One's JSON export", where);
  });

  it('refuses a file that is not JSON', () => {
    expectUsageError(() => parseDayOneJson('<html>not an export</html>'), 'not valid JSON');
  });
});
