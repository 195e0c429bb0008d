import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { HealthReport } from '../../src/monitoring/health/types.js';
import type { MetricsSnapshot } from '../../src/monitoring/metrics.js';
import { bar } from '../../src/ui/health/bar.js';
import { HealthDashboard } from '../../src/ui/health/HealthDashboard.js';
import type { HealthView } from '../../src/ui/health/health-view.js';
import { LiveHealth } from '../../src/ui/health/LiveHealth.js';

function report(over: Partial<HealthReport> = {}): HealthReport {
  return {
    healthy: true,
    status: 'ok',
    checkedAt: '2026-03-10T12:00:00.000Z',
    checks: [
      { name: 'vault', status: 'ok', reason: 'unlocked (PBKDF2, 600000 iterations) in 480 ms', durationMs: 481 },
      { name: 'audit', status: 'ok', reason: '120 records, chain and checkpoint intact', durationMs: 12 },
      { name: 'drafts', status: 'warn', reason: '1 unfinished draft pending', durationMs: 0.2 },
    ],
    journal: { entries: 118, entryBytes: 90_000, dataBytes: 150_000, auditRecords: 120, auditOk: true, auditMacsChecked: true },
    disk: { freeBytes: 10 * 2 ** 30, totalBytes: 100 * 2 ** 30 },
    memory: { rssBytes: 80 * 2 ** 20, heapUsedBytes: 20 * 2 ** 20, heapLimitBytes: 4 * 2 ** 30, systemFreeBytes: 2 ** 33, systemTotalBytes: 2 ** 34 },
    ...over,
  };
}

const metrics: MetricsSnapshot = {
  from: '2026-03-01',
  to: '2026-03-10',
  operations: [
    { operation: 'command.list', count: 40, p50: 50, p95: 90, p99: 100, max: 120, mean: 55, sumMs: 2200 },
    { operation: 'command.search', count: 5, p50: 10, p95: 20, p99: 25, max: 25, mean: 12, sumMs: 60 },
  ],
  memory: { samples: 45, rssMaxBytes: 300 * 2 ** 20, heapUsedMaxBytes: 60 * 2 ** 20, rssLastBytes: 90 * 2 ** 20 },
  caches: [{ cache: 'semantic', hits: 3, misses: 1, hitRate: 0.75 }],
};

const view = (over: Partial<HealthReport> = {}): HealthView => ({ report: report(over), metrics });

async function waitFor(cond: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('HealthDashboard', () => {
  it('shows every check with its status, reason and time, and the overall verdict', () => {
    const { lastFrame } = render(<HealthDashboard view={view({ status: 'warn' })} />);
    const frame = lastFrame()!;
    expect(frame).toMatch(/companion health: healthy with warnings/);
    expect(frame).toMatch(/✓ vault +481 ms unlocked \(PBKDF2/);
    expect(frame).toMatch(/! drafts +0\.20 ms 1 unfinished draft pending/);
    expect(frame).toMatch(/Journal 118 entries, 88 KiB of entries, 146 KiB in all/);
    expect(frame).toMatch(/Audit {2}verified, 120 records/);
    expect(frame).toMatch(/Cache {2}75\.0% hits \(3 of 4\)/);
    expect(frame).toMatch(/Memory now 80 MiB, recorded peak 300 MiB/);
  });

  it('draws latency percentiles as bars scaled to the largest P99', () => {
    const frame = render(<HealthDashboard view={view()} barWidth={20} />).lastFrame()!;
    const lines = frame.split('\n');
    const row = (op: string, q: string) => lines[lines.findIndex((l) => l.startsWith(op)) + ['P50', 'P95', 'P99'].indexOf(q) + 1]!;
    expect(row('command.list', 'P99')).toContain(bar(1, 20) + ' 100 ms');
    expect(row('command.list', 'P50')).toContain(bar(0.5, 20) + ' ');
    expect(row('command.list', 'P50')).toContain('50 ms');
    expect(row('command.search', 'P50')).toContain(bar(0.1, 20));
    expect(bar(1, 20)).toHaveLength(20);
    expect(bar(0.5, 20)).toBe('█'.repeat(10));
  });

  it('marks a failing journal as UNHEALTHY with the failed audit', () => {
    const frame = render(<HealthDashboard view={view({
      healthy: false,
      status: 'fail',
      checks: [{ name: 'audit', status: 'fail', reason: 'edited at record 3: the record was changed', durationMs: 5 }],
      journal: { entries: 3, entryBytes: 900, dataBytes: 3000, auditRecords: 5, auditOk: false, auditMacsChecked: true },
    })} />).lastFrame()!;
    expect(frame).toMatch(/UNHEALTHY/);
    expect(frame).toMatch(/✗ audit .*edited at record 3/);
    expect(frame).toMatch(/Audit {2}FAILED/);
  });

  it('says so when nothing has been recorded yet', () => {
    const frame = render(<HealthDashboard view={{ report: report(), metrics: { from: null, to: null, operations: [], memory: { samples: 0, rssMaxBytes: 0, heapUsedMaxBytes: 0, rssLastBytes: 0 }, caches: [] } }} />).lastFrame()!;
    expect(frame).toMatch(/No latencies recorded yet/);
    expect(frame).toMatch(/no lookups yet/);
  });
});

describe('LiveHealth (--watch)', () => {
  it('refreshes with new checks, keeps the last view on a failed refresh, and quits on q', async () => {
    let calls = 0;
    const seen: HealthView[] = [];
    // The test decides when the refresh after the failure may finish, and every refresh from the third on shows the
    // same view, so a slow machine cannot step past a frame the test waits for.
    let release!: () => void;
    const afterFailure = new Promise<void>((resolve) => { release = resolve; });
    const load = async (): Promise<HealthView> => {
      calls += 1;
      if (calls === 2) throw new Error('provider timed out');
      if (calls >= 3) await afterFailure;
      const shown = Math.min(calls, 3);
      return view({ healthy: false, status: 'fail', checks: [{ name: 'disk', status: 'fail', reason: `disk nearly full (refresh ${shown})`, durationMs: 1 }] });
    };
    const app = render(<LiveHealth initial={view()} load={load} intervalMs={20} onView={(v) => seen.push(v)} />);
    expect(app.lastFrame()).toMatch(/refreshing, q to quit/);
    expect(app.lastFrame()).toMatch(/✓ vault/);
    await waitFor(() => /disk nearly full \(refresh 1\)/.test(app.lastFrame() ?? ''), 'the first refresh');
    expect(app.lastFrame()).toMatch(/UNHEALTHY/);
    await waitFor(() => /refresh failed: provider timed out/.test(app.lastFrame() ?? ''), 'the failed refresh');
    expect(app.lastFrame()).toMatch(/refresh 1\)/); // the last good view stays
    release();
    await waitFor(() => /refresh 3\)/.test(app.lastFrame() ?? ''), 'recovery');
    expect(app.lastFrame()).not.toMatch(/refresh failed/);
    expect(seen.at(-1)!.report.healthy).toBe(false);
    app.stdin.write('q');
    const callsAtQuit = calls;
    await new Promise((r) => setTimeout(r, 100));
    expect(calls).toBeLessThanOrEqual(callsAtQuit + 1); // stopped refreshing after q
    app.unmount();
  });
});
