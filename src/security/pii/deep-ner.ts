import { join } from 'node:path';
import { alignTokens } from './token-align.js';
import type { PiiSpan, PiiType } from './types.js';

/** A local token-classification ONNX folder (`modelDir/model`: config.json with id2label, tokenizer, onnx/). */
export interface NerModelLocation {
  /** Directory holding model folders (the transformers provider's `model_dir` convention). */
  modelDir: string;
  /** Folder name inside `modelDir`. */
  model: string;
}

interface TokenOutput {
  entity: string;
  score: number;
  index: number;
}
interface Tokenizer {
  (text: string, options: { truncation: boolean }): { input_ids: { data: ArrayLike<bigint | number> } };
  model: { convert_ids_to_tokens(ids: number[]): string[] };
}
type NerPipeline = ((text: string, options: { ignore_labels: string[] }) => Promise<TokenOutput[]>) & { tokenizer: Tokenizer };

/** Model label (without B-/I-) → PII type; labels not listed (MISC, ...) are ignored. */
const LABEL_TYPES: Record<string, PiiType> = {
  PER: 'PERSON', PERSON: 'PERSON', LOC: 'LOCATION', LOCATION: 'LOCATION', GPE: 'LOCATION', ORG: 'ORGANIZATION',
  ORGANIZATION: 'ORGANIZATION', EMAIL: 'EMAIL', PHONE: 'PHONE', ADDRESS: 'STREET_ADDRESS', STREET_ADDRESS: 'STREET_ADDRESS',
};

/** Words per model call: keeps each chunk well under a BERT model's 512-token limit. */
const CHUNK_WORDS = 120;

const loaded = new Map<string, Promise<NerPipeline>>();

/**
 * Loads a token-classification pipeline from a local folder with remote loading off (never contacts a
 * hub), once per folder. Rejects when the folder is missing or not loadable.
 */
export function loadNerPipeline(where: NerModelLocation): Promise<NerPipeline> {
  const key = join(where.modelDir, where.model);
  let p = loaded.get(key);
  if (!p) {
    p = (async () => {
      const { pipeline, env } = await import('@xenova/transformers');
      env.allowRemoteModels = false;
      env.allowLocalModels = true;
      env.localModelPath = where.modelDir;
      const { existsSync } = await import('node:fs');
      const quantized = !existsSync(join(key, 'onnx', 'model.onnx'));
      return (await pipeline('token-classification', where.model, { quantized })) as unknown as NerPipeline;
    })();
    p.catch(() => loaded.delete(key));
    loaded.set(key, p);
  }
  return p;
}

/** Splits text into chunks of about CHUNK_WORDS words at whitespace: `[offset, chunk]`. */
function chunks(text: string): [number, string][] {
  const out: [number, string][] = [];
  const words = [...text.matchAll(/\S+/g)];
  for (let i = 0; i < words.length; i += CHUNK_WORDS) {
    const first = words[i]!;
    const last = words[Math.min(words.length, i + CHUNK_WORDS) - 1]!;
    out.push([first.index, text.slice(first.index, last.index + last[0].length)]);
  }
  return out;
}

/** Entity spans from a model's per-token labels, B-/I- (or bare) labels grouped over adjacent tokens. */
function spansOf(text: string, offset: number, labelled: TokenOutput[], places: ([number, number] | undefined)[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  let open: { type: PiiType; start: number; end: number; scores: number[]; index: number } | undefined;
  const close = (): void => {
    if (!open) return;
    const mean = open.scores.reduce((a, b) => a + b, 0) / open.scores.length;
    out.push({ type: open.type, start: offset + open.start, end: offset + open.end, text: text.slice(open.start, open.end), confidence: mean, source: 'ner:transformers' });
    open = undefined;
  };
  for (const t of [...labelled].sort((a, b) => a.index - b.index)) {
    const place = places[t.index];
    const m = /^(?:([BIES])-)?(.+)$/.exec(t.entity);
    const type = m ? LABEL_TYPES[m[2]!.toUpperCase()] : undefined;
    if (!place || !type) continue;
    const continues = open && open.type === type && open.index === t.index - 1 && m?.[1] !== 'B' && m?.[1] !== 'S';
    const subword = open && open.type === type && open.index === t.index - 1 && place[0] === open.end;
    if (continues || subword) {
      open!.end = place[1];
      open!.index = t.index;
      open!.scores.push(t.score);
    } else {
      close();
      open = { type, start: place[0], end: place[1], scores: [t.score], index: t.index };
    }
  }
  close();
  return out;
}

/** Runs a local token-classification model over `text` and returns its PERSON/LOCATION/ORGANIZATION/... spans. */
export async function modelEntities(text: string, where: NerModelLocation): Promise<PiiSpan[]> {
  const ner = await loadNerPipeline(where);
  const out: PiiSpan[] = [];
  for (const [offset, chunk] of chunks(text)) {
    const labelled = await ner(chunk, { ignore_labels: ['O'] });
    const ids = Array.from(ner.tokenizer(chunk, { truncation: true }).input_ids.data, Number);
    const places = alignTokens(chunk, ner.tokenizer.model.convert_ids_to_tokens(ids));
    out.push(...spansOf(chunk, offset, labelled, places));
  }
  return out;
}
