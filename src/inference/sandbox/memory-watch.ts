import { readFile } from 'node:fs/promises';

/**
 * Resident set size of process `pid` in bytes, read from /proc (Linux). Returns undefined where /proc is
 * unavailable; the sandbox then relies on the child's own reports.
 */
export async function residentBytes(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return m?.[1] ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
