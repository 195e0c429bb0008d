/** One line from an entry for a summary: its first sentence, cut at a word boundary to at most `max` characters. */
export function excerpt(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const first = /^(.+?[.!?…])(\s|$)/u.exec(line)?.[1] ?? line;
  if (first.length <= max) return first;
  const cut = first.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:\s]+$/, '')}…`;
}
