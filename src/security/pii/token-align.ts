/** Folds one UTF-16 code unit the way BERT-style tokenizers normalise: lower case, accents removed. */
function fold(ch: string): string {
  const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return base.length === 1 ? base : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
}

/**
 * Character offsets of subword tokens (WordPiece "##" continuations, SentencePiece "▁" word starts) in
 * `text`, found in order; `undefined` for tokens that cannot be placed (special or unknown tokens).
 */
export function alignTokens(text: string, tokens: readonly string[]): ([number, number] | undefined)[] {
  const folded = Array.from({ length: text.length }, (_, i) => fold(text[i]!)).join('');
  let cursor = 0;
  return tokens.map((raw) => {
    const piece = raw.replace(/^##/, '').replace(/^[▁Ġ]/, '');
    if (!piece || /^\[[A-Z]+\]$|^<\/?[a-z]+>$/.test(piece)) return undefined;
    const needle = Array.from(piece, fold).join('');
    const at = folded.indexOf(needle, cursor);
    if (at === -1 || at - cursor > 200) return undefined;
    cursor = at + needle.length;
    return [at, at + needle.length];
  });
}
