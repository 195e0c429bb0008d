import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let words: ReadonlySet<string> | null = null;

/** The entries of VADER's lexicon (words and emoticons), read once from the package's own lexicon file. */
function lexicon(): ReadonlySet<string> {
  if (words === null) {
    const root = dirname(createRequire(import.meta.url).resolve('vader-sentiment/package.json'));
    const text = readFileSync(join(root, 'vader_lexicon.txt'), 'utf8');
    words = new Set(text.split('\n').map((line) => line.split('\t')[0] ?? '').filter((w) => w.length > 0));
  }
  return words;
}

/**
 * Whether VADER could give a sentence a non-zero score: some whitespace-separated token, lower-cased, as
 * it is or with punctuation trimmed from its ends, is in the lexicon. VADER only scores lexicon words
 * (boosters, negations and idioms only change their valence), so a sentence without one scores exactly 0
 * and need not be run through it. Errs towards true.
 */
export function mayCarryFeeling(sentence: string): boolean {
  const known = lexicon();
  for (const raw of sentence.toLowerCase().split(/\s+/)) {
    if (raw.length === 0) continue;
    if (known.has(raw)) return true;
    const trimmed = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (trimmed !== raw && known.has(trimmed)) return true;
  }
  return false;
}
