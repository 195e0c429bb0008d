import { UsageError } from '../../core/errors.js';
import { compareModels } from '../../inference/model-compare.js';
import { listModels } from '../../providers/models.js';
import type { CommandContext } from '../context.js';

/** Options of `companion models compare`. */
export interface ModelsCompareOptions {
  json?: boolean;
  tokens?: string;
}

const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

/**
 * `companion models compare [files...]`: load each GGUF file (default: every one in the models
 * directory) in the sandbox and measure load time, tokens/s and peak memory side by side.
 */
export async function modelsCompare(ctx: CommandContext, files: string[], opts: ModelsCompareOptions): Promise<void> {
  const maxTokens = opts.tokens === undefined ? 64 : Number(opts.tokens);
  if (!Number.isInteger(maxTokens) || maxTokens < 1 || maxTokens > 4096) throw new UsageError(`--tokens takes a whole number from 1 to 4096, not "${opts.tokens}".`);
  const paths = files.length > 0 ? files : (await listModels(ctx.paths.models, { hash: false })).map((m) => m.path);
  if (paths.length === 0) throw new UsageError(`No GGUF files to compare in ${ctx.paths.models}.`, 'Put GGUF models there, or name the files: companion models compare a.gguf b.gguf');
  if (!opts.json) ctx.note(`Measuring ${paths.length} model${paths.length === 1 ? '' : 's'}, one at a time…`);
  const rows = await compareModels(paths, { maxTokens });
  if (opts.json) {
    ctx.printJson({ maxTokens, models: rows });
    return;
  }
  const header = ['file', 'quant', 'size', 'load', 'tokens/s', 'peak memory', 'threads/ctx'];
  const cells = rows.map((r) => r.error
    ? [r.file, r.quantization ?? '?', mib(r.sizeBytes), 'failed', '', '', r.error.slice(0, 60)]
    : [r.file, r.quantization ?? '?', mib(r.sizeBytes), `${r.loadMs.toFixed(0)} ms`, r.tokensPerSecond.toFixed(1), mib(r.peakRssBytes), `${r.settings.threads}/${r.settings.contextSize}`]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => (i === 0 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join('  ');
  ctx.print(ctx.style.bold(line(header)));
  for (const c of cells) ctx.print(line(c));
}
