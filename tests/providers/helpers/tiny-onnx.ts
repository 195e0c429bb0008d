import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FLOAT, INT64, SPECIAL_TOKENS, bytes, int, msg, str, valueInfo, wordPieceTokenizer } from './onnx-proto.js';

/** Pseudo-random floats in [-1, 1) from a linear congruential generator (reproducible weights). */
function randomFloats(count: number, seed: number): Buffer {
  const out = Buffer.alloc(count * 4);
  let s = seed;
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out.writeFloatLE((s / 4294967296) * 2 - 1, i * 4);
  }
  return out;
}

/** TensorProto initializer: dims, element type, name, raw little-endian data. */
function tensor(name: string, dims: number[], elemType: number, raw: Buffer): Buffer {
  return msg(5, ...dims.map((d) => int(1, d)), int(2, elemType), str(8, name), bytes(9, raw));
}

/** int64 tensor initializer holding `values` (e.g. the axes input of Unsqueeze/ReduceSum in opset 13). */
function int64Tensor(name: string, values: number[]): Buffer {
  const raw = Buffer.alloc(values.length * 8);
  values.forEach((v, i) => raw.writeBigInt64LE(BigInt(v), i * 8));
  return tensor(name, [values.length], INT64, raw);
}

/** NodeProto: inputs, outputs, a name, an op type and integer attributes. */
function node(op: string, inputs: string[], outputs: string[], intAttrs: Record<string, number> = {}): Buffer {
  const attrs = Object.entries(intAttrs).map(([k, v]) => msg(5, str(1, k), int(3, v), int(20, 2)));
  return msg(1, ...inputs.map((i) => str(1, i)), ...outputs.map((o) => str(2, o)), str(3, `${op}_${outputs[0] ?? ''}`), str(4, op), ...attrs);
}

/**
 * Builds an ONNX sequence classifier (opset 13) shaped like a BERT `*ForSequenceClassification` export:
 * inputs `input_ids`, `attention_mask`, `token_type_ids` [batch, seq]; word + type embeddings, `Tanh`,
 * mean pooling over the positions the attention mask keeps, then a linear layer to `logits`
 * [batch, numLabels]. Weights are random: the model means nothing, its shapes are real.
 */
export function tinyClassifierOnnx(vocabSize: number, hidden: number, numLabels: number, seed = 11): Buffer {
  const initializers = [
    tensor('word_embeddings', [vocabSize, hidden], FLOAT, randomFloats(vocabSize * hidden, seed)),
    tensor('type_embeddings', [2, hidden], FLOAT, randomFloats(2 * hidden, seed + 1)),
    tensor('classifier_weight', [hidden, numLabels], FLOAT, randomFloats(hidden * numLabels, seed + 2)),
    tensor('classifier_bias', [numLabels], FLOAT, randomFloats(numLabels, seed + 3)),
    int64Tensor('axis_1', [1]),
    int64Tensor('axis_2', [2]),
  ];
  const nodes = [
    node('Gather', ['word_embeddings', 'input_ids'], ['words'], { axis: 0 }),
    node('Gather', ['type_embeddings', 'token_type_ids'], ['types'], { axis: 0 }),
    node('Add', ['words', 'types'], ['embedded']),
    node('Tanh', ['embedded'], ['hidden']),
    node('Cast', ['attention_mask'], ['mask'], { to: FLOAT }),
    node('Unsqueeze', ['mask', 'axis_2'], ['mask3']),
    node('Mul', ['hidden', 'mask3'], ['masked']),
    node('ReduceSum', ['masked', 'axis_1'], ['summed'], { keepdims: 0 }),
    node('ReduceSum', ['mask', 'axis_1'], ['count'], { keepdims: 1 }),
    node('Div', ['summed', 'count'], ['pooled']),
    node('MatMul', ['pooled', 'classifier_weight'], ['projected']),
    node('Add', ['projected', 'classifier_bias'], ['logits']),
  ];
  const graph = msg(7, ...nodes, str(2, 'tiny-classifier'), ...initializers,
    valueInfo(11, 'input_ids', INT64, ['batch', 'sequence']),
    valueInfo(11, 'attention_mask', INT64, ['batch', 'sequence']),
    valueInfo(11, 'token_type_ids', INT64, ['batch', 'sequence']),
    valueInfo(12, 'logits', FLOAT, ['batch', numLabels]));
  return Buffer.concat([int(1, 8), str(2, 'companion-tests'), graph, msg(8, str(1, ''), int(2, 13))]);
}

/**
 * Builds an ONNX model (opset 13) that maps `input_ids` [batch, seq] through an embedding table with
 * `Gather`, then `Tanh`, to `last_hidden_state` [batch, seq, hidden]: the shape a BERT encoder returns.
 */
export function tinyEncoderOnnx(vocabSize: number, hidden: number, seed = 7): Buffer {
  const initializer = tensor('embeddings', [vocabSize, hidden], FLOAT, randomFloats(vocabSize * hidden, seed));
  const gather = msg(1, str(1, 'embeddings'), str(1, 'input_ids'), str(2, 'gathered'), str(3, 'gather'), str(4, 'Gather'),
    msg(5, str(1, 'axis'), int(3, 0), int(20, 2)));
  const tanh = msg(1, str(1, 'gathered'), str(2, 'last_hidden_state'), str(3, 'tanh'), str(4, 'Tanh'));
  const graph = msg(7, gather, tanh, str(2, 'tiny-encoder'), initializer,
    valueInfo(11, 'input_ids', INT64, ['batch', 'sequence']),
    valueInfo(12, 'last_hidden_state', FLOAT, ['batch', 'sequence', hidden]));
  return Buffer.concat([int(1, 8), str(2, 'companion-tests'), graph, msg(8, str(1, ''), int(2, 13))]);
}

/** Words of the tiny WordPiece vocabulary (after the four special tokens). */
const WORDS = ['the', 'day', 'was', 'calm', 'i', 'felt', 'happy', 'sad', 'walk', 'rain', 'sun', 'work', 'friend', 'tired', 'good', 'bad', '.', ',', '!', '?'];

/** Writes tokenizer.json and tokenizer_config.json (a tiny lower-casing WordPiece vocabulary); returns its size. */
async function writeTokenizer(dir: string): Promise<number> {
  const tokenizer = wordPieceTokenizer(WORDS);
  await writeFile(join(dir, 'tokenizer.json'), JSON.stringify(tokenizer));
  await writeFile(join(dir, 'tokenizer_config.json'), JSON.stringify({ tokenizer_class: 'BertTokenizer', do_lower_case: true, model_max_length: 64, pad_token: '[PAD]', unk_token: '[UNK]', cls_token: '[CLS]', sep_token: '[SEP]' }));
  return SPECIAL_TOKENS.length + WORDS.length;
}

/**
 * Writes a Transformers.js model folder `<root>/<name>/` (config.json, tokenizer.json,
 * tokenizer_config.json, onnx/model.onnx) holding a tiny random BERT-shaped encoder. Returns the folder.
 */
export async function writeTinyOnnxModel(root: string, name: string, hidden = 8): Promise<string> {
  const dir = join(root, name);
  await mkdir(join(dir, 'onnx'), { recursive: true });
  const vocabSize = await writeTokenizer(dir);
  await writeFile(join(dir, 'config.json'), JSON.stringify({ model_type: 'bert', architectures: ['BertModel'], hidden_size: hidden, vocab_size: vocabSize, max_position_embeddings: 64 }));
  await writeFile(join(dir, 'onnx', 'model.onnx'), tinyEncoderOnnx(vocabSize, hidden));
  return dir;
}

/**
 * Writes a Transformers.js text-classification folder `<root>/<name>/`: config.json with `id2label` /
 * `label2id` and `BertForSequenceClassification`, the tiny tokenizer, and onnx/model.onnx whose output is
 * `logits` [batch, labels.length]. Returns the folder.
 */
export async function writeTinyOnnxClassifier(root: string, name: string, labels: string[], hidden = 8): Promise<string> {
  const dir = join(root, name);
  await mkdir(join(dir, 'onnx'), { recursive: true });
  const vocabSize = await writeTokenizer(dir);
  const id2label = Object.fromEntries(labels.map((l, i) => [String(i), l]));
  const label2id = Object.fromEntries(labels.map((l, i) => [l, i]));
  await writeFile(join(dir, 'config.json'), JSON.stringify({
    model_type: 'bert', architectures: ['BertForSequenceClassification'], hidden_size: hidden, vocab_size: vocabSize,
    max_position_embeddings: 64, id2label, label2id, problem_type: 'single_label_classification',
  }));
  await writeFile(join(dir, 'onnx', 'model.onnx'), tinyClassifierOnnx(vocabSize, hidden, labels.length));
  return dir;
}
