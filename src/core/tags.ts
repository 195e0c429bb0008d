/**
 * `@tag` words in entry text, the way jrnl reads them: an `@` at the start of a word (so `a@b.com` is an
 * address, not a tag) followed by letters, digits and `_ - + # /`.
 */
import { normalizeTag } from './entry.js';

/** `@` preceded by start, whitespace or an opening bracket/quote; the word itself starts with a letter,
 * digit or underscore. */
const TAG_PATTERN = /(?<=^|[\s([{"'“‘])@([\p{L}\p{N}_][\p{L}\p{N}\p{M}_+#/-]*)/gu;

/** The normalised tags in a text (`@Work` → `work`), each once, in order of first appearance. */
export function extractTags(text: string): string[] {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(TAG_PATTERN)) {
    const word = (match[1] ?? '').replace(/[-/]+$/u, '');
    const tag = normalizeTag(word);
    if (tag.length > 0 && !seen.has(tag)) {
      seen.add(tag);
      tags.push(tag);
    }
  }
  return tags;
}

/** Merge tag lists into one normalised list without duplicates, keeping first-seen order. */
export function mergeTags(...lists: ReadonlyArray<readonly string[]>): string[] {
  const merged = new Set<string>();
  for (const list of lists) {
    for (const raw of list) {
      const tag = normalizeTag(raw);
      if (tag.length > 0) merged.add(tag);
    }
  }
  return [...merged];
}
