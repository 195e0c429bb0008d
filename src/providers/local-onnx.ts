import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ModelNotFoundError, ProviderError } from './errors.js';

/** A Transformers.js task this app runs from local folders. */
export type LocalOnnxTask = 'feature-extraction' | 'text-classification';

/** What was found in a local ONNX model folder before loading it. */
export interface LocalOnnxFolder {
  /** Absolute folder path (`modelDir/model`). */
  folder: string;
  /** Parsed config.json. */
  config: Record<string, unknown>;
  /** True when only onnx/model_quantized.onnx is present. */
  quantized: boolean;
}

/** Where to put a model folder, for error hints. */
export function onnxFolderHint(modelDir: string): string {
  return `Put an ONNX model folder (config.json, tokenizer.json, onnx/model.onnx) in ${modelDir} or set COMPANION_MODEL_DIR.`;
}

/**
 * Checks that `modelDir/model` holds config.json and onnx/model.onnx (or model_quantized.onnx) and reads
 * the config. Throws `ModelNotFoundError` (with a hint) when something is missing or unreadable.
 */
export async function inspectOnnxFolder(provider: string, modelDir: string, model: string): Promise<LocalOnnxFolder> {
  const folder = join(modelDir, model);
  try {
    const config = JSON.parse(await readFile(join(folder, 'config.json'), 'utf8')) as unknown;
    if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new Error('config.json is not an object');
    const quantized = await access(join(folder, 'onnx', 'model.onnx')).then(() => false, () => true);
    if (quantized) await access(join(folder, 'onnx', 'model_quantized.onnx'));
    return { folder, config: config as Record<string, unknown>, quantized };
  } catch {
    throw new ModelNotFoundError(provider, `No ONNX model folder at ${folder}.`, onnxFolderHint(modelDir));
  }
}

/**
 * Loads a Transformers.js pipeline from `modelDir/model` with remote loading switched off
 * (`allowRemoteModels = false`, `localModelPath = modelDir`): never contacts a hub. Throws a permanent
 * `ProviderError` when the folder cannot be loaded.
 */
export async function loadLocalPipeline(provider: string, task: LocalOnnxTask, modelDir: string, model: string, quantized: boolean): Promise<unknown> {
  const { pipeline, env } = await import('@xenova/transformers');
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = modelDir;
  try {
    return await pipeline(task, model, { quantized });
  } catch (err) {
    throw new ProviderError(`The model folder ${join(modelDir, model)} could not be loaded.`, { kind: 'permanent', provider, cause: err, hint: onnxFolderHint(modelDir) });
  }
}
