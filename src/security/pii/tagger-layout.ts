import { COMPANY_ABBREVIATIONS, OTHER_ABBREVIATIONS, STREET_ABBREVIATIONS } from './abbreviations.js';
import { gazetteer } from './gazetteer.js';
import type { TokenInfo } from './tagger-features.js';
import type { Token } from './tokenize.js';

/** Where each token sits in the text's layout of lines: what {@link layoutFeatures} are built from. */
export interface Layout {
  /** Line number of every token (0 for the first line). */
  line: number[];
  /** Per line: tokens on it, the lower-cased header word ("address" of "Billing address:") or '', and the
   * index of the token after the header's colon (tokens before it are the header itself). */
  lines: { first: number; length: number; header: string; afterHeader: number }[];
  /** Cue words present anywhere in the text (see {@link CUE_WORDS}), sorted. */
  cues: string[];
}

/**
 * Words that say a text talks about where someone lives or is: their presence anywhere in the text is a
 * feature conjoined with the tagging decision (a postal block after "Billing address:" is laid out
 * differently from one in running prose).
 */
export const CUE_WORDS: ReadonlySet<string> = new Set([
  'address', 'billing', 'shipping', 'mailing', 'corner', 'where', 'lives', 'live', 'meet', 'office', 'street', 'deliver',
  'send', 'sent', 'moved', 'visit', 'phone', 'fax', 'mobile', 'name',
]);

/** The line structure, headers ("Where:") and cue words of a tokenised text. */
export function layoutOf(tokens: readonly Token[], infos: readonly TokenInfo[]): Layout {
  const layout: Layout = { line: [], lines: [], cues: [] };
  const cues = new Set<string>();
  for (let first = 0; first < tokens.length;) {
    let end = first + 1;
    while (end < tokens.length && tokens[end]!.gap !== '\n') end++;
    // A header is a word and a colon among the line's first four tokens ("Billing address: ...").
    let header = '';
    let afterHeader = -1;
    for (let i = first + 1; i < Math.min(end, first + 4); i++) {
      if (infos[i]!.lower === ':' && /\p{L}/u.test(infos[i - 1]!.lower)) {
        header = infos[i - 1]!.lower;
        afterHeader = i + 1;
        break;
      }
    }
    // Built once with its final values: objects that are never changed keep the code that reads them fast.
    layout.lines.push({ first, length: end - first, header, afterHeader });
    for (let i = first; i < end; i++) {
      layout.line.push(layout.lines.length - 1);
      if (CUE_WORDS.has(infos[i]!.lower)) cues.add(infos[i]!.lower);
    }
    first = end;
  }
  layout.cues = [...cues].sort();
  return layout;
}

/**
 * For every token, whether it is the first on its line with a letter or digit (the head of the line: the
 * name after a quoting "> " or "??? " prefix). A line without one has no head.
 */
export function lineHeads(tokens: readonly Token[]): boolean[] {
  let seen = false;
  return tokens.map((tok, i) => {
    if (i === 0 || tok.gap === '\n') seen = false;
    if (seen || !/[\p{L}\p{N}]/u.test(tok.text)) return false;
    return (seen = true);
  });
}

/** Marks that may end a sentence; a period only after a word that is no abbreviation ({@link endsSentence}). */
const SENTENCE_MARKS: ReadonlySet<string> = new Set(['.', '!', '?']);
/** Words whose period is an abbreviation's rather than a sentence's end (honorifics come from the gazetteer). */
const ABBREVIATIONS: ReadonlySet<string> = new Set([...COMPANY_ABBREVIATIONS, ...STREET_ABBREVIATIONS, ...OTHER_ABBREVIATIONS]);

/**
 * For every token, whether it opens a sentence in running text: a capitalised word after a space that
 * follows "!", "?" or a period closing a word of two or more letters that is no abbreviation ("Uber. Sarah"
 * but not "Dr. Holst", "A. Persson", "Inc. and", "18. Apt"). No name, organisation or other non-place
 * entity runs on across one (tagger-state.ts's layoutAllows); a line break is ruled on apart.
 */
export function sentenceStarts(tokens: readonly Token[], lexicon: ReadonlyMap<string, string> = gazetteer()): boolean[] {
  return tokens.map((tok, i) => {
    const mark = tokens[i - 1];
    if (i < 2 || !mark || !SENTENCE_MARKS.has(mark.text) || mark.gap !== '' || tok.gap !== ' ' || !/^\p{Lu}/u.test(tok.text)) return false;
    return mark.text !== '.' || endsSentence(tokens[i - 2]!.text, lexicon);
  });
}

/** Whether a period right after `word` ends a sentence: a word of two or more letters that is no abbreviation. */
export function endsSentence(word: string, lexicon: ReadonlyMap<string, string> = gazetteer()): boolean {
  if (!/^\p{L}{2,}$/u.test(word)) return false;
  const lower = word.toLowerCase();
  return !ABBREVIATIONS.has(lower) && lexicon.get(lower) !== 'honorific';
}

/** Line lengths in tokens as a few buckets (0 when there is no such line). */
function bucket(n: number): string {
  return n <= 3 ? String(n) : n <= 5 ? '4' : n <= 8 ? '6' : '9';
}

/** What the layout features of one token are built from (see {@link layoutFeatures}). */
export interface LayoutParts {
  pos: string;
  line: number;
  lens: string;
  header: string;
  prevHeader: string;
  prevRule: string;
  prevShape: string;
}

export function layoutParts(layout: Layout, infos: readonly TokenInfo[], rx: readonly string[], i: number): LayoutParts {
  const n = layout.line[i]!;
  const line = layout.lines[n]!;
  const prev = layout.lines[n - 1];
  const next = layout.lines[n + 1];
  return {
    pos: `${i === line.first ? 'f' : ''}${i === line.first + line.length - 1 ? 'l' : ''}`,
    line: Math.min(n, 6),
    lens: `${bucket(prev?.length ?? 0)}|${bucket(line.length)}|${bucket(next?.length ?? 0)}`,
    header: line.afterHeader !== -1 && i >= line.afterHeader ? line.header : '',
    prevHeader: prev?.header ?? '',
    prevRule: prev ? rx[prev.first] || '-' : '<s>',
    prevShape: prev ? infos[prev.first]!.shape : '<s>',
  };
}

/**
 * Layout features of token i: first/last on its line, the line's number, the lengths of this and the
 * neighbouring lines, the header on this line (after its colon) or on the line before, and the rule tag
 * and shape of the previous line's first token.
 */
export function layoutFeatures(layout: Layout, infos: readonly TokenInfo[], rx: readonly string[], i: number): string[] {
  return layoutFeaturesOf(layoutParts(layout, infos, rx, i), infos[i]!.shape);
}

/** {@link layoutFeatures} from a token's layout parts and shape. */
export function layoutFeaturesOf({ pos, line, lens, header, prevHeader, prevRule, prevShape }: LayoutParts, shape: string): string[] {
  return [
    `lp=${pos}|${shape}`, `ln=${line}|${shape}`, `lls=${lens}`, `llw=${lens}|${pos}|${shape}`,
    `hl=${header}|${shape}`, `hp=${prevHeader}|${pos}|${shape}`, `pr=${prevRule}|${shape}`, `pf=${prevShape}|${pos}|${shape}`,
  ];
}
