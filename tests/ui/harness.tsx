import os from 'node:os';
import { Readable } from 'node:stream';
import { render } from 'ink-testing-library';
import { CommandContext } from '../../src/cli/context.js';
import type { CliDeps, Output } from '../../src/cli/deps.js';
import { buildSessionServices, WarmProvider } from '../../src/cli/commands/session.js';
import { SessionApp } from '../../src/ui/session-app.js';
import type { SessionOutcome, SessionServices } from '../../src/ui/services.js';
import { initJournal, runCli, tempJournal, type TempJournal } from '../helpers/cli.js';

/** Keys as a terminal sends them. */
export const KEY = {
  enter: '\r', backspace: '\x7f', delete: '\x1b[3~', left: '\x1b[D', right: '\x1b[C', up: '\x1b[A', down: '\x1b[B',
  home: '\x1b[H', end: '\x1b[F', ctrlD: '\x04', ctrlC: '\x03', esc: '\x1b', f1: '\x1bOP',
} as const;

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public time: Date) {}
  now = () => new Date(this.time);
  advance(seconds: number): void {
    this.time = new Date(this.time.getTime() + seconds * 1000);
  }
}

const sink: Output = { write: () => undefined, isTTY: false, columns: 100 };

/** Options of a session under test. */
export interface SessionFixtureOptions {
  /** Ask for the passphrase in the UI instead of reading the passphrase file. */
  locked?: boolean;
  idleThresholdMs?: number;
  autosaveMs?: number;
  showHints?: boolean;
  journal?: TempJournal;
  /** Replace parts of the real services (e.g. a spying prompter). */
  override?: (services: SessionServices) => SessionServices;
}

/** A real journal in a temp dir, the real session services over it, and the session rendered. */
export async function startSession(options: SessionFixtureOptions = {}) {
  const t = options.journal ?? tempJournal();
  if (!options.journal) await initJournal(t);
  const clock = new TestClock(new Date('2026-11-21T09:30:00Z'));
  const env: Record<string, string | undefined> = { ...t.env };
  if (options.locked) delete env.COMPANION_PASSPHRASE_FILE;
  const stdin = Readable.from([]) as CliDeps['stdin'];
  const deps: CliDeps = { env, stdin, stdout: sink, stderr: sink, now: clock.now, homeDir: t.dir || os.tmpdir(), openTty: () => null, runEditor: async () => undefined };
  const ctx = new CommandContext(deps);
  await ctx.prepare();
  let services = await buildSessionServices(ctx, new WarmProvider(ctx));
  services = {
    ...services,
    idleThresholdMs: options.idleThresholdMs ?? 60_000,
    autosaveMs: options.autosaveMs ?? 60_000,
    showHints: options.showHints ?? true,
  };
  if (options.override) services = options.override(services);
  let resolveOutcome!: (o: SessionOutcome) => void;
  const outcome = new Promise<SessionOutcome>((resolve) => (resolveOutcome = resolve));
  const ui = render(<SessionApp services={services} onExit={resolveOutcome} />);
  const frame = () => ui.lastFrame() ?? '';
  /**
   * Wait until the frame satisfies `test` (polling; fails with the last frame after `ms`). The default is
   * generous: in a full run on two cores a save's warning dialog once took more than 8 s to appear (the
   * dialogs file's ten tests take 2-3 s when it runs alone); waiting longer changes no assertion.
   */
  const waitFor = async (test: string | RegExp | ((f: string) => boolean), ms = 20_000) => {
    const check = typeof test === 'function' ? test : (f: string) => (typeof test === 'string' ? f.includes(test) : test.test(f));
    const deadline = Date.now() + ms;
    while (!check(frame())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(test)}; last frame:\n${frame()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return frame();
  };
  /**
   * Wait until the editor is back on screen showing `text`. A dialog's frame may show the entry's text too (the
   * PII dialog highlights it), and the render that replaces a dialog lands a moment after the key that closed
   * it: a key pressed before then goes to the dialog. The status bar is only the editor's.
   */
  const waitForEditor = (text: string) => waitFor((f) => f.includes(text) && f.includes('Ctrl+D save'));
  /** Write keys one event at a time (as a person types), letting Ink handle each. */
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      ui.stdin.write(k);
      await new Promise((r) => setImmediate(r));
    }
  };
  const entries = async () => {
    const r = await runCli(['list', '--json', '--limit', '0'], t.env);
    if (r.code !== 0) throw new Error(r.stderr);
    return (JSON.parse(r.stdout) as { entries: Array<Record<string, unknown>> }).entries;
  };
  const done = () => {
    ui.unmount();
    if (!options.journal) t.cleanup();
  };
  return { t, ctx, clock, services, ui, frame, waitFor, waitForEditor, press, outcome, entries, done };
}
