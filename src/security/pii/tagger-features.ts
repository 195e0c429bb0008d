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

/** Lower-cased word, shape (digit runs with their length) and gazetteer class of every token. */
export function tokenInfos(tokens: readonly Token[]): TokenInfo[] {
  const gaz = gazetteer();
  const seen = new Map<string, TokenInfo>();
  return tokens.map((tok) => {
    let info = seen.get(tok.text);
    if (!info) {
      const lower = tok.text.toLowerCase();
      const s = shape(tok.text);
      info = { lower, shape: s === 'd' ? `d${Math.min(tok.text.length, 9)}` : s, gaz: gaz.get(lower) ?? '' };
      seen.set(tok.text, info);
    }
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

/** Prefix and suffixes of a word of three or more characters with a letter (empty otherwise). */
export function affixFeatures(text: string, lower: string): string[] {
  if (!/\p{L}/u.test(text) || text.length <= 2) return [];
  return [`p3=${lower.slice(0, 3)}`, `x3=${lower.slice(-3)}`, `x2=${lower.slice(-2)}`];
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
  const ctx: LineContext = { lineIndex: [], lineFirst: [], prevLineFirst: [], textFirst: infos[0]?.lower ?? '', lines: 0 };
  let lineIndex = 0;
  let lineFirst = '<s>';
  let prevLineFirst = '<s>';
  tokens.forEach((tok, i) => {
    if (tok.gap === '\n' || i === 0) {
      if (tok.gap === '\n') ctx.lines++;
      lineIndex = 0;
      prevLineFirst = lineFirst;
      lineFirst = infos[i]!.shape;
    } else lineIndex++;
    ctx.lineIndex.push(lineIndex);
    ctx.lineFirst.push(lineFirst);
    ctx.prevLineFirst.push(prevLineFirst);
  });
  ctx.lines = Math.min(ctx.lines, 8);
  return ctx;
}

/**
 * A key that determines {@link structuralFeatures} of token i within one text (tagging caches their
 * weights by it).
 */
export function structuralKey(ctx: LineContext, tokens: readonly Token[], infos: readonly TokenInfo[], i: number): string {
  return `${tokens[i]!.gap}|${tokens[i + 1]?.gap ?? 'end'}|${Math.min(ctx.lineIndex[i]!, 4)}|${ctx.lineFirst[i]}|${ctx.prevLineFirst[i]}|${infos[i]!.shape}`;
}

/** Bias, whitespace around the token, its line position and the line/text shapes it sits in. */
export function structuralFeatures(ctx: LineContext, tokens: readonly Token[], infos: readonly TokenInfo[], i: number): string[] {
  const shape = infos[i]!.shape;
  return [
    'b', `gap=${GAP[tokens[i]!.gap]}`, `gapn=${GAP[tokens[i + 1]?.gap ?? 'end']}`, `li=${Math.min(ctx.lineIndex[i]!, 4)}`,
    `lf=${ctx.lineFirst[i]}|${shape}`, `plf=${ctx.prevLineFirst[i]}|${ctx.lineFirst[i]}`, `d0=${ctx.textFirst}`,
    `d0s=${ctx.textFirst}|${shape}`, `nl=${ctx.lines}|${shape}`,
  ];
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

/** Types scored as one place (a postal block's pieces): a new span right after one of them is a split. */
const PLACE_TYPES: ReadonlySet<string> = new Set(['STREET_ADDRESS', 'ZIP_CODE', 'LOCATION']);

/**
 * What tagging has decided so far in one text, beyond the previous tags: the first entity's type (a
 * letterhead's first line tells a postal block from an inline address), whether a place was already split
 * into adjacent pieces or continued across a line break (a text lays its addresses out one way), and the
 * text's cue words (tagger-layout.ts).
 */
export interface TagState {
  words: readonly string[];
  shapes: readonly string[];
  newline: readonly boolean[];
  cues: readonly string[];
  firstType: string;
  split: boolean;
  multiline: boolean;
  /** Label of the first token of the current line and of the line before ('<s>' when none). */
  lineLabel: string;
  prevLineLabel: string;
}

/** A fresh state for a text: `newline[i]` is true when a line break precedes token i. */
export function tagState(words: readonly string[], shapes: readonly string[], newline: readonly boolean[], cues: readonly string[]): TagState {
  return { words, shapes, newline, cues, firstType: '', split: false, multiline: false, lineLabel: '<s>', prevLineLabel: '<s>' };
}

/** Updates `state` after token i got the last label of `out`. */
export function recordTag(state: TagState, out: readonly string[], i: number): void {
  const label = out[i]!;
  if (i === 0 || state.newline[i]) {
    state.prevLineLabel = state.lineLabel;
    state.lineLabel = label;
  }
  if (label === 'O') return;
  const type = label.slice(2);
  if (!state.firstType) state.firstType = type;
  const prev = out[i - 1] ?? 'O';
  if (label.startsWith('B-') && prev !== 'O' && PLACE_TYPES.has(type) && PLACE_TYPES.has(prev.slice(2))) state.split = true;
  if (label.startsWith('I-') && state.newline[i] && PLACE_TYPES.has(type)) state.multiline = true;
}

/**
 * A key that determines {@link tagFeatures} of token i within one text when the previous token is outside
 * any entity and does not start a line (tagging caches their weights by it); '' otherwise.
 */
export function tagFeaturesKey(out: readonly string[], i: number, state: TagState): string {
  const prev = out[i - 1] ?? '<s>';
  if ((prev !== 'O' && prev !== '<s>') || i === 0 || state.newline[i]) return '';
  return `${out[i - 2] ?? '<s>'}|${prev}|${state.words[i]}|${state.shapes[i]}|${state.firstType}|${state.split ? 's' : ''}${state.multiline ? 'm' : ''}`;
}

/**
 * Features that depend on the tags already chosen: the two previous tags, and for a token right after an
 * entity, the words just before that entity started and how long it is so far; the type of the text's
 * first entity, whether places were split or ran over lines earlier in the text, and each cue word of the
 * text, all conjoined with the previous tag and the token's shape.
 */
export function tagFeatures(out: readonly string[], i: number, state: TagState): string[] {
  const { words, shapes } = state;
  const prev = out[i - 1] ?? '<s>';
  const dyn = [
    `t-1=${prev}`, `t-2t-1=${out[i - 2] ?? '<s>'}|${prev}`, `t-1|w=${words[i]}`, `t-1|s=${shapes[i]}`,
    `fe=${state.firstType}|${prev}|${shapes[i]}`, `hs=${state.split ? 's' : ''}${state.multiline ? 'm' : ''}|${prev}|${shapes[i]}|${state.newline[i] ? 'n' : ''}`,
  ];
  if (i === 0 || state.newline[i]) dyn.push(`pl=${state.lineLabel}|${shapes[i]}`, `pl2=${state.prevLineLabel}|${state.lineLabel}|${shapes[i]}`);
  for (const cue of state.cues) dyn.push(`cu=${cue}|${prev}|${shapes[i]}`);
  if (prev !== 'O' && prev !== '<s>') {
    let e = i - 1;
    while (e > 0 && out[e]!.startsWith('I-')) e--;
    dyn.push(`ec=${words[e - 2] ?? '<s>'}|${words[e - 1] ?? '<s>'}|${prev.slice(2)}`, `ec1=${words[e - 1] ?? '<s>'}|${shapes[i]}`, `el=${Math.min(i - e, 8)}|${prev.slice(2)}`);
  }
  return dyn;
}
