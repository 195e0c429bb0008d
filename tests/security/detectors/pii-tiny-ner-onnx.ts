import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FLOAT, INT64, SPECIAL_TOKENS, bytes, int, msg, str, valueInfo, wordPieceTokenizer } from '../../providers/helpers/onnx-proto.js';

function floatTensor(name: string, dims: number[], values: number[]): Buffer {
  const raw = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => raw.writeFloatLE(v, i * 4));
  return msg(5, ...dims.map((d) => int(1, d)), int(2, FLOAT), str(8, name), bytes(9, raw));
}

function node(op: string, inputs: string[], output: string, intAttrs: Record<string, number> = {}): Buffer {
  const attrs = Object.entries(intAttrs).map(([k, v]) => msg(5, str(1, k), int(3, v), int(20, 2)));
  return msg(1, ...inputs.map((i) => str(1, i)), str(2, output), str(3, `${op}_${output}`), str(4, op), ...attrs);
}

/**
 * An ONNX token classifier (opset 13): `input_ids` [batch, seq] → embedding row → Tanh → linear layer →
 * `logits` [batch, seq, labels]. Each vocabulary word's embedding points at the label `labelOf` gives it,
 * so the model's output is known in advance.
 */
function tokenClassifierOnnx(vocab: readonly string[], labels: readonly string[], labelOf: (word: string) => string): Buffer {
  const L = labels.length;
  const emb = vocab.flatMap((w) => labels.map((l) => (l === labelOf(w) ? 3 : -1)));
  const identity = labels.flatMap((_, i) => labels.map((__, j) => (i === j ? 2 : 0)));
  const graph = msg(7,
    node('Gather', ['embeddings', 'input_ids'], 'embedded', { axis: 0 }),
    node('Tanh', ['embedded'], 'hidden'),
    node('MatMul', ['hidden', 'weight'], 'projected'),
    node('Add', ['projected', 'bias'], 'logits'),
    str(2, 'tiny-ner'),
    floatTensor('embeddings', [vocab.length, L], emb),
    floatTensor('weight', [L, L], identity),
    floatTensor('bias', [L], labels.map(() => 0)),
    valueInfo(11, 'input_ids', INT64, ['batch', 'sequence']),
    valueInfo(12, 'logits', FLOAT, ['batch', 'sequence', L]));
  return Buffer.concat([int(1, 8), str(2, 'companion-tests'), graph, msg(8, str(1, ''), int(2, 13))]);
}

/**
 * Writes a transformers.js token-classification folder `<root>/<name>/` (config.json with id2label, a
 * lower-casing WordPiece tokenizer over `words`, onnx/model.onnx) whose labels are fixed by `labelOf`.
 */
export async function writeTinyNerModel(root: string, name: string, words: readonly string[], labels: readonly string[], labelOf: (word: string) => string): Promise<string> {
  const dir = join(root, name);
  await mkdir(join(dir, 'onnx'), { recursive: true });
  const specials = SPECIAL_TOKENS;
  const vocab = [...specials, ...words];
  const tokenizer = wordPieceTokenizer(words);
  await writeFile(join(dir, 'tokenizer.json'), JSON.stringify(tokenizer));
  await writeFile(join(dir, 'tokenizer_config.json'), JSON.stringify({ tokenizer_class: 'BertTokenizer', do_lower_case: true, model_max_length: 512, pad_token: '[PAD]', unk_token: '[UNK]', cls_token: '[CLS]', sep_token: '[SEP]' }));
  await writeFile(join(dir, 'config.json'), JSON.stringify({
    model_type: 'bert', architectures: ['BertForTokenClassification'], vocab_size: vocab.length, max_position_embeddings: 512,
    id2label: Object.fromEntries(labels.map((l, i) => [String(i), l])), label2id: Object.fromEntries(labels.map((l, i) => [l, i])),
  }));
  await writeFile(join(dir, 'onnx', 'model.onnx'), tokenClassifierOnnx(vocab, labels, (w) => (specials.includes(w) ? 'O' : labelOf(w))));
  return dir;
}
