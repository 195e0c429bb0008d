import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EntrySchema, type Entry } from '../../src/core/entry.js';
import { CompanionExportSchema, exportJson, parseCompanionJson, parseImport } from '../../src/core/interchange/index.js';
import { chronological } from '../../src/core/interchange/entry-order.js';
import { entries as entriesArb } from './arbitraries.js';
import { expectUsageError, fixture } from './helpers.js';

const meta = { exported: new Date('2025-01-10T07:00:00.000Z'), generator: 'companion 0.1.0' };

describe('exportJson → parseCompanionJson', () => {
  it('loses nothing: every field of every entry comes back (property)', () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        for (const e of entries) expect(EntrySchema.parse(e)).toEqual(e);
        const imported = parseCompanionJson(exportJson(entries, meta));
        expect(imported.map((e) => e.original)).toEqual(chronological(entries));
        for (const e of imported) {
          const original = e.original as Entry;
          expect(e).toEqual({
            text: original.text,
            created: new Date(original.created),
            tags: original.tags,
            starred: original.starred,
            promptUsed: original.promptUsed,
            durationSeconds: original.durationSeconds,
            mood: original.mood,
            themes: original.themes,
            original,
          });
        }
      }),
      { numRuns: 200 },
    );
  });

  it('writes the documented header and a schema-valid document', () => {
    const document = JSON.parse(exportJson([], { exported: meta.exported })) as unknown;
    expect(document).toEqual({ format: 'companion-export', version: 1, exported: '2025-01-10T07:00:00.000Z', entries: [] });
    expect(CompanionExportSchema.safeParse(document).success).toBe(true);
  });
});

describe('the committed version-1 export', () => {
  const content = fixture('companion-export-v1.json');

  it('is read, entry by entry', () => {
    const imported = parseImport('json', content);
    expect(imported.map((e) => e.original?.id)).toEqual(['a2b3c4d5e6f7', 'k3m7q2x7ab4c']);
    expect(imported[1]).toMatchObject({
      created: new Date('2025-01-08T18:40:00Z'),
      starred: true,
      tags: ['sam', 'hiking'],
      mood: { label: 'positive', score: 0.72, confidence: 0.9 },
      durationSeconds: 184.5,
    });
    expect(imported[0]?.promptUsed).toBe('What made today different from yesterday?');
  });

  it('is written again byte for byte: the format has not drifted', () => {
    const originals = parseCompanionJson(content).map((e) => e.original as Entry);
    expect(exportJson(originals, meta)).toBe(content);
  });
});

describe('parseCompanionJson refuses malformed files', () => {
  const valid = JSON.parse(fixture('companion-export-v1.json')) as { entries: Array<Record<string, unknown>> };
  const withEntries = (change: (entries: Array<Record<string, unknown>>) => void) => {
    const copy = structuredClone(valid);
    change(copy.entries);
    return JSON.stringify(copy);
  };

  it('from a newer companion, saying so', () => {
    expectUsageError(() => parseCompanionJson(JSON.stringify({ ...valid, version: 2 })), 'version 2', 'newer companion');
  });

  it('that is another kind of file', () => {
    expectUsageError(() => parseCompanionJson(fixture('jrnl-export.json')), 'not a companion export');
    expectUsageError(() => parseCompanionJson('[1, 2]'), 'the top level');
  });

  it('with an invalid field, naming the entry and field', () => {
    expectUsageError(() => parseCompanionJson(withEntries((e) => { e[1]!.created = 'last tuesday'; })), 'entries[1].created');
    expectUsageError(() => parseCompanionJson(withEntries((e) => { e[0]!.id = 'NOT-AN-ID'; })), 'entries[0].id');
    expectUsageError(() => parseCompanionJson(withEntries((e) => { e[1]!.mood = { label: 'elated', score: 2, confidence: 1 }; })), 'entries[1].mood', 'more problem');
    expectUsageError(() => parseCompanionJson(withEntries((e) => { delete e[0]!.text; })), 'entries[0].text');
  });

  it('with two entries sharing an id', () => {
    expectUsageError(() => parseCompanionJson(withEntries((e) => { e[1]!.id = e[0]!.id; })), 'entries[1].id', 'entries[0]');
  });

  it('that is truncated', () => {
    const content = fixture('companion-export-v1.json');
    expectUsageError(() => parseCompanionJson(content.slice(0, content.length / 2)), 'not valid JSON');
  });
});
