import { describe, expect, it } from 'vitest';
import { cpuTimes, stealShare } from '../../benchmarks/lib/machine.js';

describe('benchmark machine readings', () => {
  it('gives the share of CPU time stolen between two readings, or null when it cannot', () => {
    expect(stealShare({ steal: 100, total: 10_000 }, { steal: 130, total: 10_600 })).toBe(0.05);
    expect(stealShare({ steal: 100, total: 10_000 }, { steal: 100, total: 10_000 })).toBeNull();
    expect(stealShare(null, { steal: 1, total: 2 })).toBeNull();
  });

  it('reads the machine CPU times where /proc/stat exists, with steal part of the total', () => {
    const times = cpuTimes();
    if (process.platform !== 'linux') return void expect(times).toBeNull();
    expect(times).not.toBeNull();
    expect(times!.total).toBeGreaterThan(0);
    expect(times!.steal).toBeGreaterThanOrEqual(0);
    expect(times!.steal).toBeLessThanOrEqual(times!.total);
  });
});
