/** Kinds of theme: who, where, what was done, what about. */
export type ThemeKind = 'person' | 'place' | 'activity' | 'topic';

/**
 * Stored form of a theme on an entry: "kind:label", for example "person:Sarah". Kept apart from the
 * extractor so reading stored themes never loads the NLP library.
 */
export function formatTheme(theme: { kind: ThemeKind; label: string }): string {
  return `${theme.kind}:${theme.label}`;
}

/** Read a stored theme string; a string without a known kind prefix is a topic. */
export function parseTheme(stored: string): { kind: ThemeKind; label: string; key: string } {
  const match = /^(person|place|activity|topic):(.+)$/.exec(stored);
  const kind = (match?.[1] ?? 'topic') as ThemeKind;
  const label = (match?.[2] ?? stored).trim();
  return { kind, label, key: label.toLowerCase() };
}
