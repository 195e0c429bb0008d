import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { GenerationAbortedError, ModelNotFoundError, ProviderError } from '../../providers/errors.js';
import { SandboxError } from './errors.js';
import { residentBytes } from './memory-watch.js';
import { ChildMessage, type ModelReport, type ParentMessage } from './protocol.js';

/** Limits and model settings for one sandboxed llama child process. */
export interface SandboxOptions {
  modelPath: string;
  contextSize: number;
  gpuLayers: number | 'auto';
  threads: number;
  /** The child is killed when its resident memory exceeds this many bytes. */
  memoryLimitBytes: number;
  /** Wall-clock limit for starting the child and loading the model. */
  startTimeoutMs: number;
  /** How often the parent samples the child's memory (default 100 ms). */
  pollIntervalMs?: number;
}

/** One generation request. */
export interface SandboxGeneration {
  prompt: string;
  maxTokens: number;
  temperature: number;
  stop: string[];
  jsonSchema?: Record<string, unknown>;
}

/** Per-call controls: streaming callback, cancellation and the wall-clock limit. */
export interface SandboxCallOptions {
  onChunk?: (text: string) => void;
  signal?: AbortSignal;
  timeoutMs: number;
}

/** Result of a finished generation. */
export interface SandboxResult {
  text: string;
  tokens: number;
  stopReason: string;
}

interface Pending {
  onChunk: ((text: string) => void) | undefined;
  settle: (msg: ChildMessage | Error) => void;
}

/** Locates the worker next to this module: compiled `.js`, or `.ts` run through tsx in development. */
function workerCommand(): { path: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    return { path: join(dirname(here), 'worker.ts'), execArgv: ['--import', tsx] };
  }
  return { path: join(dirname(here), 'worker.js'), execArgv: [] };
}

/**
 * Runs node-llama-cpp in a child process. The parent enforces a wall-clock timeout per call and a memory
 * ceiling (sampled from /proc and the child's own reports), kills the child with SIGKILL when either is
 * exceeded, and rejects pending calls with `SandboxError`. Every message from the child is validated; an
 * invalid one kills the child. After a kill the next call starts a fresh child.
 */
export class LlamaSandbox {
  private child: ChildProcess | undefined;
  private ready: Promise<ModelReport> | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private poll: NodeJS.Timeout | undefined;
  private report: ModelReport | undefined;
  /** Highest resident memory observed for any child of this sandbox, in bytes. */
  peakRssBytes = 0;
  /** Token count and stop reason of the last finished generation (for benchmarks and metrics). */
  lastResult: { tokens: number; stopReason: string } | undefined;

  constructor(private readonly options: SandboxOptions) {}

  /** Model facts from the last successful start, if any. */
  get model(): ModelReport | undefined {
    return this.report;
  }

  /** Process id of the running child, if one is running. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the child and loads the model (once); resolves with model facts. */
  start(): Promise<ModelReport> {
    this.ready ??= this.spawn();
    return this.ready;
  }

  private spawn(): Promise<ModelReport> {
    const { path, execArgv } = workerCommand();
    const child = fork(path, [], { execArgv, stdio: ['ignore', 'ignore', 'ignore', 'ipc'], serialization: 'json' });
    this.child = child;
    return new Promise<ModelReport>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(child, new SandboxError('timeout', `The model did not load within ${this.options.startTimeoutMs} ms.`)), this.options.startTimeoutMs);
      this.pending.set(0, {
        onChunk: undefined,
        settle: (msg) => {
          clearTimeout(timer);
          if (msg instanceof Error) return reject(msg);
          if (msg.type === 'ready') { this.report = msg.model; return resolve(msg.model); }
          const err = msg.type === 'error' && msg.code === 'model_missing'
            ? new ModelNotFoundError('llama', `The model file ${this.options.modelPath} is missing or unreadable.`, 'Put a GGUF model in ~/.companion/models/ or set COMPANION_MODEL_PATH.')
            : new ProviderError('The model file could not be loaded as a GGUF model.', { kind: 'permanent', provider: 'llama', hint: 'Check that the file is a complete GGUF model.' });
          this.fail(child, err);
          reject(err);
        },
      });
      child.on('message', (raw: unknown) => this.receive(child, raw));
      child.on('exit', (code, signal) => this.fail(child, new SandboxError('crash', `The model process exited unexpectedly (${signal ?? `code ${code}`}).`)));
      child.on('error', (err) => this.fail(child, new SandboxError('crash', `The model process failed: ${err.message}`)));
      this.poll = setInterval(() => void this.checkMemory(child), this.options.pollIntervalMs ?? 100);
      this.poll.unref();
      const init: ParentMessage = { type: 'init', modelPath: this.options.modelPath, contextSize: this.options.contextSize, gpuLayers: this.options.gpuLayers, threads: this.options.threads };
      child.send(init);
    });
  }

  private observeRss(child: ChildProcess, rss: number | undefined): void {
    if (rss === undefined || child !== this.child) return;
    this.peakRssBytes = Math.max(this.peakRssBytes, rss);
    if (rss > this.options.memoryLimitBytes) {
      const mb = (n: number): string => `${Math.round(n / 1048576)} MB`;
      this.fail(child, new SandboxError('memory', `The model process used ${mb(rss)}, over its ${mb(this.options.memoryLimitBytes)} limit, and was stopped.`, rss));
    }
  }

  private async checkMemory(child: ChildProcess): Promise<void> {
    if (child.pid !== undefined) this.observeRss(child, await residentBytes(child.pid));
  }

  private receive(child: ChildProcess, raw: unknown): void {
    if (child !== this.child) return;
    const parsed = ChildMessage.safeParse(raw);
    if (!parsed.success) return this.fail(child, new SandboxError('protocol', 'The model process sent an invalid message and was stopped.'));
    const msg = parsed.data;
    if (msg.type === 'memory') return this.observeRss(child, msg.rss);
    const id = msg.type === 'ready' ? 0 : msg.id ?? 0;
    const pending = this.pending.get(id);
    if (!pending) return msg.type === 'error' && msg.id === undefined ? undefined : this.fail(child, new SandboxError('protocol', 'The model process answered a request that was not made.'));
    if (msg.type === 'chunk') return pending.onChunk?.(msg.text);
    this.pending.delete(id);
    pending.settle(msg);
  }

  /** Kills `child` (if it is still current) and rejects everything pending with `err`. */
  private fail(child: ChildProcess, err: Error): void {
    if (child !== this.child) return;
    this.child = undefined;
    this.ready = undefined;
    if (this.poll) clearInterval(this.poll);
    child.kill('SIGKILL');
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.settle(err);
  }

  private async call(message: ParentMessage & { id: number }, options: SandboxCallOptions): Promise<ChildMessage> {
    await this.start();
    const child = this.child;
    if (!child) throw new SandboxError('crash', 'The model process is not running.');
    return new Promise<ChildMessage>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(child, new SandboxError('timeout', `The model did not finish within ${options.timeoutMs} ms and was stopped.`)), options.timeoutMs);
      const onAbort = (): void => { child.send({ type: 'abort', id: message.id } satisfies ParentMessage); };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(message.id, {
        onChunk: options.onChunk,
        settle: (msg) => {
          clearTimeout(timer);
          options.signal?.removeEventListener('abort', onAbort);
          if (msg instanceof Error) reject(msg);
          else resolve(msg);
        },
      });
      child.send(message);
    });
  }

  /** Generates text in the child; chunks go to `onChunk` as they arrive. */
  async generate(request: SandboxGeneration, options: SandboxCallOptions): Promise<SandboxResult> {
    if (options.signal?.aborted) throw new GenerationAbortedError('llama');
    const msg = await this.call({ type: 'generate', id: this.nextId++, ...request }, options);
    if (msg.type === 'done') {
      if (msg.stopReason === 'abort' && options.signal?.aborted) throw new GenerationAbortedError('llama');
      this.lastResult = { tokens: msg.tokens, stopReason: msg.stopReason };
      return { text: msg.text, tokens: msg.tokens, stopReason: msg.stopReason };
    }
    throw this.childError(msg);
  }

  /** Embeds `texts` in the child with an embedding context. */
  async embed(texts: string[], options: SandboxCallOptions): Promise<number[][]> {
    const msg = await this.call({ type: 'embed', id: this.nextId++, texts }, options);
    if (msg.type === 'vectors' && msg.vectors.length === texts.length) return msg.vectors;
    throw this.childError(msg);
  }

  private childError(msg: ChildMessage): ProviderError {
    if (msg.type === 'error' && msg.code === 'grammar') return new ProviderError('The schema cannot be turned into a grammar for the local model.', { kind: 'permanent', provider: 'llama' });
    if (msg.type === 'error') return new ProviderError('The local model failed to answer.', { kind: 'permanent', provider: 'llama' });
    return new SandboxError('protocol', 'The model process sent an unexpected answer.');
  }

  /** Stops the child (if running). Pending calls are rejected. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.fail(child, new SandboxError('crash', 'The model process was stopped.'));
    if (child.exitCode === null && child.signalCode === null) await new Promise<void>((resolve) => child.once('exit', () => resolve()));
  }
}
