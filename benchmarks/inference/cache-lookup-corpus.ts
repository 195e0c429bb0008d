/**
 * Realistic prompts for the cache benchmark: questions a user might ask about their journal, built from
 * the GoEmotions texts in fixtures/data, embedded once with the Universal Sentence Encoder (512-d, the
 * builtin provider's embedder) and kept in a file under the temp directory so later runs start at once.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSentenceEncoder } from '../../src/providers/builtin-provider.js';

const TEMPLATES = [
  (t: string) => `When did I write about this: "${t}"?`,
  (t: string) => `What was going on in my life when I felt like this: ${t}`,
  (t: string) => `Find the entries where I said something like "${t}"`,
  (t: string) => `How did I feel when I wrote: ${t}`,
  (t: string) => `Why did I write "${t}"?`,
  (t: string) => `Summarise what I meant by: ${t}`,
];

/** Prompts to store and two kinds of queries, with their USE vectors (row-major, 512 per row). */
export interface PromptCorpus {
  dims: number;
  /** Stored prompts: two templates over each of the first texts. */
  stored: Float32Array;
  storedCount: number;
  /** Another template over a stored text (a paraphrase: should usually hit). */
  paraphrase: Float32Array;
  /** A question about a text never stored (should usually miss). */
  fresh: Float32Array;
  queryCount: number;
}

function goEmotionsTexts(): string[] {
  const file = path.join(import.meta.dirname, '..', '..', 'fixtures', 'data', 'goemotions', 'original', 'data.tsv');
  const seen = new Set<string>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const text = line.split('\t')[0]?.trim();
    if (text && text.length >= 12) seen.add(text);
  }
  return [...seen];
}

/** The prompt texts of the corpus, in the order their vectors are stored. */
export function corpusTexts(storedCount: number, queryCount: number): { stored: string[]; paraphrase: string[]; fresh: string[] } {
  const texts = goEmotionsTexts();
  const base = Math.ceil(storedCount / 2);
  if (base + queryCount > texts.length) throw new Error(`fixtures/data/goemotions has ${texts.length} texts; need ${base + queryCount}`);
  const stored: string[] = [];
  for (let i = 0; stored.length < storedCount; i++) stored.push(TEMPLATES[(i % base + Math.floor(i / base) * 3) % TEMPLATES.length]!(texts[i % base]!));
  const paraphrase = Array.from({ length: queryCount }, (_, j) => {
    const i = (j * 7919) % base;
    return TEMPLATES[(i + 1) % TEMPLATES.length]!(texts[i]!); // neither of the two templates stored for text i
  });
  const fresh = Array.from({ length: queryCount }, (_, j) => TEMPLATES[j % TEMPLATES.length]!(texts[base + j]!));
  return { stored, paraphrase, fresh };
}

/** Embed the corpus with USE, or read it from the temp-dir file written by an earlier run. */
export async function promptCorpus(storedCount: number, queryCount: number, log: (line: string) => void): Promise<PromptCorpus> {
  const texts = corpusTexts(storedCount, queryCount);
  const all = [...texts.stored, ...texts.paraphrase, ...texts.fresh];
  const digest = crypto.createHash('sha256').update(all.join('\n')).digest('hex').slice(0, 16);
  const file = path.join(os.tmpdir(), `companion-bench-use-${digest}.f32`);
  const dims = 512;
  let vectors: Float32Array;
  if (fs.existsSync(file) && fs.statSync(file).size === all.length * dims * 4) {
    const buf = fs.readFileSync(file);
    vectors = new Float32Array(buf.buffer, buf.byteOffset, all.length * dims).slice();
    log(`read ${all.length} USE vectors from ${file}`);
  } else {
    log(`embedding ${all.length} prompts with the Universal Sentence Encoder (once; about 30 ms each)…`);
    const encoder = await loadSentenceEncoder();
    vectors = new Float32Array(all.length * dims);
    for (let at = 0; at < all.length; at += 256) {
      const batch = await encoder.embed(all.slice(at, at + 256));
      batch.forEach((v, i) => vectors.set(v, (at + i) * dims));
    }
    fs.writeFileSync(file, Buffer.from(vectors.buffer));
    log(`wrote ${file}`);
  }
  const q = storedCount * dims;
  return {
    dims,
    stored: vectors.subarray(0, q),
    storedCount,
    paraphrase: vectors.subarray(q, q + queryCount * dims),
    fresh: vectors.subarray(q + queryCount * dims, q + 2 * queryCount * dims),
    queryCount,
  };
}
