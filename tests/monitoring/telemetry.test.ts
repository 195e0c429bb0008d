import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Telemetry, telemetryFile } from '../../src/monitoring/telemetry.js';

let dir: string;
let now: Date;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'companion-telemetry-'));
  now = new Date(2026, 0, 1, 9);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const make = (enabled = true) => new Telemetry({ dir, now: () => now, enabled });

/** Record one session on each given day offset (relative to 2026-01-01) and flush. */
function writeOn(offsets: number[], words = 100): void {
  for (const o of offsets) {
    now = new Date(2026, 0, 1 + o, 20);
    const t = make();
    t.recordSession({ words, durationSeconds: 300 });
    t.flush();
  }
}

describe('Telemetry', () => {
  it('counts sessions, words and minutes, and persists across instances', () => {
    const t = make();
    t.recordSession({ words: 120, durationSeconds: 240 });
    t.recordSession({ words: 80 });
    t.recordFeature('write');
    t.recordFeature('write');
    t.recordFeature('search');
    t.flush();
    const s = make().stats();
    expect(s).toMatchObject({ sessions: 2, words: 200, minutesWriting: 4, daysWritten: 1, currentStreak: 1, longestStreak: 1 });
    expect(s.features).toEqual([{ feature: 'write', uses: 2 }, { feature: 'search', uses: 1 }]);
  });

  it('streaks: the longest run, and the current one ending today or yesterday', () => {
    writeOn([0, 1, 2, 3, 10, 11, 13, 14, 15]);
    now = new Date(2026, 0, 16, 8); // the 17th day: nothing written yet today
    let s = make().stats();
    expect(s.longestStreak).toBe(4);
    expect(s.currentStreak).toBe(3); // 14th, 15th, 16th of January (offsets 13-15)
    now = new Date(2026, 0, 18, 8); // a day missed
    s = make().stats();
    expect(s.currentStreak).toBe(0);
    expect(s.daysWritten).toBe(9);
  });

  it('a streak across a month end and a DST change counts calendar days', () => {
    writeOn([28, 29, 30, 31, 32]); // 29 Jan .. 2 Feb
    now = new Date(2026, 1, 2, 22);
    expect(make().stats().currentStreak).toBe(5);
  });

  it('feature use alone does not make a day written', () => {
    const t = make();
    t.recordFeature('list');
    t.flush();
    expect(make().stats()).toMatchObject({ daysWritten: 0, currentStreak: 0, sessions: 0, firstDay: '2026-01-01' });
  });

  it('last 30 days only count recent sessions', () => {
    writeOn([0], 500);
    writeOn([40], 30);
    now = new Date(2026, 1, 10, 23);
    expect(make().stats().last30Days).toEqual({ sessions: 1, words: 30 });
  });

  it('stores counts and names only; disabled telemetry writes nothing', () => {
    const off = make(false);
    off.recordSession({ words: 10 });
    off.recordFeature('write');
    off.flush();
    expect(fs.existsSync(telemetryFile(dir))).toBe(false);
    expect(() => make().recordFeature('my secret diary text')).toThrow(TypeError);
    const t = make();
    t.recordSession({ words: 3 });
    t.flush();
    const doc = JSON.parse(fs.readFileSync(telemetryFile(dir), 'utf8'));
    expect(doc).toEqual({ format: 'companion-telemetry', version: 1, days: { '2026-01-01': { sessions: 1, words: 3, seconds: 0, features: {} } } });
  });
});
