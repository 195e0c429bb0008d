import fs from 'node:fs';
import os from 'node:os';
import tty from 'node:tty';
import { spawn } from 'node:child_process';
import type { CliDeps, Output } from './deps.js';
import { main } from './main.js';

function output(stream: NodeJS.WriteStream): Output {
  return {
    write: (text: string) => void stream.write(text),
    get isTTY() {
      return Boolean(stream.isTTY);
    },
    get columns() {
      return stream.columns;
    },
  };
}

function openTty(): ReturnType<CliDeps['openTty']> {
  let fd: number;
  try {
    fd = fs.openSync('/dev/tty', 'r+');
  } catch {
    return null;
  }
  const input = new tty.ReadStream(fd);
  const out = new tty.WriteStream(fd);
  return { input, output: output(out), close: () => { input.destroy(); } };
}

function runEditor(file: string, env: Record<string, string | undefined>): Promise<void> {
  const editor = env.VISUAL || env.EDITOR || 'vi';
  return new Promise((resolve, reject) => {
    // The editor setting may carry arguments ("code --wait"), so it runs through the shell; the file
    // name is passed as a positional parameter, never interpolated.
    const child = spawn('/bin/sh', ['-c', `${editor} "$1"`, 'companion-editor', file], { stdio: 'inherit', env: env as NodeJS.ProcessEnv });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`the editor (${editor}) exited with ${signal ?? `code ${code}`}`));
    });
  });
}

/** Real-process entry: wire companion to this process's streams, clock and environment. */
export async function run(argv: string[]): Promise<void> {
  // A reader that goes away (`companion list | head`) is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  const deps: CliDeps = {
    env: process.env,
    stdin: process.stdin,
    stdout: output(process.stdout),
    stderr: output(process.stderr),
    now: () => new Date(),
    homeDir: os.homedir(),
    openTty,
    runEditor,
  };
  process.exitCode = await main(argv, deps);
}
