import { Box, Text } from 'ink';
import { formatBytes } from '../../monitoring/health/timed-check.js';
import type { CheckStatus } from '../../monitoring/health/types.js';
import { bar, formatMs } from './bar.js';
import { cacheHitRate, topOperations, type HealthView } from './health-view.js';

const ICON: Record<CheckStatus, string> = { ok: '✓', warn: '!', fail: '✗' };
const COLOUR: Record<CheckStatus, 'green' | 'yellow' | 'red'> = { ok: 'green', warn: 'yellow', fail: 'red' };

/** Props of the health dashboard. */
export interface HealthDashboardProps {
  view: HealthView;
  /** Shown in the title while `--watch` refreshes. */
  watching?: boolean;
  /** Width of the latency bars in cells. */
  barWidth?: number;
  /** A refresh that failed (the last good view stays on screen). */
  error?: string | null;
}

function Checks({ view }: { view: HealthView }) {
  const width = Math.max(...view.report.checks.map((c) => c.name.length));
  return (
    <Box flexDirection="column">
      {view.report.checks.map((c) => (
        <Text key={c.name} wrap="truncate-end">
          <Text color={COLOUR[c.status]}>{ICON[c.status]} {c.name.padEnd(width)}</Text>
          <Text dimColor> {formatMs(c.durationMs).padStart(8)} </Text>
          {c.reason}
        </Text>
      ))}
    </Box>
  );
}

function Latency({ view, barWidth }: { view: HealthView; barWidth: number }) {
  const ops = topOperations(view.metrics);
  if (ops.length === 0) return <Text dimColor>No latencies recorded yet.</Text>;
  const scale = Math.max(...ops.map((o) => o.p99));
  const width = Math.max(...ops.map((o) => o.operation.length));
  return (
    <Box flexDirection="column">
      {ops.flatMap((o) => [
        <Text key={o.operation} bold>{o.operation.padEnd(width)} <Text dimColor>×{o.count}</Text></Text>,
        ...(['p50', 'p95', 'p99'] as const).map((q) => (
          <Text key={`${o.operation}-${q}`}>
            {'  '}{q.toUpperCase()} <Text color="cyan">{bar(o[q] / scale, barWidth).padEnd(barWidth)}</Text> {formatMs(o[q])}
          </Text>
        )),
      ])}
    </Box>
  );
}

/** The `companion health` dashboard: checks, latency percentiles as bars, memory, cache, journal, audit. */
export function HealthDashboard({ view, watching = false, barWidth = 24, error = null }: HealthDashboardProps) {
  const { report, metrics } = view;
  const cache = cacheHitRate(metrics);
  const audit = report.journal.auditOk === null ? 'not checked' : report.journal.auditOk ? `verified, ${report.journal.auditRecords} records${report.journal.auditMacsChecked ? '' : ' (MACs unchecked)'}` : 'FAILED';
  return (
    <Box flexDirection="column">
      <Text bold>
        companion health: <Text color={COLOUR[report.status]}>{report.healthy ? (report.status === 'ok' ? 'healthy' : 'healthy with warnings') : 'UNHEALTHY'}</Text>
        <Text dimColor> · {report.checkedAt.slice(0, 19).replace('T', ' ')}{watching ? ' · refreshing, q to quit' : ''}</Text>
      </Text>
      {error ? <Text color="red">refresh failed: {error}</Text> : null}
      <Box marginTop={1}><Checks view={view} /></Box>
      <Box marginTop={1} flexDirection="column">
        <Text bold underline>Latency{metrics.from ? ` (${metrics.from} to ${metrics.to})` : ''}</Text>
        <Latency view={view} barWidth={barWidth} />
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text>
          <Text bold>Memory </Text>now {formatBytes(report.memory.rssBytes)}
          {metrics.memory.samples ? `, recorded peak ${formatBytes(metrics.memory.rssMaxBytes)}` : ''}
        </Text>
        <Text>
          <Text bold>Cache  </Text>
          {cache.rate === null ? 'no lookups yet' : `${(cache.rate * 100).toFixed(1)}% hits (${cache.hits} of ${cache.hits + cache.misses})`}
        </Text>
        <Text>
          <Text bold>Journal </Text>{report.journal.entries} entries, {formatBytes(report.journal.entryBytes)} of entries, {formatBytes(report.journal.dataBytes)} in all
        </Text>
        <Text>
          <Text bold>Audit  </Text><Text color={report.journal.auditOk === false ? 'red' : undefined}>{audit}</Text>
        </Text>
      </Box>
    </Box>
  );
}
