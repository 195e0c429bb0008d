import { describe, expect, it } from 'vitest';
import { VectorSlab } from '../../../src/security/pii/vector-slab.js';

describe('VectorSlab', () => {
  it('hands out zeroed vectors of its length that never share storage, across buffers', () => {
    const slab = new VectorSlab(21);
    const vectors = Array.from({ length: VectorSlab.PER_BUFFER * 2 + 3 }, () => slab.take());
    expect(vectors.every((v) => v.length === 21 && v.every((x) => x === 0))).toBe(true);
    vectors.forEach((v, i) => v.fill(i + 1));
    expect(vectors.every((v, i) => v.every((x) => x === i + 1))).toBe(true);
  });
});
