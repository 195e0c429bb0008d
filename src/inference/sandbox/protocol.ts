import { z } from 'zod';

/**
 * The messages exchanged between the parent and the llama sandbox child over IPC. Both sides validate
 * every message against these schemas; anything else is a protocol violation.
 */

/** Limits on what a child may send back, so a confused child cannot flood the parent. */
const MAX_TEXT = 1 << 20;
const MAX_VECTORS = 4096;
const MAX_DIMS = 16384;

/** Parent → child: load the model. */
export const InitRequest = z.object({
  type: z.literal('init'),
  modelPath: z.string().min(1),
  contextSize: z.number().int().min(64).max(1 << 20),
  gpuLayers: z.union([z.number().int().min(0), z.literal('auto')]),
  threads: z.number().int().min(1).max(1024),
  /** Sequences of the batch context (created on the first batch request; default 8). */
  batchSequences: z.number().int().min(1).max(256).optional(),
  /** Context tokens per sequence of the batch context (default: contextSize). */
  batchContextPerSequence: z.number().int().min(64).max(1 << 20).optional(),
});

/** Parent → child: generate text (optionally constrained by a JSON schema grammar). */
export const GenerateRequest = z.object({
  type: z.literal('generate'),
  id: z.number().int(),
  prompt: z.string(),
  maxTokens: z.number().int().min(1).max(1 << 20),
  temperature: z.number().min(0).max(5),
  stop: z.array(z.string()).max(16),
  jsonSchema: z.record(z.string(), z.unknown()).optional(),
});

/** Parent → child: generate for several prompts at once on the batch context (at most batchSequences). */
export const GenerateBatchRequest = z.object({
  type: z.literal('generate_batch'),
  id: z.number().int(),
  prompts: z.array(z.string()).min(1).max(256),
  maxTokens: z.number().int().min(1).max(1 << 20),
  temperature: z.number().min(0).max(5),
  stop: z.array(z.string()).max(16),
});

/** Parent → child: embed texts. */
export const EmbedRequest = z.object({ type: z.literal('embed'), id: z.number().int(), texts: z.array(z.string()).max(MAX_VECTORS) });

/** Parent → child: stop the generation with this id. */
export const AbortRequest = z.object({ type: z.literal('abort'), id: z.number().int() });

/** Any parent → child message. */
export const ParentMessage = z.discriminatedUnion('type', [InitRequest, GenerateRequest, GenerateBatchRequest, EmbedRequest, AbortRequest]);
/** Any parent → child message (type). */
export type ParentMessage = z.infer<typeof ParentMessage>;

/** Facts the child reports once the model is loaded. */
export const ModelReport = z.object({
  architecture: z.string().max(200).optional(),
  contextSize: z.number().int().positive(),
  trainContextSize: z.number().int().positive().optional(),
  embeddingSize: z.number().int().positive().max(MAX_DIMS).optional(),
  sizeBytes: z.number().nonnegative(),
});

/** One prompt's result in a batch: its text, or why that prompt alone failed. */
export const BatchItem = z.union([
  z.object({ text: z.string().max(MAX_TEXT), tokens: z.number().int().nonnegative(), stopReason: z.string().max(64) }),
  z.object({ error: z.enum(['prompt_too_long', 'failed']), message: z.string().max(2000) }),
]);

/** Child → parent messages. */
export const ChildMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), model: ModelReport }),
  z.object({ type: z.literal('chunk'), id: z.number().int(), text: z.string().max(MAX_TEXT) }),
  z.object({ type: z.literal('done'), id: z.number().int(), text: z.string().max(MAX_TEXT), tokens: z.number().int().nonnegative(), stopReason: z.string().max(64) }),
  z.object({ type: z.literal('batch_done'), id: z.number().int(), results: z.array(BatchItem).max(256) }),
  z.object({ type: z.literal('vectors'), id: z.number().int(), vectors: z.array(z.array(z.number().finite()).max(MAX_DIMS)).max(MAX_VECTORS) }),
  z.object({ type: z.literal('error'), id: z.number().int().optional(), code: z.enum(['model_missing', 'model_invalid', 'bad_request', 'grammar', 'failed']), message: z.string().max(2000) }),
  z.object({ type: z.literal('memory'), rss: z.number().nonnegative() }),
]);
/** Child → parent message (type). */
export type ChildMessage = z.infer<typeof ChildMessage>;
/** Model facts reported by the child (type). */
export type ModelReport = z.infer<typeof ModelReport>;
