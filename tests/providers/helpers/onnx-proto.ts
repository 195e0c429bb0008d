/** Minimal protobuf writer: varints and length-delimited fields, enough for the ONNX models the tests generate. */
export function varint(n: number | bigint): Buffer {
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
export const key = (field: number, wire: number): Buffer => varint((field << 3) | wire);
export const int = (field: number, n: number): Buffer => Buffer.concat([key(field, 0), varint(n)]);
export const bytes = (field: number, b: Buffer): Buffer => Buffer.concat([key(field, 2), varint(b.length), b]);
export const str = (field: number, s: string): Buffer => bytes(field, Buffer.from(s, 'utf8'));
export const msg = (field: number, ...parts: Buffer[]): Buffer => bytes(field, Buffer.concat(parts));

/** ONNX element types. */
export const FLOAT = 1;
export const INT64 = 7;

/** ValueInfoProto for a tensor whose dims are symbolic names or fixed sizes. */
export function valueInfo(field: number, name: string, elemType: number, dims: (string | number)[]): Buffer {
  const shape = Buffer.concat(dims.map((d) => msg(1, typeof d === 'string' ? str(2, d) : int(1, d))));
  return msg(field, str(1, name), msg(2, msg(1, int(1, elemType), msg(2, shape))));
}


/** The special tokens of the generated WordPiece tokenizers, ids 0–3. */
export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'];

/** A lower-casing BERT WordPiece tokenizer.json over the special tokens then `words` (ids in that order). */
export function wordPieceTokenizer(words: readonly string[]): Record<string, unknown> {
  const vocab = Object.fromEntries([...SPECIAL_TOKENS, ...words].map((w, i) => [w, i]));
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
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
}
