import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { UsageError } from '../../src/core/errors.js';

/** The content of a file under tests/fixtures/interchange. */
export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/interchange/${name}`, import.meta.url)), 'utf8');
}

/** Assert that `run` throws exactly one UsageError whose message contains every fragment. */
export function expectUsageError(run: () => unknown, ...fragments: string[]): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(UsageError);
  for (const fragment of fragments) expect((caught as Error).message).toContain(fragment);
}
