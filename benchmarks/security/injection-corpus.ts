import {
  loadBipiaAttacks, loadBipiaEmails, loadDeepset, loadGoEmotions, loadJailbreaks, loadNotInject, type LabelledText,
} from './load-data.js';

/** A labelled text with the unit that decides its cross-validation fold (so related items stay together). */
export interface CorpusItem extends LabelledText {
  splitKey: string;
  /** For a BIPIA positive: the attack string inserted into the carrier email. */
  attack?: string;
}

/** Where BIPIA puts an attack in the carrier email, as BIPIA does: before, inside or after the content. */
export type InsertPosition = 'start' | 'middle' | 'end';

/** Inserts `attack` into `email` at a sentence boundary for `middle`. */
export function insertAttack(email: string, attack: string, position: InsertPosition): string {
  if (position === 'start') return `${attack}\n${email}`;
  if (position === 'end') return `${email}\n${attack}`;
  const mid = Math.floor(email.length / 2);
  const boundary = email.indexOf('. ', mid);
  const space = email.lastIndexOf(' ', mid);
  const at = boundary !== -1 ? boundary + 2 : space !== -1 ? space + 1 : mid;
  return `${email.slice(0, at)}${attack} ${email.slice(at)}`;
}

const POSITIONS: InsertPosition[] = ['start', 'middle', 'end'];

/**
 * Builds the injection corpus from a data directory: deepset (both labels), jailbreaks (positive), BIPIA
 * attacks inserted into emails (positive; attack k goes into `carriersPerAttack` emails chosen by index),
 * clean BIPIA emails, NotInject and GoEmotions (negative). Missing files are skipped by the loaders.
 */
export function buildInjectionCorpus(dir: string, carriersPerAttack = 1): CorpusItem[] {
  const items: CorpusItem[] = [];
  for (const r of [...loadDeepset(dir), ...loadJailbreaks(dir), ...loadNotInject(dir), ...loadGoEmotions(dir)]) {
    items.push({ ...r, splitKey: `${r.source}:${r.text}` });
  }
  const emails = loadBipiaEmails(dir);
  const attacks = loadBipiaAttacks(dir);
  emails.forEach((email, i) => items.push({ text: email, label: 0, source: 'bipia-clean-email', splitKey: `email:${i}` }));
  if (attacks && emails.length) {
    let k = 0;
    for (const [category, list] of Object.entries(attacks)) {
      for (const attack of list) {
        for (let c = 0; c < carriersPerAttack; c++) {
          const idx = (k * 7 + c * 13) % emails.length;
          const position = POSITIONS[(k + c) % POSITIONS.length]!;
          items.push({
            text: insertAttack(emails[idx]!, attack, position), label: 1, source: 'bipia-email-attack',
            splitKey: `bipia-category:${category}`, attack,
          });
        }
        k++;
      }
    }
  }
  return items;
}
