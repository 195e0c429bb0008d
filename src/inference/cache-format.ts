import os from 'node:os';
import { headSize, type VectorIndexParts } from './vector-index.js';

/** One cached answer as stored: no prompt text, only its vector (in the index), the answer and provenance. */
export interface CachedAnswer {
  /** What kind of request the answer is for (e.g. `ask`, `summary-map`); lookups only match their scope. */
  scope: string;
  /** Keyed hash of what the answer was built from (entries and their revisions, model); lookups must match it. */
  fingerprint: string;
  answer: string;
  /** Ids of the journal entries the answer was derived from; deleting any of them purges the answer. */
  sources: string[];
  /** ISO time the answer was stored. */
  created: string;
}

/** The decrypted content of the cache file: the vector index and one answer per index row. */
export interface CacheDocument {
  index: VectorIndexParts;
  entries: CachedAnswer[];
}

const HEADER_WORDS = 5;
const LE = os.endianness() === 'LE';

/** Raw little-endian bytes of float32 values. */
function floatBytes(a: Float32Array): Buffer {
  const b = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  return LE ? b : Buffer.from(b).swap32();
}

/** The binary payload (before encryption): sizes, basis, row heads, row rests, coordinates, then the answers. */
export function encodeCacheDocument(doc: CacheDocument): Buffer {
  const { index } = doc;
  const head = Buffer.alloc(HEADER_WORDS * 4);
  const basisSize = index.basis.length / index.dims;
  [index.dims, index.rows, basisSize, index.basisRows, doc.entries.length].forEach((v, i) => head.writeUInt32LE(v, i * 4));
  const meta: Buffer[] = [];
  for (const e of doc.entries) {
    const scope = Buffer.from(e.scope, 'utf8');
    const fp = Buffer.from(e.fingerprint, 'utf8');
    const answer = Buffer.from(e.answer, 'utf8');
    const fixed = Buffer.alloc(1 + scope.length + 1 + fp.length + 8 + 2);
    let at = fixed.writeUInt8(scope.length, 0);
    at += scope.copy(fixed, at);
    at = fixed.writeUInt8(fp.length, at);
    at += fp.copy(fixed, at);
    at = fixed.writeDoubleLE(Date.parse(e.created), at);
    fixed.writeUInt16LE(e.sources.length, at);
    meta.push(fixed);
    for (const s of e.sources) {
      const id = Buffer.from(s, 'utf8');
      meta.push(Buffer.from([id.length]), id);
    }
    const len = Buffer.alloc(4);
    len.writeUInt32LE(answer.length);
    meta.push(len, answer);
  }
  return Buffer.concat([head, floatBytes(index.basis), floatBytes(index.heads), floatBytes(index.rests), floatBytes(index.coords), ...meta]);
}

/** A reader over the payload that throws on any read past its end. */
class Reader {
  at = 0;
  constructor(private readonly b: Buffer) {}
  need(n: number): number {
    if (this.at + n > this.b.length) throw new RangeError('truncated');
    const start = this.at;
    this.at += n;
    return start;
  }
  u8(): number { return this.b.readUInt8(this.need(1)); }
  u16(): number { return this.b.readUInt16LE(this.need(2)); }
  u32(): number { return this.b.readUInt32LE(this.need(4)); }
  f64(): number { return this.b.readDoubleLE(this.need(8)); }
  text(n: number): string { const s = this.need(n); return this.b.toString('utf8', s, s + n); }
  /** `count` float32 values: a view of the payload when aligned on a little-endian machine (no copy), else a copy. */
  floats(count: number): Float32Array {
    const s = this.need(count * 4);
    if (LE && (this.b.byteOffset + s) % 4 === 0) return new Float32Array(this.b.buffer, this.b.byteOffset + s, count);
    const out = new Float32Array(count);
    const bytes = Buffer.from(out.buffer);
    this.b.copy(bytes, 0, s, s + count * 4);
    if (!LE) bytes.swap32();
    return out;
  }
  get done(): boolean { return this.at === this.b.length; }
}

/**
 * Decode a payload; throws RangeError when it is truncated or its sizes do not agree. The float arrays may
 * be views of `payload` (which must then not be reused).
 */
export function decodeCacheDocument(payload: Buffer): CacheDocument {
  const r = new Reader(payload);
  const [dims, rows, basisSize, basisRows, count] = Array.from({ length: HEADER_WORDS }, () => r.u32()) as [number, number, number, number, number];
  if (dims < 1 || dims > 65_536 || basisSize > dims || count !== rows) throw new RangeError('inconsistent sizes');
  const basis = r.floats(basisSize * dims);
  const m = headSize(dims);
  const heads = r.floats(rows * m);
  const rests = r.floats(rows * (dims - m));
  const coords = r.floats(rows * basisSize);
  const entries: CachedAnswer[] = [];
  for (let i = 0; i < count; i++) {
    const scope = r.text(r.u8());
    const fingerprint = r.text(r.u8());
    const created = new Date(r.f64());
    if (Number.isNaN(created.getTime())) throw new RangeError('bad time');
    const sources = Array.from({ length: r.u16() }, () => r.text(r.u8()));
    const answer = r.text(r.u32());
    entries.push({ scope, fingerprint, answer, sources, created: created.toISOString() });
  }
  if (!r.done) throw new RangeError('trailing bytes');
  return { index: { dims, rows, basis, heads, rests, coords, basisRows }, entries };
}
