/**
 * Training data and training for the planted-instruction window model (src/security/injection/
 * planted-instructions.ts): windows of carrier emails that overlap the inserted attack, the attack strings,
 * jailbreak windows and deepset injections are positives; windows of clean emails, carrier windows away
 * from the attack, and GoEmotions texts are negatives.
 */
import { insertAttack, type CorpusItem, type InsertPosition } from '../benchmarks/security/injection-corpus.js';
import { featurize, type SparseVector } from '../src/security/injection/features.js';
import { documentWindows, PLANTED_DIM, type TextWindow } from '../src/security/injection/planted-instructions.js';
import { rng, trainLogistic, type LinearModel } from './injection-train-core.js';

interface WindowExample {
  text: string;
  /** Context markers of a window seen inside its document; [] for a text seen alone. */
  markers: string[];
  label: 0 | 1;
  group: string;
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

const POSITIONS: InsertPosition[] = ['start', 'middle', 'end'];

/** Windows of `email` with `inserted` planted in it that mostly cover the inserted text. */
function coveringWindows(email: string, inserted: string, position: InsertPosition): TextWindow[] {
  const text = insertAttack(email, inserted, position);
  const at = text.indexOf(inserted);
  return documentWindows(text)
    .filter((w) => overlap(w.start, w.end, at, at + inserted.length) >= 0.5 * Math.min(w.end - w.start, inserted.length));
}

/**
 * Augmented windows built from the same (training) items: a short deepset prompt of either label planted
 * into a clean training email is a task addressed to the email's reader, so its windows are positives;
 * a GoEmotions comment planted the same way is out of place but no task, so its windows are negatives.
 */
function plantedAugmentation(items: readonly CorpusItem[], pick: () => number): WindowExample[] {
  const emails = items.filter((it) => it.source === 'bipia-clean-email').map((it) => it.text);
  if (!emails.length) return [];
  const out: WindowExample[] = [];
  const plant = (text: string, label: 0 | 1, group: string): void => {
    const email = emails[Math.floor(pick() * emails.length)]!;
    const pos = POSITIONS[Math.floor(pick() * 3)]!;
    for (const w of coveringWindows(email, text, pos)) out.push({ text: w.text, markers: w.markers, label, group });
  };
  for (const it of items) {
    const words = it.text.split(/\s+/).length;
    if (it.source === 'deepset' && words <= 40) {
      plant(it.text, 1, 'planted-task');
      if (it.label === 0) out.push({ text: it.text, markers: [], label: 1, group: 'task' });
    }
    else if (it.source === 'goemotions' && pick() < 0.1) plant(it.text, 0, 'planted-prose');
  }
  return out;
}

/** Window-level examples drawn from corpus items (see the file comment). */
export function windowExamples(items: readonly CorpusItem[]): WindowExample[] {
  const pick = rng(5);
  const out: WindowExample[] = plantedAugmentation(items, rng(9));
  for (const it of items) {
    if (it.source === 'bipia-email-attack' && it.attack) {
      out.push({ text: it.attack, markers: [], label: 1, group: 'attack' });
      const at = it.text.indexOf(it.attack);
      for (const w of documentWindows(it.text)) {
        const o = at < 0 ? 0 : overlap(w.start, w.end, at, at + it.attack.length);
        if (o === 0) out.push({ text: w.text, markers: w.markers, label: 0, group: 'email' });
        else if (o >= 0.5 * Math.min(w.end - w.start, it.attack.length)) out.push({ text: w.text, markers: w.markers, label: 1, group: 'carrier' });
      }
    } else if (it.source === 'bipia-clean-email' || it.source === 'goemotions') {
      const ws = documentWindows(it.text);
      if (ws.length) ws.forEach((w) => out.push({ text: w.text, markers: w.markers, label: 0, group: it.source === 'goemotions' ? 'prose' : 'email' }));
      else out.push({ text: it.text, markers: [], label: 0, group: 'prose' });
    } else if (it.source === 'jailbreaks') {
      for (const w of documentWindows(it.text)) if (pick() < 0.1) out.push({ text: w.text, markers: w.markers, label: 1, group: 'jailbreak' });
    } else if (it.source === 'deepset' && it.label === 1) {
      out.push({ text: it.text, markers: [], label: 1, group: 'deepset' });
    }
  }
  return out;
}

/** Trains the window model; every group of examples gets the same total weight. */
export function trainPlanted(items: readonly CorpusItem[], seed: number, l2: number): LinearModel {
  const ex = windowExamples(items);
  const count = new Map<string, number>();
  for (const e of ex) count.set(e.group, (count.get(e.group) ?? 0) + 1);
  const xs: SparseVector[] = ex.map((e) => featurize(e.text, e.markers, PLANTED_DIM));
  return trainLogistic(xs, ex.map((e) => e.label), ex.map((e) => 200 / count.get(e.group)!), { dim: PLANTED_DIM, epochs: 6, lr: 0.03, l2, seed });
}
