import { themeLexicon } from './theme-lexicon.js';

/** One word of a text as the theme tagger sees it. */
export interface Token {
  /** The word as written, without surrounding punctuation ("Sarah's"); empty for the second half of a contraction. */
  text: string;
  /** Lower-case form with curly apostrophes straightened ("sarah's"); the expansion for a contraction's second half ("not"). */
  normal: string;
  /** The form looked up in the lexicon ("sarah" for "sarah's", "ca" never: "can" for "can't"). */
  lookup: string;
  /** Punctuation before the word. */
  pre: string;
  /** Punctuation and whitespace after the word, up to the next word. */
  post: string;
  /** Offset of the word in the text (UTF-16 units); for a contraction's second half, the end of the word. */
  start: number;
  /** Whether the word begins a sentence (the first word, or after . ! ? … or a line break). */
  sentenceStart: boolean;
  /** Whether the word ends in a possessive 's ("Sarah's", not "it's"). */
  possessive: boolean;
}

const CHUNK = /\S+/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;
const LEADING = /^[^\p{L}\p{N}$£€#@]+/u;
const TRAILING = /[^\p{L}\p{N}%]+$/u;
const SENTENCE_END = /[.!?…]|\n/u;
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

/**
 * Split a text into words with their offsets, surrounding punctuation and sentence starts; contractions become
 * two tokens ("can't" → can + not, "I'm" → I + am) and possessives keep their 's with the base word looked up.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let carry = '';
  let sentenceStart = true;
  for (const match of text.matchAll(CHUNK)) {
    const chunkEnd = (match.index ?? 0) + match[0].length;
    const space = /^\s*/u.exec(text.slice(chunkEnd))?.[0] ?? '';
    let offset = match.index ?? 0;
    const parts = hyphenParts(match[0]);
    for (let p = 0; p < parts.length; p += 1) {
      const part = parts[p] ?? '';
      const partStart = offset;
      offset += part.length;
      const trailingSpace = p === parts.length - 1 ? space : '';
      if (!HAS_WORD.test(part)) {
        const last = tokens.at(-1);
        if (last) last.post += part + trailingSpace;
        else carry += part;
        if (last && SENTENCE_END.test(part + trailingSpace)) sentenceStart = true;
        continue;
      }
      const lead = LEADING.exec(part)?.[0] ?? '';
      const pre = carry + lead;
      carry = '';
      const core = part.slice(lead.length);
      const trailing = TRAILING.exec(core)?.[0] ?? '';
      const word = core.slice(0, core.length - trailing.length);
      const post = trailing + trailingSpace;
      const start = partStart + lead.length;
      const normal = word.toLowerCase().replace(/[’‘`´]/gu, "'");
      const contraction = CONTRACTION.exec(normal);
      const base = contraction?.[1] ?? '';
      const ending = contraction?.[2] ?? '';
      const token: Token = { text: word, normal, lookup: normal, pre, post, start, sentenceStart, possessive: false };
      sentenceStart = SENTENCE_END.test(post);
      tokens.push(token);
      const whole = themeLexicon().contractions.get(normal);
      if (whole) {
        token.lookup = whole[0] ?? normal;
        token.post = '';
        whole.slice(1).forEach((w, k) => tokens.push({ text: '', normal: w, lookup: w, pre: '', post: k === whole.length - 2 ? post : '', start: start + word.length, sentenceStart: false, possessive: false }));
        continue;
      }
      if (!contraction) continue;
      if (ending === "'s" && !IS_BEFORE.has(base)) {
        token.lookup = base;
        token.possessive = true;
        continue;
      }
      token.lookup = ending === "n't" ? (NOT_BASE[base] ?? base) : base;
      token.post = '';
      const second = ending === "'s" && base === 'let' ? 'us' : EXPANSION[ending] ?? '';
      tokens.push({ text: '', normal: second, lookup: second, pre: '', post, start: start + word.length, sentenceStart: false, possessive: false });
    }
  }
  return tokens;
}
