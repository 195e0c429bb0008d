import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { CLI_BIN } from '../lib/cli-runner.js';

/** The built CLI running on a pseudo-terminal (util-linux `script`), with its output collected. */
export interface PtySession {
  child: ChildProcessWithoutNullStreams;
  /** Everything the program drew so far (escape sequences included). */
  output(): string;
  /** Resolves with the time (performance.now) when the output first contains `text` after `from`. */
  waitFor(text: string, from?: number, timeoutMs?: number): Promise<number>;
  send(keys: string): void;
  exited: Promise<number | null>;
}

/** Start `companion` (no command) on a pty of 80×24 with `env`. */
export function startPty(env: Record<string, string>): PtySession {
  const command = `stty cols 80 rows 24; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI_BIN)}`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...env, TERM: 'xterm-256color' } });
  let out = '';
  const waiters: Array<{ text: string; from: number; resolve(t: number): void }> = [];
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString('utf8');
    const now = performance.now();
    for (const w of [...waiters]) {
      if (out.indexOf(w.text, w.from) >= 0) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(now);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    send: (keys) => void child.stdin.write(keys),
    exited,
    waitFor(text, from = 0, timeoutMs = 20_000) {
      if (out.indexOf(text, from) >= 0) return Promise.resolve(performance.now());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`pty: "${text}" did not appear; output tail: ${JSON.stringify(out.slice(-400))}`)), timeoutMs);
        waiters.push({ text, from, resolve: (t) => (clearTimeout(timer), resolve(t)) });
      });
    },
  };
}
