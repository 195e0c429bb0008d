import { ExitCode } from '../core/errors.js';
import { ProviderDisposedError, ProviderError } from './errors.js';
import { inspectOnnxFolder, loadLocalPipeline, onnxFolderHint } from './local-onnx.js';

/** One label of a classifier and the probability it gives a text. */
export interface LabelScore {
  label: string;
  score: number;
}

/** Where the classifier lives: a local ONNX folder, never a hub. */
export interface TextClassifierOptions {
  /** Directory holding model folders (COMPANION_MODEL_DIR / config `model_dir`). */
  modelDir: string;
  /** Folder name inside `modelDir`, e.g. `distilbert-base-uncased-emotion`. */
  model: string;
  /** Texts per model call (default 32); bounds memory on long lists. */
  batchSize?: number;
}

/** The model folder exists but holds no sequence classifier (no `id2label`, or an encoder-only architecture). */
export class ClassifierNotAvailableError extends ProviderError {
  constructor(folder: string, why: string, modelDir: string) {
    super(`The model folder ${folder} is not a text classifier (${why}).`, {
      kind: 'permanent', provider: 'transformers', exitCode: ExitCode.usage,
      hint: `Use a *ForSequenceClassification ONNX export whose config.json has id2label. ${onnxFolderHint(modelDir)}`,
    });
  }
}

type Pipeline = (texts: string[], options: { topk: number }) => Promise<unknown>;

/** The label names of a classifier config, in id order; a string saying what is wrong otherwise. */
function labelsOf(config: Record<string, unknown>): string[] | string {
  const arch = config.architectures;
  if (Array.isArray(arch) && !arch.some((a) => typeof a === 'string' && a.endsWith('ForSequenceClassification'))) {
    return `architecture ${arch.map(String).join(', ')}`;
  }
  const map = config.id2label;
  if (typeof map !== 'object' || map === null || Array.isArray(map)) return 'config.json has no id2label';
  const entries = Object.entries(map as Record<string, unknown>);
  const ids = entries.map(([k]) => Number(k)).sort((a, b) => a - b);
  if (entries.length === 0 || !ids.every((id, i) => id === i) || !entries.every(([, v]) => typeof v === 'string' && v.length > 0)) {
    return 'id2label must map 0..n-1 to label names';
  }
  return ids.map((i) => (map as Record<string, string>)[String(i)] as string);
}

/**
 * Text classification with Transformers.js (`text-classification`) from an ONNX folder on this machine:
 * every text gets every label with its probability (softmax over the `logits` output, or independent
 * sigmoid scores when config `problem_type` is `multi_label_classification`), highest first. Loads lazily,
 * once; remote model loading is switched off.
 */
export class TextClassifier {
  private loading: Promise<{ run: Pipeline; labels: string[] }> | undefined;
  private disposed = false;

  constructor(private readonly options: TextClassifierOptions) {}

  private async load(): Promise<{ run: Pipeline; labels: string[] }> {
    const { modelDir, model } = this.options;
    const found = await inspectOnnxFolder('transformers', modelDir, model);
    const labels = labelsOf(found.config);
    if (typeof labels === 'string') throw new ClassifierNotAvailableError(found.folder, labels, modelDir);
    const run = (await loadLocalPipeline('transformers', 'text-classification', modelDir, model, found.quantized)) as Pipeline;
    return { run, labels };
  }

  /**
   * Loads the folder (once). Throws `ModelNotFoundError` when it is missing, `ClassifierNotAvailableError`
   * when it holds no classifier, `ProviderDisposedError` after `dispose()`.
   */
  async initialize(): Promise<void> {
    if (this.disposed) throw new ProviderDisposedError('transformers');
    this.loading ??= this.load().catch((err: unknown) => { this.loading = undefined; throw err; });
    await this.loading;
  }

  /** The classifier's label names in id order (from config `id2label`). */
  async labels(): Promise<string[]> {
    await this.initialize();
    return [...(await (this.loading as Promise<{ labels: string[] }>)).labels];
  }

  /**
   * One list per text holding every label once with its score in [0, 1], highest first; `[]` for `[]`.
   * Throws as `initialize`, or a permanent `ProviderError` when the model fails or returns a malformed result.
   */
  async classify(texts: string[]): Promise<LabelScore[][]> {
    await this.initialize();
    if (texts.length === 0) return [];
    const { run, labels } = await (this.loading as Promise<{ run: Pipeline; labels: string[] }>);
    const size = Math.max(1, this.options.batchSize ?? 32);
    const out: LabelScore[][] = [];
    for (let i = 0; i < texts.length; i += size) {
      const batch = texts.slice(i, i + size);
      let raw: unknown;
      try {
        raw = await run(batch, { topk: labels.length });
      } catch (err) {
        throw new ProviderError('The local classifier failed.', { kind: 'permanent', provider: 'transformers', cause: err });
      }
      out.push(...checkScores(raw, batch.length, labels));
    }
    return out;
  }

  /** Drops the pipeline; later calls throw `ProviderDisposedError`. Idempotent. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.loading = undefined;
  }
}

/** Validates the pipeline's result: `count` lists, each holding every known label once with a score in [0, 1]. */
function checkScores(raw: unknown, count: number, labels: string[]): LabelScore[][] {
  const bad = (why: string): never => { throw new ProviderError(`The local classifier returned a malformed result (${why}).`, { kind: 'permanent', provider: 'transformers' }); };
  // With a single label the pipeline flattens its output to one object per text.
  const rows = labels.length === 1 && Array.isArray(raw) ? raw.map((r) => [r] as unknown) : raw;
  if (!Array.isArray(rows) || rows.length !== count) bad('wrong number of results');
  const known = new Set(labels);
  return (rows as unknown[]).map((row) => {
    if (!Array.isArray(row) || row.length !== labels.length) return bad('wrong number of labels');
    const seen = new Set<string>();
    return (row as unknown[]).map((item) => {
      const { label, score } = (item ?? {}) as { label?: unknown; score?: unknown };
      if (typeof label !== 'string' || !known.has(label) || seen.has(label)) return bad('unknown or repeated label');
      if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 1 + 1e-6) return bad('score outside [0, 1]');
      seen.add(label);
      return { label, score: Math.min(score, 1) };
    }).sort((a, b) => b.score - a.score);
  });
}
