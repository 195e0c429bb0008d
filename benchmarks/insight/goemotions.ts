import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** A labelled example for sentiment: the text, its group label and the upstream comment id. */
export interface SentimentExample {
  text: string;
  label: 'positive' | 'neutral' | 'negative';
  id: string;
}

/** What loading a GoEmotions group file kept and left out. */
export interface LoadedExamples {
  file: string;
  examples: SentimentExample[];
  skippedAmbiguous: number;
  skippedMultiGroup: number;
}

/**
 * Load `<dataDir>/goemotions/group/data.tsv` with its labels.txt: keeps rows with exactly one group label
 * among positive/neutral/negative; rows labelled ambiguous or carrying several groups are counted and left out.
 * Returns null when the folder holds no such file.
 */
export function loadGoEmotionsGroup(dataDir: string): LoadedExamples | null {
  const folder = join(dataDir, 'goemotions', 'group');
  const file = join(folder, 'data.tsv');
  if (!existsSync(file)) return null;
  const names = readFileSync(join(folder, 'labels.txt'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const examples: SentimentExample[] = [];
  let skippedAmbiguous = 0;
  let skippedMultiGroup = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const [text = '', ids = '', id = ''] = line.split('\t');
    const labels = ids.split(',').map((n) => names[Number(n)]);
    if (labels.length !== 1) {
      skippedMultiGroup += 1;
      continue;
    }
    const label = labels[0];
    if (label === 'positive' || label === 'neutral' || label === 'negative') {
      examples.push({ text, label, id });
    } else {
      skippedAmbiguous += 1;
    }
  }
  return { file, examples, skippedAmbiguous, skippedMultiGroup };
}

/** FNV-1a hash of a string, for a stable split that does not depend on row order. */
function fnv1a(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i += 1) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Split examples into a dev half (for tuning) and a report half, by a hash of the comment id. */
export function splitHalves(examples: SentimentExample[]): { dev: SentimentExample[]; report: SentimentExample[] } {
  const dev: SentimentExample[] = [];
  const report: SentimentExample[] = [];
  for (const example of examples) (fnv1a(example.id || example.text) % 2 === 0 ? dev : report).push(example);
  return { dev, report };
}
