import { ProviderError } from './errors.js';

/** Validates that `vectors` holds `count` equal-length finite vectors. */
export function checkVectors(provider: string, vectors: unknown, count: number): number[][] {
  const ok = Array.isArray(vectors) && vectors.length === count &&
    vectors.every((v) => Array.isArray(v) && v.length > 0 && v.length === (vectors[0] as unknown[]).length && v.every((x) => typeof x === 'number' && Number.isFinite(x)));
  if (!ok) throw new ProviderError(`The ${provider} server sent malformed embeddings.`, { kind: 'transient', provider });
  return vectors as number[][];
}

/** Whether a host URL points at this machine (127.0.0.0/8, ::1 or localhost). */
export function isLoopback(host: string): boolean {
  try {
    const h = new URL(/^[a-z]+:\/\//i.test(host) ? host : `http://${host}`).hostname.replace(/^\[|\]$/g, '');
    return h === 'localhost' || h === '::1' || /^127\./.test(h);
  } catch {
    return false;
  }
}
