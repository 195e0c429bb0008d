import { render } from 'ink';
import { SessionApp, type SessionControls } from './session-app.js';
import type { SessionOutcome, SessionServices } from './services.js';

/** Terminal streams the session draws on and reads keys from. */
export interface SessionTerminal {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/**
 * Run the writing session on a terminal until it ends; resolves with how it ended. The last screen (the
 * feedback panel, or the dialog answered) stays on the terminal. `controls` lets the host keep the draft
 * when the process is asked to stop.
 */
export async function runSession(services: SessionServices, terminal: SessionTerminal, controls?: { current: SessionControls | null }): Promise<SessionOutcome> {
  let resolveOutcome!: (o: SessionOutcome) => void;
  const outcome = new Promise<SessionOutcome>((resolve) => {
    resolveOutcome = resolve;
  });
  const instance = render(<SessionApp services={services} onExit={(o) => resolveOutcome(o)} controls={controls} />, {
    stdin: terminal.stdin,
    stdout: terminal.stdout,
    stderr: terminal.stderr,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const result = await outcome;
  // Let the final frame render before unmounting.
  await new Promise((resolve) => setTimeout(resolve, 20));
  instance.unmount();
  await instance.waitUntilExit();
  return result;
}
