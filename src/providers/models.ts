import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { NotFoundError, UsageError } from '../core/errors.js';
import { fileTypeName, tensorTypeName } from './gguf/file-types.js';
import { readGgufHeader } from './gguf/gguf-reader.js';

/** What `companion models list|info` shows about one GGUF file. */
export interface ModelFileInfo {
  /** Absolute path. */
  path: string;
  /** File name. */
  file: string;
  sizeBytes: number;
  /** `general.architecture`, e.g. `llama`. */
  architecture: string | undefined;
  /** `general.name`, when the file has one. */
  name: string | undefined;
  /** `<arch>.context_length`: the context the model was trained with. */
  contextLength: number | undefined;
  /** Quantization / file type, e.g. `Q4_K_M` (from `general.file_type`, else the most common tensor type). */
  quantization: string | undefined;
  /** Hex sha256 of the whole file (absent when hashing was skipped). */
  sha256?: string;
  /** Whether this is the configured model. */
  active: boolean;
}

/** Hex sha256 of a file, streamed (large models are never read into memory at once). */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : undefined;
}

/**
 * Reads facts about one GGUF model from its header, plus its sha256 unless `hash` is false. Throws
 * `NotFoundError` when the file is missing and `UsageError` when it is not a readable GGUF file.
 */
export async function modelInfo(path: string, options: { hash?: boolean; activePath?: string } = {}): Promise<ModelFileInfo> {
  const abs = resolve(path);
  let size: number;
  try {
    size = (await stat(abs)).size;
  } catch {
    throw new NotFoundError(`No model file at ${abs}.`, 'Put GGUF models in ~/.companion/models/.');
  }
  let header;
  try {
    header = await readGgufHeader(abs);
  } catch (err) {
    throw new UsageError(`${basename(abs)} is not a readable GGUF model: ${(err as Error).message}.`);
  }
  const arch = header.metadata.get('general.architecture');
  const architecture = typeof arch === 'string' ? arch : undefined;
  const name = header.metadata.get('general.name');
  const fileType = num(header.metadata.get('general.file_type'));
  let quantization = fileType !== undefined ? fileTypeName(fileType) : undefined;
  if (quantization === undefined && header.tensors.length > 0) {
    const counts = new Map<number, number>();
    for (const t of header.tensors) counts.set(t.ggmlType, (counts.get(t.ggmlType) ?? 0) + 1);
    const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    if (top) quantization = tensorTypeName(top[0]);
  }
  return {
    path: abs,
    file: basename(abs),
    sizeBytes: size,
    architecture,
    name: typeof name === 'string' ? name : undefined,
    contextLength: architecture ? num(header.metadata.get(`${architecture}.context_length`)) : undefined,
    quantization,
    ...(options.hash === false ? {} : { sha256: await sha256File(abs) }),
    active: options.activePath !== undefined && resolve(options.activePath) === abs,
  };
}

/**
 * Lists the `.gguf` files directly inside `dir` (sorted by name) with their header facts. A missing
 * directory gives an empty list; unreadable files are skipped rather than failing the listing.
 */
export async function listModels(dir: string, options: { hash?: boolean; activePath?: string } = {}): Promise<ModelFileInfo[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.gguf')).sort();
  } catch {
    return [];
  }
  const out: ModelFileInfo[] = [];
  for (const n of names) {
    try {
      out.push(await modelInfo(join(dir, n), options));
    } catch {
      // not a readable GGUF file: left out of the listing
    }
  }
  return out;
}

/**
 * Resolves `companion models use <file>`: a path, or a file name inside `dir`. Returns the model's facts
 * (with sha256 unless `hash` is false) after checking it is a readable GGUF file; the caller stores `path`
 * as `model_path`.
 */
export async function resolveModelChoice(dir: string, choice: string, options: { hash?: boolean } = {}): Promise<ModelFileInfo> {
  const path = isAbsolute(choice) || choice.includes('/') ? resolve(choice) : join(dir, choice);
  return modelInfo(path, { activePath: path, ...options });
}
