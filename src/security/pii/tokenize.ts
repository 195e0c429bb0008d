/** One token of a text: a letter run, a digit run or a single other character, with its offsets. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** The whitespace before the token: '' (none), ' ' (spaces or tabs) or '\n' (contains a line break). */
  gap: '' | ' ' | '\n';
}

/** Kinds of code point: what the token pattern `[\p{L}\p{M}]+|\d+|[^\s\p{L}\p{M}\d]` (flag u) makes of each. */
const SPACE = 0;
const LETTER = 1;
const DIGIT = 2;
const OTHER = 3;

const LETTER_RE = /^[\p{L}\p{M}]$/u;
const SPACE_RE = /^\s$/u;

/** The kind of every ASCII code. */
const ASCII_KINDS = Uint8Array.from({ length: 128 }, (_, c) => {
  const ch = String.fromCharCode(c);
  return SPACE_RE.test(ch) ? SPACE : LETTER_RE.test(ch) ? LETTER : c >= 48 && c <= 57 ? DIGIT : OTHER;
});

/** Kinds of the other code points met so far (a text seldom holds more than a few hundred). */
const otherKinds = new Map<number, number>();

function kindOf(cp: number): number {
  if (cp < 128) return ASCII_KINDS[cp]!;
  let kind = otherKinds.get(cp);
  if (kind === undefined) {
    const ch = String.fromCodePoint(cp);
    kind = SPACE_RE.test(ch) ? SPACE : LETTER_RE.test(ch) ? LETTER : OTHER;
    if (otherKinds.size < 65_536) otherKinds.set(cp, kind);
  }
  return kind;
}

/**
 * Splits `text` into fine-grained tokens so that every entity boundary falls between two tokens: the matches of
 * `[\p{L}\p{M}]+|\d+|[^\s\p{L}\p{M}\d]` (flag u), read by a scanner of code points rather than the regex, whose
 * match objects were a quarter of what detectPII allocated. tests/security/detectors/pii-tokenize.test.ts holds
 * it to the regex.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let newline = false;
  let spaced = false;
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i)!;
    const kind = kindOf(cp);
    if (kind === SPACE) {
      if (cp === 10) newline = true;
      spaced = true;
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    i += cp > 0xffff ? 2 : 1;
    if (kind !== OTHER) {
      while (i < n) {
        const next = text.codePointAt(i)!;
        if (kindOf(next) !== kind) break;
        i += next > 0xffff ? 2 : 1;
      }
    }
    out.push({ text: text.slice(start, i), start, end: i, gap: newline ? '\n' : spaced ? ' ' : '' });
    newline = false;
    spaced = false;
  }
  return out;
}

/**
 * Whether a word may start with a capital letter: an ASCII capital, or any character beyond ASCII. A cheap test that
 * most words fail, before a regular expression decides.
 */
export function mayStartUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  return (c >= 65 && c <= 90) || c > 127;
}
