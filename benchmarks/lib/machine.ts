import os from 'node:os';

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
