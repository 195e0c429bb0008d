import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { NODE_FLAGS, runsWithNodeFlags } from '../../src/cli/runtime-flags.js';

/** The machine and its load when a benchmark ran (others may run tests on it at the same time). */
export interface MachineInfo {
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  /** 1, 5 and 15 minute load averages. */
  loadAverage: number[];
  at: string;
}

/** Describe this machine and its current load. */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${process.platform}/${process.arch}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))),
    at: new Date().toISOString(),
  };
}

/** One line for the console: node version, cores and load averages. */
export function describeMachine(m: MachineInfo): string {
  return `node ${m.node} ${m.platform}, ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB; load average ${m.loadAverage.join(' ')} at ${m.at}`;
}

/** The machine's CPU time so far, all cores, in clock ticks: the part stolen by the hypervisor and the total (Linux). */
export interface CpuTimes {
  steal: number;
  total: number;
}

/** The machine's CPU times from /proc/stat, or null where there is none (not Linux). */
export function cpuTimes(): CpuTimes | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/u).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal guest guest_nice: guest time is counted in user time already.
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
    return { steal: fields[7] ?? 0, total };
  } catch {
    return null;
  }
}

/**
 * The share of the machine's CPU time between two readings that the hypervisor gave to other guests (steal), as a
 * fraction; null when unknown. On a shared virtual machine, latency figures move with it.
 */
export function stealShare(before: CpuTimes | null, after: CpuTimes | null): number | null {
  if (!before || !after || after.total <= before.total) return null;
  return Number(((after.steal - before.steal) / (after.total - before.total)).toFixed(4));
}

/**
 * Latency benchmarks measure the detectors as `companion` runs them, with its Node.js flags (src/cli/runtime-flags.ts):
 * started without them, the benchmark runs itself again in a child process that has them and this returns the child's
 * exit code; it returns null when this process has them already, or when `--node-defaults` is among the arguments (to
 * measure with Node's defaults instead).
 */
export function rerunWithNodeFlags(): number | null {
  if (runsWithNodeFlags() || process.argv.includes('--node-defaults')) return null;
  const child = spawnSync(process.execPath, [...process.execArgv, ...NODE_FLAGS, ...process.argv.slice(1)], { stdio: 'inherit' });
  return child.status ?? 1;
}

/** The flags of {@link NODE_FLAGS} this process runs with: all of them, or none (`--node-defaults`). */
export function nodeFlagsInUse(): readonly string[] {
  return runsWithNodeFlags() ? NODE_FLAGS : [];
}

/** When a timed call ran, in `performance.now()` milliseconds. */
export interface CallWindow {
  start: number;
  end: number;
}

/** The garbage collector's pauses that fell inside a set of timed calls. */
export interface GcShare {
  /** Calls during which at least one pause began. */
  callsPaused: number;
  /** The pauses' summed milliseconds inside the calls. */
  pauseMs: number;
  /** The calls' 95th percentile with each call's pauses taken out: what the tail is without them. */
  p95WithoutPausesMs: number;
}

/**
 * Records the garbage collector's pauses (Node's `gc` performance entries) from its creation, so that a latency
 * figure can say how much of its tail they make: on a stream of different texts a minor collection of a few
 * milliseconds lands in a few calls and those calls are the slowest. The entries reach the observer after the
 * current task, so {@link GcRecorder.shareOf} waits for them.
 */
export class GcRecorder {
  private readonly pauses: { start: number; duration: number }[] = [];
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) this.pauses.push({ start: entry.startTime, duration: entry.duration });
  });

  constructor() {
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** The pauses that began inside `calls`, once the entries of the work so far have arrived. */
  async shareOf(calls: readonly CallWindow[]): Promise<GcShare> {
    await new Promise((resolve) => setTimeout(resolve, 20));
    let callsPaused = 0;
    let pauseMs = 0;
    const net = calls.map(({ start, end }) => {
      const inside = this.pauses.filter((p) => p.start >= start && p.start < end).reduce((sum, p) => sum + p.duration, 0);
      if (inside > 0) callsPaused++;
      pauseMs += inside;
      return end - start - inside;
    }).sort((a, b) => a - b);
    return { callsPaused, pauseMs: Number(pauseMs.toFixed(2)), p95WithoutPausesMs: Number((net[Math.floor(net.length * 0.95)] ?? 0).toFixed(3)) };
  }

  stop(): void {
    this.observer.disconnect();
  }
}
