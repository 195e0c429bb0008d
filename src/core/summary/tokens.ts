/**
 * A conservative token estimate for budgeting model context: one token per 3 characters (English averages
 * about 4 per token in common tokenizers) or per word-like piece, whichever is larger, plus 1.
 */
export function estimateTokens(text: string): number {
  const pieces = text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)?.length ?? 0;
  return Math.max(Math.ceil(text.length / 3), pieces) + 1;
}

/** Cut a text so that its estimate fits `tokens`, at a word boundary, marking the cut with "…". */
export function truncateToTokens(text: string, tokens: number): string {
  if (estimateTokens(text) <= tokens) return text;
  let end = Math.max(0, (tokens - 2) * 3);
  let cut = text.slice(0, end);
  while (cut.length > 0 && estimateTokens(`${cut}…`) > tokens) {
    end = Math.floor(end * 0.9);
    cut = text.slice(0, end);
  }
  const space = cut.lastIndexOf(' ');
  return `${space > cut.length / 2 ? cut.slice(0, space) : cut}…`;
}
