import React from 'react';
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { summarizePeriod } from '../../src/core/summary/index.js';
import { SummaryView } from '../../src/ui/summary/summary-view.js';
import { progressLabel } from '../../src/ui/summary/render-summary.js';
import { FORTNIGHT_NOW, entryId, seededFortnight } from '../analysis/fortnight.js';

const all = seededFortnight();
const stats = summarizePeriod(all, { from: '2024-05-08', to: '2024-05-14' }, all, FORTNIGHT_NOW, { utcOffsetMinutes: 0 });

describe('SummaryView', () => {
  it('shows the stats table, sparkline, themes and the reflection in progress', () => {
    const view = render(<SummaryView stats={stats} excluded={[]} reflection={{ phase: 'working', progress: 'Reading your entries (batch 1 of 2)…', streamed: 'You ran by the river' }} />);
    const frame = view.lastFrame() ?? '';
    expect(frame).toContain('Summary 2024-05-08 → 2024-05-14');
    expect(frame).toContain('6 (55 words)');
    expect(frame).toContain('4 days now · longest 4 days');
    expect(frame).toContain('▇▇·▆▅▄█');
    expect(frame).toContain('avg +0.40 (before −0.17)');
    expect(frame).toMatch(/running \(activity\)\s+2\s+↑ \+1/);
    expect(frame).toContain('Reading your entries (batch 1 of 2)…');
    expect(frame).toContain('You ran by the river');
    view.unmount();
  });

  it('shows the final reflection, the fallback reason and the flagged count', () => {
    const view = render(<SummaryView stats={stats} excluded={[{ id: entryId(40), date: '2024-05-10', reason: 'injection' }]} reflection={{ phase: 'done', reflection: { source: 'builtin', paragraphs: ['You wrote 6 entries.'], supportingEntryIds: [], fallbackReason: 'it was too short (2 words)' } }} />);
    const frame = view.lastFrame() ?? '';
    expect(frame).toContain('No model reflection: it was too short (2 words). Showing the built-in one.');
    expect(frame).toContain('Reflection (built in, from the numbers)');
    expect(frame).toContain('1 entry was flagged as possible prompt injection');
    view.unmount();
  });

  it('labels progress events', () => {
    expect(progressLabel({ kind: 'map', batch: 2, batches: 5 })).toBe('Reading your entries (batch 2 of 5)…');
    expect(progressLabel({ kind: 'merge', round: 1, rounds: 2 })).toBe('Gathering notes (round 1 of 2)…');
    expect(progressLabel({ kind: 'chunk', text: 'x' })).toBeNull();
  });
});
