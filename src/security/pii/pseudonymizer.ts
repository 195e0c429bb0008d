import { ORDINARY_CLASSES, ruleLexicon } from './gazetteer.js';
import type { PiiSpan, PiiType } from './types.js';

/** Types whose values, once found in a text, are hidden wherever else they occur ({@link Pseudonymizer.recall}). */
const RECALLED: ReadonlySet<PiiType> = new Set(['PERSON', 'ORGANIZATION', 'LOCATION', 'USERNAME', 'EMAIL']);

const NAMES = [
  'Alex Morgan', 'Sam Rivera', 'Jordan Lee', 'Taylor Brooks', 'Casey Quinn', 'Robin Hale', 'Jamie Ellis',
  'Morgan Blake', 'Avery Stone', 'Riley Parker', 'Drew Collins', 'Charlie Reed', 'Quinn Harper', 'Rowan Cole',
];
const PLACES = ['Springfield', 'Riverton', 'Lakeside', 'Fairview', 'Milltown', 'Brookfield', 'Greenville', 'Oakdale'];

function key(type: PiiType, value: string): string {
  return `${type}\u0000${value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

function standIn(type: PiiType, n: number): string {
  const round = Math.floor((n - 1) / NAMES.length);
  const suffix = round === 0 ? '' : ` ${round + 1}`;
  switch (type) {
    case 'PERSON': return `${NAMES[(n - 1) % NAMES.length]}${suffix}`;
    case 'LOCATION': return `${PLACES[(n - 1) % PLACES.length]}${Math.floor((n - 1) / PLACES.length) ? ` ${Math.floor((n - 1) / PLACES.length) + 1}` : ''}`;
    case 'ORGANIZATION': return `Org ${n}`;
    case 'EMAIL': return `person${n}@example.com`;
    case 'USERNAME': return `@user${n}`;
    case 'PHONE': return `555-01${String(n % 100).padStart(2, '0')}`;
    case 'URL': return `https://example.com/${n}`;
    case 'IP_ADDRESS': return `192.0.2.${n % 256}`;
    case 'CREDIT_CARD': return `XXXX-XXXX-XXXX-${String(n).padStart(4, '0')}`;
    default: return `${type}_${n}`;
  }
}

/**
 * Hands out stand-ins for personal data that stay the same for the same value (case and spacing ignored)
 * for the pseudonymizer's lifetime, so one export reads consistently. A surname or first name alone gets
 * the stand-in of the full name it belongs to when that name was seen first.
 */
export class Pseudonymizer {
  private readonly byKey = new Map<string, string>();
  private readonly counters = new Map<PiiType, number>();
  private readonly people: { tokens: Set<string>; standIn: string }[] = [];
  /** Each stand-in and the value it first stood for. */
  private readonly originals = new Map<string, string>();

  /** The stand-in for `value` of `type`; the same input always returns the same stand-in. */
  pseudonymFor(type: PiiType, value: string): string {
    const k = key(type, value);
    const known = this.byKey.get(k);
    if (known !== undefined) return known;
    if (type === 'PERSON') {
      const tokens = k.slice(k.indexOf('\u0000') + 1).split(' ');
      const match = this.people.find((p) => tokens.every((t) => p.tokens.has(t)));
      if (match) {
        this.byKey.set(k, match.standIn);
        return match.standIn;
      }
    }
    const n = (this.counters.get(type) ?? 0) + 1;
    this.counters.set(type, n);
    const created = standIn(type, n);
    this.byKey.set(k, created);
    this.originals.set(created, value.trim());
    if (type === 'PERSON') this.people.push({ tokens: new Set(k.slice(k.indexOf('\u0000') + 1).split(' ')), standIn: created });
    return created;
  }

  /**
   * Put the original values back into a text written about the stand-ins (a model's answer to redacted text),
   * longest stand-in first so "Alex Morgan 2" is not read as "Alex Morgan". Stays on this machine: only the
   * redacted text ever left it.
   */
  restore(text: string): string {
    let out = text;
    for (const [standIn, original] of [...this.originals].sort((a, b) => b[0].length - a[0].length)) out = out.split(standIn).join(original);
    return out;
  }

  /** Values found so far (and the words of people's names), by the exact text, with their type. */
  private readonly recalled = new Map<string, PiiType>();
  private recallPattern: RegExp | undefined;

  /**
   * Spans for the other places in `text` where a name, place, organisation, handle or email found before
   * (in `spans`, or in an earlier text of the same export) occurs, exactly as written, that `spans` does not
   * cover: the detector finds "Diego" after "Met" and misses it at the start of the next sentence, or in the
   * next entry. A person's single words count too ("Liam" of "Liam O'Connor"), unless they are ordinary words.
   */
  recall(text: string, spans: readonly PiiSpan[]): PiiSpan[] {
    this.learn(text, spans);
    if (!this.recalled.size) return [];
    this.recallPattern ??= new RegExp(
      `(?<![\\p{L}\\p{N}_@.])(?:${[...this.recalled.keys()].sort((a, b) => b.length - a.length).map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}_])`,
      'gu',
    );
    const out: PiiSpan[] = [];
    for (const m of text.matchAll(this.recallPattern)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (spans.some((s) => start < s.end && s.start < end)) continue;
      out.push({ type: this.recalled.get(m[0])!, start, end, text: m[0], confidence: 0.6, source: 'recall' });
    }
    return out;
  }

  /**
   * Remembers the names, places, organisations, handles and emails of `spans` (and the words of people's names) for
   * later {@link recall}, without looking for them in `text`: an export reads every entry this way first.
   */
  learn(text: string, spans: readonly PiiSpan[]): void {
    for (const span of spans) {
      if (!RECALLED.has(span.type)) continue;
      const value = text.slice(span.start, span.end).trim();
      const words = value.split(/\s+/u);
      if (words.length > 1 || this.recallable(value)) this.remember(value, span.type);
      if (span.type === 'PERSON' && words.length > 1) for (const word of words) if (/^\p{Lu}/u.test(word) && this.recallable(word)) this.remember(word, 'PERSON');
    }
  }

  /**
   * A single word worth looking for elsewhere: three characters or more, not an ordinary word ("Will", "Nice").
   * Only a word of letters is looked up, so an email or a handle (the save-time redaction's spans) never loads
   * the lexicon.
   */
  private recallable(word: string): boolean {
    return word.length >= 3 && (!/^\p{L}+$/u.test(word) || !ORDINARY_CLASSES.has(ruleLexicon().get(word.toLowerCase()) ?? ''));
  }

  private remember(value: string, type: PiiType): void {
    if (this.recalled.has(value)) return;
    this.recalled.set(value, type);
    this.recallPattern = undefined;
  }

  /** How many distinct values have been given stand-ins. */
  get size(): number {
    return this.byKey.size;
  }
}
