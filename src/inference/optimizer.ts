import os from 'node:os';
import { stat } from 'node:fs/promises';
import { readGgufHeader } from '../providers/gguf/gguf-reader.js';

/** What the optimizer needs to know about the machine. */
export interface MachineFacts {
  /** Logical cores usable by this process (`os.availableParallelism()`). */
  cores: number;
  /** Total and currently free RAM in bytes. */
  totalMemoryBytes: number;
  freeMemoryBytes: number;
  /** Free GPU memory in bytes, when a GPU is known to be usable (0 or absent: CPU only). */
  gpuFreeBytes?: number;
}

/** What the optimizer needs to know about the model (GGUF header facts). */
export interface ModelShape {
  sizeBytes: number;
  /** Transformer blocks (`<arch>.block_count`). */
  layers?: number;
  /** Training context (`<arch>.context_length`). */
  trainContext?: number;
  /** Hidden size (`<arch>.embedding_length`). */
  embedding?: number;
  /** KV heads and attention heads (for the KV cache size). */
  headsKv?: number;
  heads?: number;
}

/** Inference settings for node-llama-cpp, with the reason for each. */
export interface InferenceSettings {
  threads: number;
  gpuLayers: number;
  contextSize: number;
  /** Tokens per decode call. */
  batchSize: number;
  /** Sequences decoded together (never more than `performance.max_batch_size`). */
  sequences: number;
  reasons: string[];
}

/** This machine's facts. */
export function machineFacts(): MachineFacts {
  return { cores: os.availableParallelism(), totalMemoryBytes: os.totalmem(), freeMemoryBytes: os.freemem() };
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : undefined;
}

/** Read the shape of a GGUF model from its header (no weights are loaded). */
export async function modelShape(path: string): Promise<ModelShape> {
  const [header, st] = await Promise.all([readGgufHeader(path), stat(path)]);
  const arch = header.metadata.get('general.architecture');
  const key = (k: string) => (typeof arch === 'string' ? num(header.metadata.get(`${arch}.${k}`)) : undefined);
  const shape: ModelShape = { sizeBytes: st.size };
  const set = (k: keyof ModelShape, v: number | undefined) => { if (v !== undefined) shape[k] = v; };
  set('layers', key('block_count'));
  set('trainContext', key('context_length'));
  set('embedding', key('embedding_length'));
  set('heads', key('attention.head_count'));
  set('headsKv', key('attention.head_count_kv') ?? key('attention.head_count'));
  return shape;
}

const GiB = 1024 ** 3;
const CONTEXT_STEPS = [8192, 4096, 2048, 1024, 512];

/** Bytes of f16 KV cache per token of context. */
function kvBytesPerToken(m: ModelShape): number {
  const layers = m.layers ?? 32;
  const emb = m.embedding ?? 4096;
  const kvShare = m.heads && m.headsKv ? m.headsKv / m.heads : 1;
  return 2 * layers * emb * kvShare * 2;
}

/**
 * Choose threads, GPU layers, context size, batch size and sequences for a model on a machine:
 * - threads: physical-ish cores (all cores up to 4, then all but one, leaving room for the UI);
 * - GPU layers: all when the model fits in 90% of free GPU memory, else the share that fits, else 0;
 * - context: the largest of 8192…512 (capped by the training context and `wantContext`) whose KV cache
 *   for all sequences fits in half the RAM left after the weights;
 * - batch size: 512 with a GPU, else 256 (CPU decode gains little from larger batches);
 * - sequences: `maxBatchSize`, reduced while their KV caches would not fit.
 */
export function chooseSettings(machine: MachineFacts, model: ModelShape, options: { maxBatchSize?: number; wantContext?: number } = {}): InferenceSettings {
  const reasons: string[] = [];
  const threads = machine.cores <= 4 ? Math.max(1, machine.cores) : machine.cores - 1;
  reasons.push(`threads ${threads} of ${machine.cores} cores${machine.cores > 4 ? ' (one left for the rest of the program)' : ''}`);

  const layers = model.layers ?? 0;
  let gpuLayers = 0;
  const gpu = machine.gpuFreeBytes ?? 0;
  if (gpu > 0 && layers > 0) {
    const budget = gpu * 0.9;
    gpuLayers = model.sizeBytes <= budget ? layers : Math.max(0, Math.floor((budget / model.sizeBytes) * layers));
    reasons.push(gpuLayers === layers ? 'all layers on the GPU (the model fits)' : `${gpuLayers} of ${layers} layers on the GPU (90% of its free memory)`);
  } else {
    reasons.push('CPU only (no usable GPU memory reported)');
  }

  const spare = Math.max(0, Math.min(machine.freeMemoryBytes, machine.totalMemoryBytes - 1 * GiB) - model.sizeBytes);
  const kvBudget = spare / 2;
  const perToken = kvBytesPerToken(model);
  const cap = Math.min(model.trainContext ?? 4096, options.wantContext ?? 8192);
  let sequences = Math.max(1, options.maxBatchSize ?? 8);
  const fits = (ctx: number, seqs: number) => ctx * seqs * perToken <= kvBudget;
  let contextSize = CONTEXT_STEPS.find((c) => c <= cap && fits(c, 1)) ?? Math.min(512, cap);
  while (sequences > 1 && !fits(Math.min(contextSize, 1024), sequences)) sequences = Math.floor(sequences / 2);
  if (!fits(contextSize, 1)) contextSize = Math.min(512, cap);
  reasons.push(`context ${contextSize} tokens (KV cache ${(contextSize * perToken / 2 ** 20).toFixed(0)} MiB; model trained for ${model.trainContext ?? 'unknown'})`);
  const batchSize = gpuLayers > 0 ? 512 : 256;
  reasons.push(`batch ${batchSize} tokens per decode, ${sequences} sequence${sequences === 1 ? '' : 's'} decoded together`);
  return { threads, gpuLayers, contextSize, batchSize, sequences, reasons };
}
