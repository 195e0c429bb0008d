/**
 * The llama sandbox child process. It loads one GGUF model with node-llama-cpp and answers requests from
 * the parent over IPC; the parent owns all limits (timeout, memory) and kills this process when they are
 * exceeded. Never downloads, never builds llama.cpp, never writes prompts or outputs anywhere but IPC.
 */
import { access, constants, stat } from 'node:fs/promises';
import type { Llama, LlamaContext, LlamaEmbeddingContext, LlamaModel, LlamaCompletion as Completion } from 'node-llama-cpp';
import type { LlamaBatchGenerator } from '../llama-batch.js';
import { ParentMessage, type ChildMessage } from './protocol.js';

interface Loaded {
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
  completion: Completion;
  threads: number;
  contextSize: number;
  embedding?: LlamaEmbeddingContext;
  batchSequences: number;
  batchContextPerSequence: number;
  batch?: LlamaBatchGenerator;
}

let loaded: Loaded | undefined;
const aborts = new Map<number, AbortController>();
let queue: Promise<void> = Promise.resolve();

function send(message: ChildMessage): void {
  process.send?.(message);
}

async function init(msg: Extract<ParentMessage, { type: 'init' }>): Promise<void> {
  try {
    await access(msg.modelPath, constants.R_OK);
  } catch {
    send({ type: 'error', code: 'model_missing', message: 'model file is missing or unreadable' });
    return;
  }
  try {
    const { getLlama, LlamaCompletion } = await import('node-llama-cpp');
    const llama = await getLlama({ build: 'never', gpu: msg.gpuLayers === 0 ? false : 'auto', maxThreads: msg.threads, logLevel: 'error' as never });
    const model = await llama.loadModel({ modelPath: msg.modelPath, gpuLayers: msg.gpuLayers });
    const context = await model.createContext({ contextSize: Math.min(msg.contextSize, model.trainContextSize), threads: msg.threads });
    const completion = new LlamaCompletion({ contextSequence: context.getSequence() });
    loaded = { llama, model, context, completion, threads: msg.threads, contextSize: context.contextSize, batchSequences: msg.batchSequences ?? 8, batchContextPerSequence: msg.batchContextPerSequence ?? context.contextSize };
    const size = (await stat(msg.modelPath)).size;
    const arch = model.fileInfo.metadata?.general?.architecture;
    send({
      type: 'ready',
      model: {
        ...(typeof arch === 'string' ? { architecture: arch } : {}),
        contextSize: context.contextSize,
        trainContextSize: model.trainContextSize,
        embeddingSize: model.embeddingVectorSize,
        sizeBytes: size,
      },
    });
  } catch (err) {
    send({ type: 'error', code: 'model_invalid', message: String((err as Error).message).slice(0, 500) });
  }
}

async function generate(msg: Extract<ParentMessage, { type: 'generate' }>): Promise<void> {
  if (!loaded) return send({ type: 'error', id: msg.id, code: 'bad_request', message: 'model not loaded' });
  const controller = new AbortController();
  aborts.set(msg.id, controller);
  try {
    let grammar;
    if (msg.jsonSchema) {
      try {
        grammar = await loaded.llama.createGrammarForJsonSchema(msg.jsonSchema as never);
      } catch (err) {
        return send({ type: 'error', id: msg.id, code: 'grammar', message: String((err as Error).message).slice(0, 500) });
      }
    }
    let tokens = 0;
    const result = await loaded.completion.generateCompletionWithMeta(msg.prompt, {
      maxTokens: msg.maxTokens,
      temperature: msg.temperature,
      ...(msg.stop.length ? { customStopTriggers: msg.stop } : {}),
      ...(grammar ? { grammar } : {}),
      signal: controller.signal,
      stopOnAbortSignal: true,
      onTextChunk: (text) => send({ type: 'chunk', id: msg.id, text }),
      onToken: (t) => { tokens += t.length; },
    });
    send({ type: 'done', id: msg.id, text: result.response, tokens, stopReason: result.metadata.stopReason });
  } catch (err) {
    send({ type: 'error', id: msg.id, code: 'failed', message: String((err as Error).message).slice(0, 500) });
  } finally {
    aborts.delete(msg.id);
  }
}

async function embed(msg: Extract<ParentMessage, { type: 'embed' }>): Promise<void> {
  if (!loaded) return send({ type: 'error', id: msg.id, code: 'bad_request', message: 'model not loaded' });
  try {
    loaded.embedding ??= await loaded.model.createEmbeddingContext({ contextSize: Math.min(loaded.contextSize, 2048), threads: loaded.threads });
    const vectors: number[][] = [];
    for (const text of msg.texts) vectors.push([...(await loaded.embedding.getEmbeddingFor(text)).vector]);
    send({ type: 'vectors', id: msg.id, vectors });
  } catch (err) {
    send({ type: 'error', id: msg.id, code: 'failed', message: String((err as Error).message).slice(0, 500) });
  }
}

async function generateBatch(msg: Extract<ParentMessage, { type: 'generate_batch' }>): Promise<void> {
  if (!loaded) return send({ type: 'error', id: msg.id, code: 'bad_request', message: 'model not loaded' });
  const controller = new AbortController();
  aborts.set(msg.id, controller);
  try {
    const { LlamaBatchGenerator } = await import('../llama-batch.js');
    loaded.batch ??= await LlamaBatchGenerator.create(loaded.model, { sequences: loaded.batchSequences, contextPerSequence: loaded.batchContextPerSequence, threads: loaded.threads });
    const results = [];
    for (let at = 0; at < msg.prompts.length; at += loaded.batch.sequences) {
      const part = msg.prompts.slice(at, at + loaded.batch.sequences);
      results.push(...await loaded.batch.generateBatch(part, { maxTokens: msg.maxTokens, temperature: msg.temperature, stop: msg.stop, signal: controller.signal }));
    }
    send({ type: 'batch_done', id: msg.id, results });
  } catch (err) {
    send({ type: 'error', id: msg.id, code: 'failed', message: String((err as Error).message).slice(0, 500) });
  } finally {
    aborts.delete(msg.id);
  }
}

process.on('message', (raw: unknown) => {
  const parsed = ParentMessage.safeParse(raw);
  if (!parsed.success) return send({ type: 'error', code: 'bad_request', message: 'invalid request' });
  const msg = parsed.data;
  if (msg.type === 'abort') { aborts.get(msg.id)?.abort(); return; }
  const run = msg.type === 'init' ? () => init(msg)
    : msg.type === 'generate' ? () => generate(msg)
      : msg.type === 'generate_batch' ? () => generateBatch(msg) : () => embed(msg);
  queue = queue.then(run, run);
});

process.on('disconnect', () => process.exit(0));
setInterval(() => send({ type: 'memory', rss: process.memoryUsage.rss() }), 250).unref();
