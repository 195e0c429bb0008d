import { loadConfig, type Config } from '../core/config.js';
import { dataPaths, resolveDataDir, type DataPaths } from '../core/paths.js';
import type { CliDeps } from './deps.js';
import { styleFor } from './style.js';

/** What every command handler gets: the outside world, the paths, config (read on first use), output helpers. */
export class CommandContext {
  readonly paths: DataPaths;
  private cachedConfig: Config | undefined;
  /** Exit code a command sets when it reports a failure without throwing (e.g. verify --json). */
  exitCode = 0;

  constructor(readonly deps: CliDeps) {
    this.paths = dataPaths(resolveDataDir(deps.env, deps.homeDir));
  }

  /** Validated config (file + env + defaults). */
  get config(): Config {
    this.cachedConfig ??= loadConfig(this.paths.config, this.deps.env);
    return this.cachedConfig;
  }

  /** Colours for stdout. */
  get style() {
    return styleFor(this.deps.stdout, this.deps.env);
  }

  /** Print a line to stdout. */
  print(line = ''): void {
    this.deps.stdout.write(line + '\n');
  }

  /** Print a value as pretty JSON to stdout (the stable `--json` shapes). */
  printJson(value: unknown): void {
    this.deps.stdout.write(JSON.stringify(value, null, 2) + '\n');
  }

  /** Print a note for the person to stderr (never mixed into `--json` output). */
  note(line: string): void {
    this.deps.stderr.write(line + '\n');
  }
}
