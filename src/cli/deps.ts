/** A place the CLI writes text to (stdout, stderr, or a buffer in tests). */
export interface Output {
  write(text: string): void;
  /** True when a person is looking at it (colours, prompts, tables). */
  readonly isTTY: boolean;
  /** Terminal width, when known. */
  readonly columns?: number;
}

/** A readable stream the CLI can read secrets or text from. */
export type Input = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

/**
 * Everything the CLI takes from the outside world, so tests can run `main(argv, deps)` in-process with a
 * temporary data directory, a fixed clock and scripted input.
 */
export interface CliDeps {
  env: Record<string, string | undefined>;
  stdin: Input;
  stdout: Output;
  stderr: Output;
  /** The clock. */
  now(): Date;
  /** Home directory (for the default data directory). */
  homeDir: string;
  /** Open the controlling terminal for a prompt when stdin is a pipe; null when there is none. */
  openTty(): { input: Input; output: Output; close(): void } | null;
  /** Run the user's editor on a file and wait for it to exit. */
  runEditor(file: string, env: Record<string, string | undefined>): Promise<void>;
}
