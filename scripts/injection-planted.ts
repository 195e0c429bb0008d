/**
 * Training data and training for the planted-instruction window model (src/security/injection/
 * planted-instructions.ts): windows of carrier emails that overlap the inserted attack, the attack strings,
 * jailbreak windows and deepset injections are positives; windows of clean emails, carrier windows away
 * from the attack, and GoEmotions texts are negatives.
 */
import type { CorpusItem } from '../benchmarks/security/injection-corpus.js';
import { featurize, type SparseVector } from '../src/security/injection/features.js';
import { documentWindows, PLANTED_DIM } from '../src/security/injection/planted-instructions.js';
import { rng, trainLogistic, type LinearModel } from './injection-train-core.js';

interface WindowExample {
  text: string;
  label: 0 | 1;
  group: string;
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** Window-level examples drawn from corpus items (see the file comment). */
export function windowExamples(items: readonly CorpusItem[]): WindowExample[] {
  const out: WindowExample[] = [];
  const pick = rng(5);
  for (const it of items) {
    if (it.source === 'bipia-email-attack' && it.attack) {
      out.push({ text: it.attack, label: 1, group: 'attack' });
      const at = it.text.indexOf(it.attack);
      for (const w of documentWindows(it.text)) {
        const o = at < 0 ? 0 : overlap(w.start, w.end, at, at + it.attack.length);
        if (o === 0) out.push({ text: w.text, label: 0, group: 'email' });
        else if (o >= 0.5 * Math.min(w.end - w.start, it.attack.length)) out.push({ text: w.text, label: 1, group: 'carrier' });
      }
    } else if (it.source === 'bipia-clean-email' || it.source === 'goemotions') {
      const ws = documentWindows(it.text);
      if (ws.length) ws.forEach((w) => out.push({ text: w.text, label: 0, group: it.source === 'goemotions' ? 'prose' : 'email' }));
      else out.push({ text: it.text, label: 0, group: 'prose' });
    } else if (it.source === 'jailbreaks') {
      for (const w of documentWindows(it.text)) if (pick() < 0.1) out.push({ text: w.text, label: 1, group: 'jailbreak' });
    } else if (it.source === 'deepset' && it.label === 1) {
      out.push({ text: it.text, label: 1, group: 'deepset' });
    }
  }
  return out;
}

/** Trains the window model; every group of examples gets the same total weight. */
export function trainPlanted(items: readonly CorpusItem[], seed: number, l2: number): LinearModel {
  const ex = windowExamples(items);
  const count = new Map<string, number>();
  for (const e of ex) count.set(e.group, (count.get(e.group) ?? 0) + 1);
  const xs: SparseVector[] = ex.map((e) => featurize(e.text, [], PLANTED_DIM));
  return trainLogistic(xs, ex.map((e) => e.label), ex.map((e) => 200 / count.get(e.group)!), { dim: PLANTED_DIM, epochs: 6, lr: 0.03, l2, seed });
}
