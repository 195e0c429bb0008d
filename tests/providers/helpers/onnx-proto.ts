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

