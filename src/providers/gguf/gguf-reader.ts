import { open, type FileHandle } from 'node:fs/promises';

/** GGUF metadata value types, as numbered by the GGUF specification. */
export const GgufValueType = {
  uint8: 0, int8: 1, uint16: 2, int16: 3, uint32: 4, int32: 5, float32: 6, bool: 7,
  string: 8, array: 9, uint64: 10, int64: 11, float64: 12,
} as const;

/** A metadata value read from a GGUF header. Large arrays are summarised by their length only. */
export type GgufValue = number | bigint | boolean | string | GgufValue[] | { arrayLength: number };

/** One tensor's description from a GGUF header. */
export interface GgufTensorInfo {
  name: string;
  dims: number[];
  ggmlType: number;
  offset: bigint;
}

/** The parsed header of a GGUF file: version, metadata and tensor infos (no tensor data). */
export interface GgufHeader {
  version: number;
  metadata: Map<string, GgufValue>;
  tensors: GgufTensorInfo[];
}

/** Arrays longer than this are not materialised (tokenizer vocabularies); only their length is kept. */
const MAX_KEPT_ARRAY = 64;
const CHUNK = 1 << 20;

/** Sequential little-endian reader over a file handle with a refilling buffer. */
class FileCursor {
  private buf = Buffer.alloc(0);
  private pos = 0;
  private filePos = 0;

  constructor(private readonly fh: FileHandle, private readonly size: number) {}

  private async need(n: number): Promise<void> {
    if (this.buf.length - this.pos >= n) return;
    const rest = this.buf.subarray(this.pos);
    const want = Math.max(n - rest.length, CHUNK);
    const chunk = Buffer.alloc(Math.min(want, Math.max(0, this.size - this.filePos)));
    const { bytesRead } = await this.fh.read(chunk, 0, chunk.length, this.filePos);
    this.filePos += bytesRead;
    this.buf = Buffer.concat([rest, chunk.subarray(0, bytesRead)]);
    this.pos = 0;
    if (this.buf.length < n) throw new Error('unexpected end of file in GGUF header');
  }

  async bytes(n: number): Promise<Buffer> {
    await this.need(n);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  async u32(): Promise<number> { return (await this.bytes(4)).readUInt32LE(0); }
  async u64(): Promise<bigint> { return (await this.bytes(8)).readBigUInt64LE(0); }

  async str(): Promise<string> {
    const len = Number(await this.u64());
    if (len > 1 << 24) throw new Error(`implausible GGUF string length ${len}`);
    return (await this.bytes(len)).toString('utf8');
  }
}

async function readScalar(c: FileCursor, type: number): Promise<GgufValue> {
  switch (type) {
    case GgufValueType.uint8: return (await c.bytes(1)).readUInt8(0);
    case GgufValueType.int8: return (await c.bytes(1)).readInt8(0);
    case GgufValueType.uint16: return (await c.bytes(2)).readUInt16LE(0);
    case GgufValueType.int16: return (await c.bytes(2)).readInt16LE(0);
    case GgufValueType.uint32: return (await c.bytes(4)).readUInt32LE(0);
    case GgufValueType.int32: return (await c.bytes(4)).readInt32LE(0);
    case GgufValueType.float32: return (await c.bytes(4)).readFloatLE(0);
    case GgufValueType.bool: return (await c.bytes(1)).readUInt8(0) !== 0;
    case GgufValueType.string: return c.str();
    case GgufValueType.uint64: return (await c.bytes(8)).readBigUInt64LE(0);
    case GgufValueType.int64: return (await c.bytes(8)).readBigInt64LE(0);
    case GgufValueType.float64: return (await c.bytes(8)).readDoubleLE(0);
    default: throw new Error(`unknown GGUF value type ${type}`);
  }
}

async function readValue(c: FileCursor, type: number): Promise<GgufValue> {
  if (type !== GgufValueType.array) return readScalar(c, type);
  const itemType = await c.u32();
  const count = Number(await c.u64());
  if (count > 1 << 26) throw new Error(`implausible GGUF array length ${count}`);
  const keep = count <= MAX_KEPT_ARRAY;
  const items: GgufValue[] = [];
  for (let i = 0; i < count; i++) {
    const v = await readValue(c, itemType);
    if (keep) items.push(v);
  }
  return keep ? items : { arrayLength: count };
}

/**
 * Reads the header of a GGUF file (magic, version, metadata key/values, tensor infos) without loading
 * tensor data. Throws an Error naming the problem when the file is not GGUF or is truncated.
 */
export async function readGgufHeader(path: string): Promise<GgufHeader> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const c = new FileCursor(fh, size);
    const magic = (await c.bytes(4)).toString('latin1');
    if (magic !== 'GGUF') throw new Error('not a GGUF file (bad magic)');
    const version = await c.u32();
    if (version < 2 || version > 3) throw new Error(`unsupported GGUF version ${version}`);
    const tensorCount = Number(await c.u64());
    const kvCount = Number(await c.u64());
    if (tensorCount > 1 << 20 || kvCount > 1 << 20) throw new Error('implausible GGUF header counts');
    const metadata = new Map<string, GgufValue>();
    for (let i = 0; i < kvCount; i++) {
      const key = await c.str();
      const type = await c.u32();
      metadata.set(key, await readValue(c, type));
    }
    const tensors: GgufTensorInfo[] = [];
    for (let i = 0; i < tensorCount; i++) {
      const name = await c.str();
      const nDims = await c.u32();
      if (nDims > 8) throw new Error(`implausible tensor rank ${nDims}`);
      const dims: number[] = [];
      for (let d = 0; d < nDims; d++) dims.push(Number(await c.u64()));
      const ggmlType = await c.u32();
      const offset = await c.u64();
      tensors.push({ name, dims, ggmlType, offset });
    }
    return { version, metadata, tensors };
  } finally {
    await fh.close();
  }
}
