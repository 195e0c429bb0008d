/** One token of a text: a letter run, a digit run or a single other character, with its offsets. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** The whitespace before the token: '' (none), ' ' (spaces or tabs) or '\n' (contains a line break). */
  gap: '' | ' ' | '\n';
}

const TOKEN_RE = /[\p{L}\p{M}]+|\d+|[^\s\p{L}\p{M}\d]/gu;

/** Splits `text` into fine-grained tokens so that every entity boundary falls between two tokens. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index;
    const between = text.slice(prevEnd, start);
    const gap = between === '' ? '' : between.includes('\n') ? '\n' : ' ';
    out.push({ text: m[0], start, end: start + m[0].length, gap });
    prevEnd = start + m[0].length;
  }
  return out;
}
