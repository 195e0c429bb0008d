import { Chalk, type ChalkInstance } from 'chalk';
import type { Output } from './deps.js';

/** A chalk instance that respects NO_COLOR, FORCE_COLOR and whether the output is a terminal. */
export function styleFor(out: Output, env: Record<string, string | undefined>): ChalkInstance {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return new Chalk({ level: noColor ? 0 : forced || out.isTTY ? 1 : 0 });
}
