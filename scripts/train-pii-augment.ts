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
