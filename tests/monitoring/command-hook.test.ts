import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { metricsFile } from '../../src/monitoring/metrics.js';
import { telemetryFile } from '../../src/monitoring/telemetry.js';
import { runCli, useTempJournal } from '../helpers/cli.js';

const t = useTempJournal();

const metricsDir = () => path.join(t.dataDir, 'metrics');
const operations = () => {
  const doc = JSON.parse(fs.readFileSync(metricsFile(metricsDir()), 'utf8')) as { days: Record<string, { latency: Record<string, { count: number }> }> };
  return Object.values(doc.days).flatMap((d) => Object.entries(d.latency).map(([op, h]) => `${op}×${h.count}`));
};

describe('main() records each successful command in the local metrics', () => {
  it('latency per command (sub-commands as audit.verify) and feature use; never arguments', async () => {
    expect((await runCli(['write', 'secret words about Sam'], t.env)).code).toBe(0);
    expect((await runCli(['list'], t.env)).code).toBe(0);
    expect((await runCli(['list', '--json'], t.env)).code).toBe(0);
    expect((await runCli(['audit', 'verify'], t.env)).code).toBe(0);
    expect(operations().sort()).toEqual(['command.audit.verify×1', 'command.init×1', 'command.list×2', 'command.write×1']);
    for (const file of [metricsFile(metricsDir()), telemetryFile(metricsDir())]) expect(fs.readFileSync(file, 'utf8')).not.toMatch(/secret|Sam/);
    const stats = JSON.parse((await runCli(['stats', '--json'], t.env)).stdout);
    expect(stats.features).toEqual(expect.arrayContaining([{ feature: 'list', uses: 2 }, { feature: 'audit.verify', uses: 1 }]));
  });

  it('failed commands, --help and disabled collection record nothing', async () => {
    const before = fs.readFileSync(metricsFile(metricsDir()), 'utf8');
    expect((await runCli(['show', 'zzzzzz'], t.env)).code).toBe(5);
    expect((await runCli(['--help'], t.env)).code).toBe(0);
    fs.writeFileSync(path.join(t.dataDir, 'config.json'), JSON.stringify({ monitoring: { collect_metrics: false } }));
    expect((await runCli(['list'], t.env)).code).toBe(0);
    expect(fs.readFileSync(metricsFile(metricsDir()), 'utf8')).toBe(before);
  });
});
