import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];
let hooked = false;

function removeAll(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * A fresh private temporary directory, removed when `removeTempDir` is called or, at the latest, when the
 * process exits or is interrupted.
 */
export function makeTempDir(prefix: string): string {
  if (!hooked) {
    hooked = true;
    process.on('exit', removeAll);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => {
        removeAll();
        process.exit(130);
      });
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  made.push(dir);
  return dir;
}

/** Remove a directory made by `makeTempDir` now. */
export function removeTempDir(dir: string): void {
  const i = made.indexOf(dir);
  if (i >= 0) made.splice(i, 1);
  fs.rmSync(dir, { recursive: true, force: true });
}
