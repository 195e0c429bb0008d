import path from 'node:path';
import { setConfigValue } from '../../core/config.js';
import { ensurePrivateDir } from '../../core/atomic-write.js';
import { NotFoundError } from '../../core/errors.js';
import { listModels, modelInfo, resolveModelChoice, type ModelFileInfo } from '../../providers/models.js';
import { resolveProviderSettings } from '../../providers/create-provider.js';
import { notePending } from '../../security/audit-log.js';
import type { CommandContext } from '../context.js';
import { auditFiles } from '../services.js';

type ModelRow = ModelFileInfo & { pinned: string | null; changed: boolean };

/** The verified-hash cache shared with the load-time pin check. */
function modelHashCache(ctx: CommandContext): string {
  return path.join(ctx.paths.cache, 'model-hashes.json');
}

function size(bytes: number): string {
  return bytes >= 1 << 30 ? `${(bytes / (1 << 30)).toFixed(1)} GiB` : bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

function withPin(ctx: CommandContext, m: ModelFileInfo): ModelRow {
  const pinned = m.active ? ctx.config.model_sha256 : null;
  return { ...m, pinned, changed: pinned !== null && m.sha256 !== undefined && m.sha256 !== pinned };
}

/** `companion models list`: GGUF files in the models directory (and the configured one), with header facts. */
export async function modelsList(ctx: CommandContext, opts: { json?: boolean; hash?: boolean }): Promise<void> {
  const active = resolveProviderSettings(ctx.config, ctx.deps.env).modelPath ?? undefined;
  const found = await listModels(ctx.paths.models, { hash: opts.hash !== false, activePath: active });
  if (active && !found.some((m) => m.active)) {
    try {
      found.push(await modelInfo(active, { hash: opts.hash !== false, activePath: active }));
    } catch (err) {
      ctx.note(`The configured model ${active} cannot be read: ${(err as Error).message}`);
    }
  }
  const rows = found.map((m) => withPin(ctx, m));
  if (opts.json) {
    ctx.printJson({ modelsDir: ctx.paths.models, models: rows });
    return;
  }
  if (rows.length === 0) {
    ctx.note(`No GGUF models found. Put a .gguf file in ${ctx.paths.models} (or set COMPANION_MODEL_PATH), then run \`companion models use <file>\`. companion never downloads models; without one it uses the built-in mode.`);
    return;
  }
  const s = ctx.style;
  for (const m of rows) {
    const facts = [m.architecture ?? '?', m.quantization ?? '?', m.contextLength ? `ctx ${m.contextLength}` : null, size(m.sizeBytes)].filter(Boolean).join(' · ');
    ctx.print(`${m.active ? s.green('*') : ' '} ${s.bold(m.file)}  ${s.dim(facts)}${m.sha256 ? s.dim(`  sha256 ${m.sha256.slice(0, 12)}`) : ''}${m.changed ? s.red('  CHANGED since `models use`') : ''}`);
  }
}

/** `companion models use <file>`: make a GGUF file the active model (llama provider), pinning its sha256. */
export async function modelsUse(ctx: CommandContext, file: string): Promise<void> {
  const found = await resolveModelChoice(ctx.paths.models, file, { hash: false });
  // Hash through the pin cache, so the first AI command after this does not hash the file again.
  const { cachedModelSha256 } = await import('../../providers/model-pin.js');
  const m = { ...found, sha256: (await cachedModelSha256(found.path, { cacheFile: modelHashCache(ctx) })).sha256 };
  ensurePrivateDir(ctx.paths.root);
  setConfigValue(ctx.paths.config, 'model_path', m.path);
  setConfigValue(ctx.paths.config, 'model_sha256', m.sha256);
  setConfigValue(ctx.paths.config, 'ai_provider', 'llama');
  notePending(auditFiles(ctx).pending, 'config.changed', { key: 'model_path', sha256: m.sha256 }, ctx.deps.now());
  ctx.print(`Using ${m.file} (${m.architecture ?? 'unknown architecture'}, ${m.quantization ?? 'unknown quantization'}, sha256 ${m.sha256.slice(0, 16)}…).`);
}

/** `companion models info [file]`: the active provider and model, or one file's facts. */
export async function modelsInfo(ctx: CommandContext, file: string | undefined, opts: { json?: boolean }): Promise<void> {
  const settings = resolveProviderSettings(ctx.config, ctx.deps.env);
  const path = file ? (await resolveModelChoice(ctx.paths.models, file)).path : settings.modelPath;
  const model = path ? withPin(ctx, await modelInfo(path, { activePath: settings.modelPath ?? undefined })) : null;
  if (file && !model) throw new NotFoundError(`No model ${file}.`);
  const local = settings.provider === 'llama' || settings.provider === 'builtin' || settings.provider === 'transformers' || settings.provider === 'mock'
    || /^https?:\/\/(127\.|localhost|\[::1\])/.test(settings.provider === 'ollama' ? settings.ollamaHost : settings.openaiBaseUrl ?? 'https://api.openai.com');
  if (opts.json) {
    ctx.printJson({ provider: settings.provider, local, contextSize: settings.contextSize, model, remote: { model: settings.model, ollamaHost: settings.ollamaHost, openaiBaseUrl: settings.openaiBaseUrl } });
    return;
  }
  const s = ctx.style;
  ctx.print(`provider: ${s.bold(settings.provider)}${local ? '' : s.yellow('  (remote: journal text leaves this machine when AI features run)')}`);
  ctx.print(`context size: ${settings.contextSize} tokens`);
  if (settings.provider === 'ollama') ctx.print(`ollama: ${settings.ollamaHost}, model ${settings.model ?? '(not set)'}`);
  if (settings.provider === 'openai') ctx.print(`openai-compatible: ${settings.openaiBaseUrl ?? 'https://api.openai.com/v1'}, model ${settings.model ?? '(not set)'}`);
  if (settings.provider === 'builtin') ctx.print('built-in mode: no generative model; template prompts, lexicon sentiment, extractive summaries.');
  if (model) {
    ctx.print(`model: ${model.path}`);
    ctx.print(`  architecture ${model.architecture ?? '?'}, quantization ${model.quantization ?? '?'}, trained context ${model.contextLength ?? '?'}, ${size(model.sizeBytes)}`);
    ctx.print(`  sha256 ${model.sha256 ?? '?'}${model.changed ? s.red(' — CHANGED since `companion models use` (pinned ' + model.pinned + ')') : model.pinned ? s.green(' (matches the pinned hash)') : ''}`);
  }
}
