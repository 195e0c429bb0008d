import { describe, expect, it } from 'vitest';
import { buildThemeCorpus, extractThemes, formatTheme, parseTheme, themeCandidates } from '../../src/core/analysis/index.js';

const journal = [
  'Work was busy today. Had a long meeting at work about the budget.',
  'Today work dragged on. Lunch at my desk at work.',
  'Work again today. The printer at work broke.',
  'Today I went to work early and left late from work.',
  'Went climbing with Priya after work today. My forearms are done.',
];

describe('theme extraction', () => {
  it('finds people, places, activities and topics', () => {
    const found = themeCandidates('Had coffee with Sarah in Portland, then went swimming at the gym. The job offer is on my mind.');
    const byKind = (kind: string) => found.filter((c) => c.kind === kind).map((c) => c.key);
    expect(byKind('person')).toContain('sarah');
    expect(byKind('place')).toEqual(expect.arrayContaining(['portland', 'gym']));
    expect(byKind('activity')).toContain('swimming');
    expect(byKind('topic')).toContain('job offer');
  });

  it('never reports generic words such as "today" as a theme', () => {
    const themes = extractThemes('Today was a day. Today I did things, a lot of things, today.');
    expect(themes.map((t) => t.key)).not.toContain('today');
    expect(themes.map((t) => t.key)).not.toContain('thing');
  });

  it('down-weights words common across the journal', () => {
    const text = 'Work ran late. Went climbing with Priya after work. Back to work tomorrow.';
    const alone = extractThemes(text);
    expect(alone[0]?.key).toBe('work');
    const weighed = extractThemes(text, buildThemeCorpus([...journal, text]));
    const weight = (key: string) => weighed.find((t) => t.key === key)?.weight ?? 0;
    expect(weighed[0]?.key).not.toBe('work');
    expect(weight('priya')).toBeGreaterThan(weight('work'));
    expect(weight('climbing')).toBeGreaterThan(weight('work'));
  });

  it('returns at most the requested number of themes', () => {
    const text = 'Sarah, Tom and Priya met in Lisbon for surfing, cooking, a concert and a wedding.';
    expect(extractThemes(text, undefined, { max: 3 })).toHaveLength(3);
  });

  it('stores themes as kind:label and reads them back', () => {
    expect(formatTheme({ kind: 'person', label: 'Sarah' })).toBe('person:Sarah');
    expect(parseTheme('place:Blue Door cafe')).toEqual({ kind: 'place', label: 'Blue Door cafe', key: 'blue door cafe' });
    expect(parseTheme('gardening')).toEqual({ kind: 'topic', label: 'gardening', key: 'gardening' });
  });
});
