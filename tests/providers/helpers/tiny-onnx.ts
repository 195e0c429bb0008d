import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Minimal protobuf writer: varints and length-delimited fields, enough for an ONNX ModelProto. */
function varint(n: number | bigint): Buffer {
  let v = BigInt(n);
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return Buffer.from(out);
}
const key = (field: number, wire: number): Buffer => varint((field << 3) | wire);
const int = (field: number, n: number): Buffer => Buffer.concat([key(field, 0), varint(n)]);
const bytes = (field: number, b: Buffer): Buffer => Buffer.concat([key(field, 2), varint(b.length), b]);
const str = (field: number, s: string): Buffer => bytes(field, Buffer.from(s, 'utf8'));
const msg = (field: number, ...parts: Buffer[]): Buffer => bytes(field, Buffer.concat(parts));

const FLOAT = 1;
const INT64 = 7;

/** ValueInfoProto for a tensor whose dims are symbolic names or fixed sizes. */
function valueInfo(field: number, name: string, elemType: number, dims: (string | number)[]): Buffer {
  const shape = Buffer.concat(dims.map((d) => msg(1, typeof d === 'string' ? str(2, d) : int(1, d))));
  return msg(field, str(1, name), msg(2, msg(1, int(1, elemType), msg(2, shape))));
}

/**
 * Builds an ONNX model (opset 13) that maps `input_ids` [batch, seq] through an embedding table with
 * `Gather`, then `Tanh`, to `last_hidden_state` [batch, seq, hidden]: the shape a BERT encoder returns.
 */
export function tinyEncoderOnnx(vocabSize: number, hidden: number, seed = 7): Buffer {
  const table = Buffer.alloc(vocabSize * hidden * 4);
  let s = seed;
  for (let i = 0; i < vocabSize * hidden; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    table.writeFloatLE((s / 4294967296) * 2 - 1, i * 4);
  }
  const initializer = msg(5, int(1, vocabSize), int(1, hidden), int(2, FLOAT), str(8, 'embeddings'), bytes(9, table));
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

/**
 * Writes a Transformers.js model folder `<root>/<name>/` (config.json, tokenizer.json,
 * tokenizer_config.json, onnx/model.onnx) holding a tiny random BERT-shaped encoder. Returns the folder.
 */
export async function writeTinyOnnxModel(root: string, name: string, hidden = 8): Promise<string> {
  const dir = join(root, name);
  await mkdir(join(dir, 'onnx'), { recursive: true });
  const specials = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'];
  const vocab: Record<string, number> = {};
  [...specials, ...WORDS].forEach((w, i) => { vocab[w] = i; });
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: specials.map((content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }, { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } }],
      special_tokens: { '[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] }, '[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] } },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
  };
  await writeFile(join(dir, 'tokenizer.json'), JSON.stringify(tokenizer));
  await writeFile(join(dir, 'tokenizer_config.json'), JSON.stringify({ tokenizer_class: 'BertTokenizer', do_lower_case: true, model_max_length: 64, pad_token: '[PAD]', unk_token: '[UNK]', cls_token: '[CLS]', sep_token: '[SEP]' }));
  await writeFile(join(dir, 'config.json'), JSON.stringify({ model_type: 'bert', architectures: ['BertModel'], hidden_size: hidden, vocab_size: Object.keys(vocab).length, max_position_embeddings: 64 }));
  await writeFile(join(dir, 'onnx', 'model.onnx'), tinyEncoderOnnx(Object.keys(vocab).length, hidden));
  return dir;
}
