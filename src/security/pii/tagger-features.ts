import { gazetteer } from './gazetteer.js';
import { layoutFeatures, layoutOf } from './tagger-layout.js';
import type { Token } from './tokenize.js';
import type { PiiSpan } from './types.js';

function charClass(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 65 && c <= 90) return 'X';
  if (c >= 97 && c <= 122) return 'x';
  if (c >= 48 && c <= 57) return 'd';
  if (c < 128) return ch;
  return /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\d/.test(ch) ? 'd' : ch;
}

/** Word shape with repeats collapsed: "Koskikatu" → "Xx", "07700" → "d", "Apt." parts → "Xx", ".". */
function shape(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    const c = charClass(ch);
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** For each token, the regex recogniser type covering it with B/I position ("PHONE:B"), or ''. */
export function regexTags(tokens: readonly Token[], spans: readonly PiiSpan[]): string[] {
  const tags = tokens.map(() => '');
  let j = 0;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (const s of sorted) {
    while (j < tokens.length && tokens[j]!.end <= s.start) j++;
    for (let k = j; k < tokens.length && tokens[k]!.start < s.end; k++) {
      if (!tags[k]) tags[k] = `${s.type}:${tokens[k]!.start <= s.start ? 'B' : 'I'}`;
    }
  }
  return tags;
}

/** Feature-safe names of the whitespace before a token (feature strings never hold a line break). */
const GAP: Record<string, string> = { '': 'no', ' ': 'sp', '\n': 'nl', end: 'end' };

/** What the features of a token's neighbours need to know about it. */
export interface TokenInfo {
  lower: string;
  shape: string;
  gaz: string;
}

/** The padding info used beyond either end of the text. */
export const PAD: TokenInfo = { lower: '<pad>', shape: '<pad>', gaz: '' };

/** Lower-cased word, shape (digit runs with their length) and gazetteer class of one token's text. */
export function wordInfo(text: string, gaz: ReadonlyMap<string, string> = gazetteer()): TokenInfo {
  const lower = text.toLowerCase();
  const s = shape(text);
  return { lower, shape: s === 'd' ? `d${Math.min(text.length, 9)}` : s, gaz: gaz.get(lower) ?? '' };
}

/** Lower-cased word, shape (digit runs with their length) and gazetteer class of every token. */
export function tokenInfos(tokens: readonly Token[]): TokenInfo[] {
  const gaz = gazetteer();
  const seen = new Map<string, TokenInfo>();
  return tokens.map((tok) => {
    let info = seen.get(tok.text);
    if (!info) seen.set(tok.text, (info = wordInfo(tok.text, gaz)));
    return info;
  });
}

/** Neighbour offsets whose word is a feature (role name, offset). */
export const WORD_ROLES: readonly (readonly [string, number])[] = [['w', 0], ['w-1', -1], ['w+1', 1], ['w-2', -2], ['w+2', 2], ['w-3', -3]];
/** Neighbour offsets whose shape is a feature. */
export const SHAPE_ROLES: readonly (readonly [string, number])[] = [['s', 0], ['s-1', -1], ['s+1', 1], ['s-2', -2], ['s+2', 2]];
/** Neighbour offsets whose gazetteer class is a feature. */
export const GAZ_ROLES: readonly (readonly [string, number])[] = [['g', 0], ['g-1', -1], ['g+1', 1]];
/** Neighbour offsets whose rule tag is a feature. */
export const RX_ROLES: readonly (readonly [string, number])[] = [['r', 0], ['r-1', -1], ['r+1', 1]];

/** The affix roles: a word's first three letters and its last three and two. */
export const AFFIX_ROLES: readonly string[] = ['p3', 'x3', 'x2'];

/** Whether a token has affix features: three or more characters, one a letter. */
export function hasAffixes(text: string): boolean {
  return text.length > 2 && /\p{L}/u.test(text);
}

/** The value of affix role k ({@link AFFIX_ROLES}) of a lower-cased word. */
export function affixValue(lower: string, k: number): string {
  return k === 0 ? lower.slice(0, 3) : k === 1 ? lower.slice(-3) : lower.slice(-2);
}

/** Prefix and suffixes of a word of three or more characters with a letter (empty otherwise). */
export function affixFeatures(text: string, lower: string): string[] {
  return hasAffixes(text) ? AFFIX_ROLES.map((role, k) => `${role}=${affixValue(lower, k)}`) : [];
}

/** The rule tag at position j: '' inside the text without a tag, '<pad>' outside it (never for the token itself). */
export function rxAt(rx: readonly string[], j: number, offset: number): string {
  return rx[j] ?? (offset === 0 ? '' : '<pad>');
}

/** Where each token sits in its line and text: what the structural features are built from. */
export interface LineContext {
  lineIndex: number[];
  lineFirst: string[];
  prevLineFirst: string[];
  textFirst: string;
  lines: number;
}

/** The line position, first shapes of this and the previous line, and text-level facts of every token. */
export function lineContext(tokens: readonly Token[], infos: readonly TokenInfo[]): LineContext {
  const n = tokens.length;
  const ctx: LineContext = { lineIndex: new Array<number>(n), lineFirst: new Array<string>(n), prevLineFirst: new Array<string>(n), textFirst: infos[0]?.lower ?? '', lines: 0 };
  let lineIndex = 0;
  let lineFirst = '<s>';
  let prevLineFirst = '<s>';
  for (let i = 0; i < n; i++) {
    const gap = tokens[i]!.gap;
    if (gap === '\n' || i === 0) {
      if (gap === '\n') ctx.lines++;
      lineIndex = 0;
      prevLineFirst = lineFirst;
      lineFirst = infos[i]!.shape;
    } else lineIndex++;
    ctx.lineIndex[i] = lineIndex;
    ctx.lineFirst[i] = lineFirst;
    ctx.prevLineFirst[i] = prevLineFirst;
  }
  ctx.lines = Math.min(ctx.lines, 8);
  return ctx;
}

/** Whitespace before a token and after it ('end' after the last), as {@link gapFeatures} reads it. */
export type Gaps = readonly [before: string, after: string];

/** Bias, the whitespace around the token and its place in the line (capped at 4): the same in every text. */
export function gapFeatures([before, after]: Gaps, lineIndex: number): string[] {
  return ['b', `gap=${GAP[before]}`, `gapn=${GAP[after]}`, `li=${Math.min(lineIndex, 4)}`];
}

/** The first shapes of the token's line and the line before, and the text's line count, with its shape. */
export function lineShapeFeatures(ctx: LineContext, shape: string, i: number): string[] {
  return [`lf=${ctx.lineFirst[i]}|${shape}`, `plf=${ctx.prevLineFirst[i]}|${ctx.lineFirst[i]}`, `nl=${ctx.lines}|${shape}`];
}

/** The text's first word, alone and with the token's shape. */
export function textFeatures(ctx: LineContext, shape: string): string[] {
  return [`d0=${ctx.textFirst}`, `d0s=${ctx.textFirst}|${shape}`];
}

/** The first shapes of the token's line and the line before, the text's first word and line count, with its shape. */
export function lineFeatures(ctx: LineContext, infos: readonly TokenInfo[], i: number): string[] {
  const shape = infos[i]!.shape;
  return [...lineShapeFeatures(ctx, shape, i), ...textFeatures(ctx, shape)];
}

/** Bias, whitespace around the token, its line position and the line/text shapes it sits in. */
export function structuralFeatures(ctx: LineContext, tokens: readonly Token[], infos: readonly TokenInfo[], i: number): string[] {
  return [...gapFeatures([tokens[i]!.gap, tokens[i + 1]?.gap ?? 'end'], ctx.lineIndex[i]!), ...lineFeatures(ctx, infos, i)];
}

/** Word and shape bigrams around token i. */
export function bigramFeatures(infos: readonly TokenInfo[], i: number): string[] {
  const m2 = infos[i - 2] ?? PAD;
  const m1 = infos[i - 1] ?? PAD;
  const p1 = infos[i + 1] ?? PAD;
  const cur = infos[i]!;
  return [
    `w-1w=${m1.lower}|${cur.lower}`, `ww+1=${cur.lower}|${p1.lower}`, `w-2w-1=${m2.lower}|${m1.lower}`,
    `s-1s=${m1.shape}|${cur.shape}`, `ss+1=${cur.shape}|${p1.shape}`,
  ];
}

/**
 * Every feature of every token that does not depend on predicted tags: the word and its neighbours,
 * shapes, affixes, gazetteer classes, the whitespace around it, and which rule recogniser (if any) covers
 * it. The reference form used in training; tagging sums the same weights through tagger-scores.ts.
 */
export function staticFeatures(tokens: readonly Token[], rx: readonly string[]): string[][] {
  const infos = tokenInfos(tokens);
  const ctx = lineContext(tokens, infos);
  const layout = layoutOf(tokens, infos);
  return tokens.map((tok, i) => {
    const at = (k: number): TokenInfo => infos[i + k] ?? PAD;
    return [
      ...WORD_ROLES.map(([role, k]) => `${role}=${at(k).lower}`),
      ...SHAPE_ROLES.map(([role, k]) => `${role}=${at(k).shape}`),
      ...GAZ_ROLES.map(([role, k]) => `${role}=${at(k).gaz}`),
      ...RX_ROLES.map(([role, k]) => `${role}=${rxAt(rx, i + k, k)}`),
      ...structuralFeatures(ctx, tokens, infos, i),
      ...bigramFeatures(infos, i),
      ...affixFeatures(tok.text, infos[i]!.lower),
      ...layoutFeatures(layout, infos, rx, i),
    ];
  });
}
