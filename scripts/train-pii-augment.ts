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
 * Only the rows given are drawn from, so inside cross-validation no held-out value leaks in.
 */
export function withRefilledSlots(rows: readonly PresidioRow[], random: () => number): PresidioRow[] {
  const pools = new Map<string, string[]>();
  for (const row of rows) {
    for (const s of row.spans) {
      if (REFILLED.has(s.entity_type) && !s.entity_value.includes('\n')) (pools.get(s.entity_type) ?? pools.set(s.entity_type, []).get(s.entity_type)!).push(s.entity_value);
    }
  }
  return rows.flatMap((row) => {
    let text = '';
    let at = 0;
    const spans: PresidioRow['spans'] = [];
    for (const s of [...row.spans].sort((a, b) => a.start_position - b.start_position)) {
      if (s.start_position < at) return [];
      const original = row.full_text.slice(s.start_position, s.end_position);
      const pool = pools.get(s.entity_type);
      const value = pool && REFILLED.has(s.entity_type) && !original.includes('\n') ? inCaseOf(pool[Math.floor(random() * pool.length)]!, original) : original;
      text += row.full_text.slice(at, s.start_position);
      spans.push({ ...s, entity_value: value, start_position: text.length, end_position: text.length + value.length });
      text += value;
      at = s.end_position;
    }
    text += row.full_text.slice(at);
    return text === row.full_text ? [] : [{ full_text: text, spans }];
  });
}
