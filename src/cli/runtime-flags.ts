/**
 * The Node.js flags `companion` runs with: the first line of bin/companion.js (`#!/usr/bin/env -S node …`) and
 * `npm start` pass them, and tests/cli/runtime-flags.test.ts keeps both equal to this list.
 *
 * `--v8-pool-size=1`: V8 does its background work (optimising compilation, concurrent marking and sweeping,
 * parallel scavenges) on a pool of four threads by default. On a machine with two cores they compete with the main
 * thread, which then loses its core for a scheduler slice of a few milliseconds now and then: detectPII's p95 on a
 * stream of different entries was about twice its median with Node's defaults and 1.3-1.6 times it with this flag
 * (runs without CPU steal; docs/SECURITY.md, "Latency"). One background thread keeps a core for the main thread; a
 * journal's heap is small, so garbage collection and compilation should lose little by it on larger machines (not
 * measured: this machine has two cores).
 */
export const NODE_FLAGS: readonly string[] = ['--v8-pool-size=1'];

/**
 * Whether a process runs with every flag of {@link NODE_FLAGS}, given on its command line (`execArgv`) or in
 * NODE_OPTIONS.
 */
export function runsWithNodeFlags(execArgv: readonly string[] = process.execArgv, nodeOptions: string = process.env.NODE_OPTIONS ?? ''): boolean {
  const given = new Set([...execArgv, ...nodeOptions.split(/\s+/u).filter(Boolean)]);
  return NODE_FLAGS.every((flag) => given.has(flag));
}
