/** Normalise text for search: lower case, accents removed. */
export function foldForSearch(text: string): string {
  // Most entries are plain ASCII: skip Unicode normalisation for them (it dominated search time).
  // eslint-disable-next-line no-control-regex -- an ASCII range check
  if (/^[\u0000-\u007f]*$/.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

const WORD_CHAR = /[\p{L}\p{N}'’_-]/u;

/** True when `term` occurs in `text` at the start of a word (both already folded). */
export function containsWordStart(text: string, term: string): boolean {
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    if (at === 0 || !WORD_CHAR.test(text[at - 1]!)) return true;
  }
  return false;
}
