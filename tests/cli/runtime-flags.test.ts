import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS, runsWithNodeFlags } from '../../src/cli/runtime-flags.js';
import { BIN } from '../helpers/cli.js';

const SHEBANG = `#!/usr/bin/env -S node ${NODE_FLAGS.join(' ')}`;

describe('the Node.js flags companion runs with', () => {
  it('are on the first line of bin/companion.js and in npm start', () => {
    expect(fs.readFileSync(BIN, 'utf8').split('\n')[0]).toBe(SHEBANG);
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe(`node ${NODE_FLAGS.join(' ')} bin/companion.js`);
  });

  it('reach node through that first line when the file is run as a program', () => {
    if (process.platform === 'win32') return;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'companion-shebang-'));
    try {
      const script = path.join(dir, 'flags.js');
      fs.writeFileSync(script, `${SHEBANG}\nprocess.stdout.write(JSON.stringify(process.execArgv));\n`, { mode: 0o755 });
      expect(JSON.parse(execFileSync(script, { encoding: 'utf8' }))).toEqual(NODE_FLAGS);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('let the installed command start through its first line', () => {
    if (process.platform === 'win32') return;
    expect(execFileSync(BIN, ['--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+/u);
  });

  it('are told present from the command line or NODE_OPTIONS, and missing otherwise', () => {
    expect(runsWithNodeFlags([...NODE_FLAGS], '')).toBe(true);
    expect(runsWithNodeFlags([], NODE_FLAGS.join(' '))).toBe(true);
    expect(runsWithNodeFlags(['--require', 'x.cjs'], '--max-old-space-size=512')).toBe(false);
    expect(runsWithNodeFlags([], '--v8-pool-size=4')).toBe(false);
  });
});
