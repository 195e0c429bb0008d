import type { ChalkInstance } from 'chalk';
import type { Config } from '../core/config.js';
import { dataPaths, resolveDataDir, type DataPaths } from '../core/paths.js';
import type { AuditTrail } from '../security/audit-trail.js';
import type { CliDeps } from './deps.js';

type ConfigModule = typeof import('../core/config.js');
type StyleModule = typeof import('./style.js');

/**
 * What every command handler gets: the outside world, the paths, config, output helpers. Heavy modules
 * (zod for config, chalk) load in `prepare()`, which runs only when a command executes, so `--help`
 * and `--version` never pay for them.
 */
export class CommandContext {
  readonly paths: DataPaths;
  /** Exit code a command sets when it reports a failure without throwing (e.g. verify --json). */
  exitCode = 0;
  /** The audit trail, once a command has unlocked the journal; flushed when the command ends. */
  audit: AuditTrail | null = null;
  private configModule: ConfigModule | undefined;
  private styleModule: StyleModule | undefined;
  private cachedConfig: Config | undefined;

  constructor(readonly deps: CliDeps) {
    this.paths = dataPaths(resolveDataDir(deps.env, deps.homeDir));
  }

  /** Load what command handlers need; called once before a handler runs. */
  async prepare(): Promise<void> {
    [this.configModule, this.styleModule] = await Promise.all([import('../core/config.js'), import('./style.js')]);
  }

  /** Validated config (file + env + defaults). */
  get config(): Config {
    if (!this.configModule) throw new Error('CommandContext.prepare() was not called');
    this.cachedConfig ??= this.configModule.loadConfig(this.paths.config, this.deps.env);
    return this.cachedConfig;
  }

  /** Colours for stdout (none with NO_COLOR or when stdout is not a terminal). */
  get style(): ChalkInstance {
    if (!this.styleModule) throw new Error('CommandContext.prepare() was not called');
    return this.styleModule.styleFor(this.deps.stdout, this.deps.env);
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
