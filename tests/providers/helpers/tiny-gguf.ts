import { writeFile } from 'node:fs/promises';

/** Shape of the generated model; small enough to write in milliseconds and load in well under a second. */
export interface TinyGgufOptions {
  layers?: number;
  embedding?: number;
  heads?: number;
  headsKv?: number;
  feedForward?: number;
  contextLength?: number;
  seed?: number;
}

const T = { u32: 4, f32: 6, str: 8, arr: 9 } as const;

/** Little-endian byte builder for GGUF sections. */
class Bytes {
  private parts: Buffer[] = [];
  length = 0;
  push(b: Buffer): void { this.parts.push(b); this.length += b.length; }
  u32(n: number): void { const b = Buffer.alloc(4); b.writeUInt32LE(n); this.push(b); }
  u64(n: number): void { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(n)); this.push(b); }
  f32(n: number): void { const b = Buffer.alloc(4); b.writeFloatLE(n); this.push(b); }
  str(s: string): void { const b = Buffer.from(s, 'utf8'); this.u64(b.length); this.push(b); }
  out(): Buffer { return Buffer.concat(this.parts); }
}

type Meta = [key: string, kind: 'u32' | 'f32' | 'str', value: number | string] | [key: string, kind: 'strs' | 'f32s' | 'i32s', value: (string | number)[]];

function writeMeta(b: Bytes, [key, kind, value]: Meta): void {
  b.str(key);
  if (kind === 'u32') { b.u32(T.u32); b.u32(value as number); }
  else if (kind === 'f32') { b.u32(T.f32); b.f32(value as number); }
  else if (kind === 'str') { b.u32(T.str); b.str(value as string); }
  else {
    const items = value as (string | number)[];
    b.u32(T.arr);
    b.u32(kind === 'strs' ? T.str : kind === 'f32s' ? T.f32 : 5);
    b.u64(items.length);
    for (const it of items) {
      if (kind === 'strs') b.str(it as string);
      else if (kind === 'f32s') b.f32(it as number);
      else { const x = Buffer.alloc(4); x.writeInt32LE(it as number); b.push(x); }
    }
  }
}

/** SentencePiece-style vocabulary: control tokens, all 256 byte tokens, letters and a few words. */
function vocabulary(): { tokens: string[]; scores: number[]; types: number[] } {
  const tokens = ['<unk>', '<s>', '</s>'];
  const types = [2, 3, 3];
  for (let i = 0; i < 256; i++) { tokens.push(`<0x${i.toString(16).toUpperCase().padStart(2, '0')}>`); types.push(6); }
  const words = ['▁', ...'abcdefghijklmnopqrstuvwxyz'.split(''), ...'abcdefghijklmnopqrstuvwxyz'.split('').map((c) => `▁${c}`),
    '▁the', '▁day', '▁was', '▁calm', '▁I', '▁felt', '▁{', '}', '"', ':', ',', '▁"', '[', ']', '0', '1', '2', '3'];
  for (const w of words) { tokens.push(w); types.push(1); }
  const scores = tokens.map((_, i) => (i < 259 ? 0 : -i / 100));
  return { tokens, scores, types };
}

/** Deterministic pseudo-random floats in [-scale, scale] (mulberry32). */
function randomFloats(count: number, state: { s: number }, scale: number): Buffer {
  const b = Buffer.alloc(count * 4);
  for (let i = 0; i < count; i++) {
    let t = (state.s += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    b.writeFloatLE((r * 2 - 1) * scale, i * 4);
  }
  return b;
}

/**
 * Writes a tiny llama-architecture GGUF (F32, random weights, SentencePiece byte-fallback vocabulary) that
 * node-llama-cpp can load and generate (meaningless) tokens from. Returns the file size in bytes.
 */
export async function writeTinyGguf(path: string, opts: TinyGgufOptions = {}): Promise<number> {
  const layers = opts.layers ?? 2;
  const n = opts.embedding ?? 32;
  const heads = opts.heads ?? 4;
  const headsKv = opts.headsKv ?? 2;
  const ff = opts.feedForward ?? 64;
  const headDim = n / heads;
  const { tokens, scores, types } = vocabulary();
  const V = tokens.length;
  const meta: Meta[] = [
    ['general.architecture', 'str', 'llama'],
    ['general.name', 'str', 'companion-tiny-test'],
    ['general.file_type', 'u32', 0],
    ['llama.context_length', 'u32', opts.contextLength ?? 2048],
    ['llama.embedding_length', 'u32', n],
    ['llama.feed_forward_length', 'u32', ff],
    ['llama.block_count', 'u32', layers],
    ['llama.attention.head_count', 'u32', heads],
    ['llama.attention.head_count_kv', 'u32', headsKv],
    ['llama.rope.dimension_count', 'u32', headDim],
    ['llama.attention.layer_norm_rms_epsilon', 'f32', 1e-5],
    ['tokenizer.ggml.model', 'str', 'llama'],
    ['tokenizer.ggml.tokens', 'strs', tokens],
    ['tokenizer.ggml.scores', 'f32s', scores],
    ['tokenizer.ggml.token_type', 'i32s', types],
    ['tokenizer.ggml.unknown_token_id', 'u32', 0],
    ['tokenizer.ggml.bos_token_id', 'u32', 1],
    ['tokenizer.ggml.eos_token_id', 'u32', 2],
  ];
  const tensors: [string, number[], 'rand' | 'ones'][] = [
    ['token_embd.weight', [n, V], 'rand'], ['output_norm.weight', [n], 'ones'], ['output.weight', [n, V], 'rand'],
  ];
  for (let l = 0; l < layers; l++) {
    tensors.push(
      [`blk.${l}.attn_q.weight`, [n, n], 'rand'], [`blk.${l}.attn_k.weight`, [n, headDim * headsKv], 'rand'],
      [`blk.${l}.attn_v.weight`, [n, headDim * headsKv], 'rand'], [`blk.${l}.attn_output.weight`, [n, n], 'rand'],
      [`blk.${l}.attn_norm.weight`, [n], 'ones'], [`blk.${l}.ffn_gate.weight`, [n, ff], 'rand'],
      [`blk.${l}.ffn_down.weight`, [ff, n], 'rand'], [`blk.${l}.ffn_up.weight`, [n, ff], 'rand'],
      [`blk.${l}.ffn_norm.weight`, [n], 'ones'],
    );
  }
  const align = 32;
  const pad = (x: number): number => Math.ceil(x / align) * align;
  const head = new Bytes();
  head.push(Buffer.from('GGUF', 'latin1'));
  head.u32(3);
  head.u64(tensors.length);
  head.u64(meta.length);
  for (const m of meta) writeMeta(head, m);
  const state = { s: opts.seed ?? 42 };
  const data = new Bytes();
  for (const [name, dims, fill] of tensors) {
    const count = dims.reduce((a, b) => a * b, 1);
    head.str(name);
    head.u32(dims.length);
    for (const d of dims) head.u64(d);
    head.u32(0);
    head.u64(data.length);
    const body = fill === 'ones' ? Buffer.alloc(count * 4) : randomFloats(count, state, 0.5);
    if (fill === 'ones') for (let i = 0; i < count; i++) body.writeFloatLE(1, i * 4);
    data.push(body);
    data.push(Buffer.alloc(pad(body.length) - body.length));
  }
  const header = head.out();
  const file = Buffer.concat([header, Buffer.alloc(pad(header.length) - header.length), data.out()]);
  await writeFile(path, file);
  return file.length;
}
