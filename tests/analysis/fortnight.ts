import type { Entry, Mood } from '../../src/core/entry.js';
import { countWords } from '../../src/core/entry.js';
import { ANALYZER_VERSION } from '../../src/core/analysis/version.js';

/** "Now" for the seeded fortnight: the evening of 14 May 2024, UTC. */
export const FORTNIGHT_NOW = new Date('2024-05-14T21:00:00Z');

function mood(score: number): Mood {
  return { label: score > 0.15 ? 'positive' : score < -0.05 ? 'negative' : 'neutral', score, confidence: 0.8 };
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
/** A valid 12-character base32 entry id derived from a number. */
export function entryId(n: number): string {
  let id = '';
  let value = n + 1000;
  for (let i = 0; i < 12; i += 1) {
    id = (ALPHABET[value % 32] ?? 'a') + id;
    value = Math.floor(value / 32);
  }
  return id;
}

/** Build an entry written at the given ISO time. */
export function makeEntry(n: number, created: string, text: string, score: number | null, themes: string[] = []): Entry {
  return {
    id: entryId(n),
    created,
    updated: created,
    revision: 1,
    text,
    tags: [],
    starred: false,
    promptUsed: null,
    wordCount: countWords(text),
    durationSeconds: null,
    mood: score === null ? null : mood(score),
    themes,
    analyzerVersion: ANALYZER_VERSION,
  };
}

/**
 * Thirteen entries over 1–14 May 2024: written on the 1st–3rd, 5th–9th and 11th–14th (twice on the 6th),
 * so days written 12, longest streak 5 (5th–9th), current streak 4 (11th–14th). Moods average −0.2 over
 * 1–7 May and +0.4 over 8–14 May.
 */
export function seededFortnight(): Entry[] {
  return [
    makeEntry(1, '2024-05-01T08:00:00Z', 'Tired before work. The meeting with Sarah went badly.', -0.4, ['person:Sarah', 'topic:meeting']),
    makeEntry(2, '2024-05-02T22:30:00Z', 'Long day at the office. Nothing special.', 0, ['place:office']),
    makeEntry(3, '2024-05-03T13:15:00Z', 'Argued with Sarah about the project deadline.', -0.6, ['person:Sarah', 'topic:project']),
    makeEntry(4, '2024-05-05T09:00:00Z', 'Went running by the river. Felt a little better.', 0.2, ['activity:running', 'place:river']),
    makeEntry(5, '2024-05-06T07:30:00Z', 'Bad sleep again.', -0.5, []),
    makeEntry(6, '2024-05-06T20:00:00Z', 'Dinner with mum helped.', 0.1, ['person:mum']),
    makeEntry(7, '2024-05-07T19:00:00Z', 'Quiet evening reading at home.', 0, ['activity:reading', 'place:home']),
    makeEntry(8, '2024-05-08T08:10:00Z', 'Running by the river again, the sun was out and I felt great.', 0.6, ['activity:running', 'place:river']),
    makeEntry(9, '2024-05-09T12:00:00Z', 'Lunch with Sarah, we sorted out the project and laughed a lot.', 0.5, ['person:Sarah', 'topic:project']),
    makeEntry(10, '2024-05-11T10:00:00Z', 'Painting all morning. So calm.', 0.4, ['activity:painting']),
    makeEntry(11, '2024-05-12T16:45:00Z', 'Visited mum at the hospital, she is recovering well.', 0.2, ['person:mum', 'place:hospital']),
    makeEntry(12, '2024-05-13T23:30:00Z', 'Could not sleep, worried about money.', -0.1, ['topic:money']),
    makeEntry(13, '2024-05-14T07:00:00Z', 'Ran by the river at sunrise with Sarah. Wonderful start.', 0.8, ['activity:running', 'place:river', 'person:Sarah']),
  ];
}
