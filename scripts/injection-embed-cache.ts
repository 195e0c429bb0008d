/**
 * Embeds texts with Universal Sentence Encoder lite for the injection training scripts, caching vectors
 * on disk (keyed by a hash of the embedded text) so cross-validation and retraining do not re-embed.
 * The cache lives outside the repository: `$COMPANION_EMBED_CACHE` or the OS temp directory.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSentenceEncoder } from '../src/providers/builtin-provider.js';
import { embeddingInput } from '../src/security/injection/embedding-input.js';

const CACHE = process.env.COMPANION_EMBED_CACHE ?? join(tmpdir(), 'companion-injection-embeddings.json');

function keyOf(s: string): string {
  return createHash('sha256').update(s).digest('base64').slice(0, 22);
}

/** Embeds each text's embeddingInput(); returns unit-length Float32 vectors in the same order. */
export async function embedCorpus(texts: string[], log = true): Promise<Float32Array[]> {
  const cache: Record<string, string> = existsSync(CACHE) ? (JSON.parse(readFileSync(CACHE, 'utf8')) as Record<string, string>) : {};
  const inputs = texts.map(embeddingInput);
  const todo = [...new Set(inputs.filter((s) => !cache[keyOf(s)]))];
  if (todo.length) {
    const encoder = await loadSentenceEncoder();
    const started = Date.now();
    for (let i = 0; i < todo.length; i += 16) {
      const batch = todo.slice(i, i + 16);
      const vecs = await encoder.embed(batch);
      batch.forEach((s, j) => (cache[keyOf(s)] = Buffer.from(Float32Array.from(vecs[j]!).buffer).toString('base64')));
      if (log && (i / 16) % 20 === 0) console.error(`embedded ${i + batch.length}/${todo.length} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      if ((i / 16) % 50 === 49) writeFileSync(CACHE, JSON.stringify(cache));
    }
    writeFileSync(CACHE, JSON.stringify(cache));
  }
  return inputs.map((s) => {
    const b = Buffer.from(cache[keyOf(s)]!, 'base64');
    const v = new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4).slice();
    let n = 0;
    for (const x of v) n += x * x;
    n = Math.sqrt(n) || 1;
    for (let i = 0; i < v.length; i++) v[i]! /= n;
    return v;
  });
}
