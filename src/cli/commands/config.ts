import { getConfigValue, setConfigValue } from '../../core/config.js';
import { ensurePrivateDir } from '../../core/atomic-write.js';
import type { CommandContext } from '../context.js';
import { notePending } from '../../security/audit-log.js';
import { auditFiles } from '../services.js';

function flatten(value: unknown, prefix: string, out: Array<[string, unknown]>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.push([prefix, value]);
  }
}

/** `companion config get <key>`. */
export async function configGet(ctx: CommandContext, key: string, opts: { json?: boolean }): Promise<void> {
  const value = getConfigValue(ctx.config, key);
  if (opts.json || (value !== null && typeof value === 'object')) ctx.printJson(value);
  else ctx.print(String(value));
}

/** `companion config set <key> <value>`: validated, then written atomically. */
export async function configSet(ctx: CommandContext, key: string, value: string): Promise<void> {
  ensurePrivateDir(ctx.paths.root);
  const config = setConfigValue(ctx.paths.config, key, value);
  // No key is needed to change settings, so the change is noted and MAC'd into the audit log at the next unlock.
  notePending(auditFiles(ctx).pending, 'config.changed', { key }, ctx.deps.now());
  ctx.print(`${key} = ${JSON.stringify(getConfigValue(config, key))}`);
}

/** `companion config list`: every setting and its effective value (file, environment, default). */
export async function configList(ctx: CommandContext, opts: { json?: boolean }): Promise<void> {
  if (opts.json) {
    ctx.printJson(ctx.config);
    return;
  }
  const rows: Array<[string, unknown]> = [];
  flatten(ctx.config, '', rows);
  for (const [k, v] of rows) ctx.print(`${k} = ${JSON.stringify(v)}`);
}

/** `companion config path`. */
export async function configPath(ctx: CommandContext): Promise<void> {
  ctx.print(ctx.paths.config);
}

