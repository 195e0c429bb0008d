/** Extra training copies of laid-out presidio texts with a line of prose before them (used by train-pii-tagger.ts). */
import type { PresidioRow } from '../benchmarks/security/load-data.js';

/**
 * For every presidio text with a line break (signatures, postal blocks), a copy with one prose line
 * before it ("Thanks again," before a signature), the spans shifted; the lines are taken in turn from
 * `lines` (comments with no name, so all-O). A signature at the end of a message should be tagged as
 * it is on its own.
 */
export function withLeadLine(rows: readonly PresidioRow[], lines: readonly string[]): PresidioRow[] {
  const out: PresidioRow[] = [];
  if (lines.length === 0) return out;
  for (const row of rows) {
    if (!row.full_text.includes('\n')) continue;
    const lead = `${lines[out.length % lines.length]!.replace(/\s+/g, ' ').trim()}\n`;
    out.push({
      full_text: lead + row.full_text,
      spans: row.spans.map((s) => ({ ...s, start_position: s.start_position + lead.length, end_position: s.end_position + lead.length })),
    });
  }
  return out;
}

/** Entity types whose values {@link withRefilledSlots} swaps between texts. */
const REFILLED: ReadonlySet<string> = new Set(['PERSON', 'ORGANIZATION', 'GPE', 'TITLE', 'NRP']);

/**
 * The kind of a one-line street-address value, so that a whole address is swapped only for one of the same
 * outline: 'n' for a bare building number (never swapped, see {@link withRefilledSlots}), 'u…' for a unit or
 * box line ("Apt. 595"), otherwise whether its first two words are numbers, how many words it has and whether
 * it holds a comma.
 */
export function streetKind(value: string): string {
  const trimmed = value.trim();
  const words = trimmed.split(/\s+/);
  if (words.length === 1 && /^\d+$/.test(trimmed)) return 'n';
  const num = (w: string | undefined): string => (w && /^\d/.test(w) ? 'd' : 'w');
  const size = words.length <= 3 ? 's' : words.length <= 6 ? 'm' : 'l';
  if (/^(apt|suite|unit|p\.?o\.?|box)\b/i.test(trimmed)) return `u${size}`;
  return `${num(words[0])}${num(words[1])}${size}${value.includes(',') ? ',' : ''}`;
}

/** `value` written in the case style of `like`: all lower-case, all upper-case, or as it is. */
function inCaseOf(value: string, like: string): string {
  if (like === like.toLowerCase() && like !== like.toUpperCase()) return value.toLowerCase();
  if (like === like.toUpperCase() && like !== like.toLowerCase()) return value.toUpperCase();
  return value;
}

/**
 * A copy of every row (those with nothing to swap left out) whose one-line PERSON, ORGANIZATION, GPE, TITLE and NRP spans hold another value of
 * the same type drawn from `rows` themselves (in the case style of the value replaced), the spans moved to
 * match: the tagger learns what surrounds a name rather than the names the generator happened to use.
 * Only the rows given are drawn from, so inside cross-validation no held-out value leaks in. With `streets`,
 * one-line STREET_ADDRESS values are swapped too, each only for one of the same {@link streetKind}, except a
 * bare building number: swapping those as well made the tagger read lone numbers in ordinary text ("Bring on
 * 2019", "Room 204") as addresses, and scored no better.
 */
export function withRefilledSlots(rows: readonly PresidioRow[], random: () => number, streets = false): PresidioRow[] {
  const pools = new Map<string, string[]>();
  /** The pool a value is drawn from and swapped within; none for a multi-line value or one never swapped. */
  const poolKey = (type: string, value: string): string | undefined => {
    if (value.includes('\n')) return undefined;
    if (REFILLED.has(type)) return type;
    if (!streets || type !== 'STREET_ADDRESS') return undefined;
    const kind = streetKind(value);
    return kind === 'n' ? undefined : `${type}|${kind}`;
  };
  for (const row of rows) {
    for (const s of row.spans) {
      const key = poolKey(s.entity_type, s.entity_value);
      if (key) (pools.get(key) ?? pools.set(key, []).get(key)!).push(s.entity_value);
    }
  }
  return rows.flatMap((row) => {
    let text = '';
    let at = 0;
    const spans: PresidioRow['spans'] = [];
    for (const s of [...row.spans].sort((a, b) => a.start_position - b.start_position)) {
      if (s.start_position < at) return [];
      const original = row.full_text.slice(s.start_position, s.end_position);
      const key = poolKey(s.entity_type, original);
      const pool = key ? pools.get(key) : undefined;
      const value = pool ? inCaseOf(pool[Math.floor(random() * pool.length)]!, original) : original;
      text += row.full_text.slice(at, s.start_position);
      spans.push({ ...s, entity_value: value, start_position: text.length, end_position: text.length + value.length });
      text += value;
      at = s.end_position;
    }
    text += row.full_text.slice(at);
    return text === row.full_text ? [] : [{ full_text: text, spans }];
  });
}
