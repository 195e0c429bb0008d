import { buildBm25 } from '../summary/bm25.js';

/** A document to search: its id, the text searched locally, and the text an embedding model may see. */
export interface SearchDoc {
  id: string;
  text: string;
  /** Text sent to the embedding model (redacted for remote providers); default `text`. */
  embedText?: string;
}

/** A retrieved document with its fused score and what found it. */
export interface Retrieved {
  id: string;
  score: number;
  bm25: number;
  similarity: number | null;
}

/** The best documents for a question and how they were found. */
export interface Retrieval {
  method: 'embeddings+bm25' | 'bm25';
  results: Retrieved[];
  /** Why embeddings were not used, when they were tried and failed. */
  embeddingError?: string;
}

/** Retrieval settings. */
export interface RetrievalOptions {
  /** How many documents to return at most (default 5). */
  k?: number;
  /** Cosine similarity at which an embedding match alone counts as relevant (default 0.5). */
  minSimilarity?: number;
  /** Most documents to embed; beyond it, the BM25 hits and the latest documents are embedded (default 400). */
  maxEmbedded?: number;
  /** The question as the embedding model may see it (redacted for remote providers); default the question. */
  embedQuestion?: string;
}

/** An embedding function (AIProvider.embed). */
export type Embed = (texts: string[]) => Promise<number[][]>;

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += (a[i] ?? 0) * (b[i] ?? 0);
    na += (a[i] ?? 0) ** 2;
    nb += (b[i] ?? 0) ** 2;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

const RRF_K = 60;

/**
 * The similarity a document must reach to stand out from the journal (mean + 1.5 standard deviations over
 * the embedded pool), so a meaning-only match is a real outlier and not the noise floor of the embedding
 * model. With fewer than 5 documents there is no spread to measure and only `minSimilarity` applies.
 */
function outlierCut(similarity: ReadonlyMap<string, number> | null): number {
  const values = [...(similarity?.values() ?? [])];
  if (values.length < 5) return -Infinity;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
  return mean + 1.5 * sd;
}

/**
 * Find the documents most relevant to a question: BM25 always, and with `embed` also embedding similarity,
 * fused by reciprocal rank. A document counts as relevant when it shares a term with the question or, by
 * meaning alone, reaches `minSimilarity` and stands out from the rest of the journal; none relevant means the journal has no answer (empty results).
 * A failing `embed` falls back to BM25 and says why.
 */
export async function retrieve(question: string, docs: readonly SearchDoc[], embed: Embed | null, options: RetrievalOptions = {}): Promise<Retrieval> {
  const k = options.k ?? 5;
  const bm25 = new Map(buildBm25(docs).rank(question, docs.length).map((r) => [r.id, r.score]));
  const lexicalRank = new Map([...bm25.keys()].map((id, i) => [id, i + 1]));
  let similarity: Map<string, number> | null = null;
  let embeddingError: string | undefined;
  if (embed && docs.length > 0) {
    const limit = options.maxEmbedded ?? 400;
    const pool = docs.length <= limit ? docs : [...new Set([...docs.filter((d) => bm25.has(d.id)).slice(0, limit / 2), ...docs.slice(-limit / 2)])];
    try {
      const vectors = await embed([options.embedQuestion ?? question, ...pool.map((d) => d.embedText ?? d.text)]);
      const [q, ...rest] = vectors;
      if (!q || rest.length !== pool.length) throw new Error('the provider returned the wrong number of vectors');
      similarity = new Map(pool.map((d, i) => [d.id, cosine(q, rest[i] ?? [])]));
    } catch (err) {
      embeddingError = (err as Error).message;
    }
  }
  const semanticRank = new Map([...(similarity ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1]).map(([id], i) => [id, i + 1]));
  const minSimilarity = options.minSimilarity ?? 0.5;
  const standsOut = outlierCut(similarity);
  const results: Retrieved[] = [];
  for (const doc of docs) {
    const lexical = bm25.get(doc.id) ?? 0;
    const sim = similarity?.get(doc.id) ?? null;
    if (lexical <= 0 && (sim === null || sim < minSimilarity || sim < standsOut)) continue;
    const score = (lexicalRank.has(doc.id) ? 1 / (RRF_K + lexicalRank.get(doc.id)!) : 0) + (semanticRank.has(doc.id) ? 1 / (RRF_K + semanticRank.get(doc.id)!) : 0);
    results.push({ id: doc.id, score: Math.round(score * 1e5) / 1e5, bm25: lexical, similarity: sim === null ? null : Math.round(sim * 1000) / 1000 });
  }
  results.sort((a, b) => b.score - a.score || b.bm25 - a.bm25 || a.id.localeCompare(b.id));
  return { method: similarity ? 'embeddings+bm25' : 'bm25', results: results.slice(0, k), ...(embeddingError ? { embeddingError } : {}) };
}
