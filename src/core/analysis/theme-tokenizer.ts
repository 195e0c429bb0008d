import { themeLexicon } from './theme-lexicon.js';

/**
 * How one word is written and read, the same wherever it occurs: kept per written chunk ("Sarah's,") so a word
 * met again costs no parsing. `alone` holds what the tagger concluded from the word by itself, filled on first use.
 */
export interface WordShape {
  /** The word as written, without surrounding punctuation ("Sarah's"); empty for the second half of a contraction. */
  readonly text: string;
  /** Lower-case form with curly apostrophes straightened ("sarah's"); the expansion for a contraction's second half ("not"). */
  readonly normal: string;
  /** The form looked up in the lexicon ("sarah" for "sarah's", "can" for "can't"). */
  readonly lookup: string;
  /** Punctuation before the word within its chunk. */
  readonly pre: string;
  /** Punctuation after the word within its chunk (no whitespace). */
  readonly post: string;
  /** Offset of the word within its chunk (UTF-16 units). */
  readonly offset: number;
  /** Whether the word ends in a possessive 's ("Sarah's", not "it's"). */
  readonly possessive: boolean;
  /** What the tagger concluded from the word by itself (tags from lexicon and spelling, and its ambiguity), once seen. */
  alone: { readonly tags: ReadonlySet<string>; readonly switchKind: string | undefined } | undefined;
}

/** One word of a text as the theme tagger sees it. */
export interface Token {
  /** The word's shape (shared by every occurrence of the same written chunk). */
  readonly shape: WordShape;
  /** Same as shape.text, shape.normal and shape.lookup. */
  readonly text: string;
  readonly normal: string;
  readonly lookup: string;
  /** Punctuation before the word (more than shape.pre when the text opens with punctuation). */
  pre: string;
  /** Punctuation and whitespace after the word, up to the next word. */
  post: string;
  /** Offset of the word in the text (UTF-16 units); for a contraction's second half, the end of the word. */
  readonly start: number;
  /** Whether the word begins a sentence (the first word, or after . ! ? … or a line break). */
  readonly sentenceStart: boolean;
  /** Whether the word ends in a possessive 's. */
  readonly possessive: boolean;
  /** Part-of-speech tags: empty from the tokenizer, set by the tagger (shared between terms: replace, never change). */
  tags: ReadonlySet<string>;
}

const NO_TAGS: ReadonlySet<string> = new Set();

const CHUNK = /(\S+)(\s*)/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;
const PLAIN = /^[a-z]+$/iu;
const LEADING = /^[^\p{L}\p{N}$£€#@]+/u;
const TRAILING = /[^\p{L}\p{N}%]+$/u;
const SENTENCE_END = /[.!?…\n]/u;
const CONTRACTION = /^(.+?)(n't|'m|'re|'ve|'ll|'d|'s)$/u;
const EXPANSION: Record<string, string> = { "n't": 'not', "'m": 'am', "'re": 'are', "'ve": 'have', "'ll": 'will', "'d": 'would', "'s": 'is' };
const NOT_BASE: Record<string, string> = { ca: 'can', wo: 'will', sha: 'shall', ai: 'am' };
/** Words whose 's is "is" (or "us"), not a possessive. */
const IS_BEFORE = new Set(['it', 'he', 'she', 'that', 'there', 'what', 'who', 'here', 'where', 'how', 'let', 'this', 'everyone', 'nobody', 'someone']);

/** Split a chunk on hyphens and dashes the way compromise does: "well-being" → well, being; "co-worker" stays. */
function hyphenParts(chunk: string): string[] {
  const parts = chunk.split(/[-–—]/u);
  if (parts.length <= 1) return [chunk];
  const first = parts[0] ?? '';
  const { hyphenPrefixes, hyphenSuffixes } = themeLexicon();
  if (first.length === 1 && /[a-z]/i.test(first)) return [chunk];
  if (hyphenPrefixes.has(first)) return [chunk];
  if (hyphenSuffixes.has((parts[1] ?? '').trim().replace(/[.?!]$/u, ''))) return [chunk];
  const splits = /^([a-z\u00C0-\u00FF`"'/]+)[-–—]([a-z0-9\u00C0-\u00FF].*)/i.test(chunk) || /^[('"]?([0-9]{1,4})[-–—]([a-z\u00C0-\u00FF`"'/-]+[)'"]?$)/i.test(chunk);
  if (!splits) return [chunk];
  const dash = /[-–—]/u.exec(chunk)?.[0] ?? '-';
  return parts.map((p, i) => (i < parts.length - 1 ? p + dash : p));
}

/** The words of one part of a chunk: the word, or a contraction's two or more halves. */
function partShapes(part: string, offset: number): WordShape[] {
  const pre = LEADING.exec(part)?.[0] ?? '';
  const core = part.slice(pre.length);
  const post = TRAILING.exec(core)?.[0] ?? '';
  const text = core.slice(0, core.length - post.length);
  const normal = text.toLowerCase().replace(/[’‘`´]/gu, "'");
  const at = offset + pre.length;
  const shape = (lookup: string, possessive = false): WordShape => ({ text, normal, lookup, pre, post, offset: at, possessive, alone: undefined });
  const implicit = (word: string, last: boolean): WordShape => ({ text: '', normal: word, lookup: word, pre: '', post: last ? post : '', offset: at + text.length, possessive: false, alone: undefined });
  const whole = themeLexicon().contractions.get(normal);
  if (whole) return [{ ...shape(whole[0] ?? normal), post: '' }, ...whole.slice(1).map((w, k) => implicit(w, k === whole.length - 2))];
  const contraction = CONTRACTION.exec(normal);
  if (!contraction) return [shape(normal)];
  const base = contraction[1] ?? '';
  const ending = contraction[2] ?? '';
  if (ending === "'s" && !IS_BEFORE.has(base)) return [shape(base, true)];
  const second = ending === "'s" && base === 'let' ? 'us' : EXPANSION[ending] ?? '';
  return [{ ...shape(ending === "n't" ? (NOT_BASE[base] ?? base) : base), post: '' }, implicit(second, true)];
}

/** The words of a whitespace-delimited chunk (none when it is only punctuation). */
function chunkShapes(chunk: string): WordShape[] {
  const lower = chunk.toLowerCase();
  if (PLAIN.test(chunk) && !themeLexicon().contractions.has(lower)) return [{ text: chunk, normal: lower, lookup: lower, pre: '', post: '', offset: 0, possessive: false, alone: undefined }];
  const out: WordShape[] = [];
  let offset = 0;
  for (const part of hyphenParts(chunk)) {
    if (HAS_WORD.test(part)) out.push(...partShapes(part, offset));
    else if (out.length > 0) out[out.length - 1] = { ...out[out.length - 1]!, post: out[out.length - 1]!.post + part };
    offset += part.length;
  }
  return out;
}

const MEMO_LIMIT = 50_000;
const chunkMemo = new Map<string, WordShape[]>();

/**
 * Split a text into words with their offsets, surrounding punctuation and sentence starts; contractions become
 * two tokens ("can't" → can + not, "I'm" → I + am) and possessives keep their 's with the base word looked up.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let carry = '';
  let sentenceStart = true;
  for (const match of text.matchAll(CHUNK)) {
    const chunk = match[1] ?? '';
    const space = match[2] ?? '';
    let shapes = chunkMemo.get(chunk);
    if (shapes === undefined) {
      shapes = chunkShapes(chunk);
      if (chunkMemo.size >= MEMO_LIMIT) chunkMemo.clear();
      chunkMemo.set(chunk, shapes);
    }
    if (shapes.length === 0) {
      const last = tokens.at(-1);
      if (last) last.post += chunk + space;
      else carry += chunk;
      if (last && SENTENCE_END.test(chunk + space)) sentenceStart = true;
      continue;
    }
    const at = match.index ?? 0;
    for (let k = 0; k < shapes.length; k += 1) {
      const s = shapes[k]!;
      const post = k === shapes.length - 1 ? s.post + space : s.post;
      tokens.push({ shape: s, text: s.text, normal: s.normal, lookup: s.lookup, pre: carry + s.pre, post, start: at + s.offset, sentenceStart, possessive: s.possessive, tags: NO_TAGS });
      carry = '';
      sentenceStart = SENTENCE_END.test(post);
    }
  }
  return tokens;
}
