import type { PiiSpan } from './types.js';

const MAX_LINES = 5;
/** A line that reads like an address part: a few capitalised or upper-case words, a postcode, a region code. */
const ADDRESS_LINE = /^[\s,]*((?:[\p{Lu}\d][\p{L}\d'’.-]*,?\s*){1,5}|nan)[\s,]*$/u;

/**
 * Extends a street address over the following short lines of a postal block ("Suite 5\nLONDON\nUnited
 * Kingdom 75419"): trailing digit groups become ZIP_CODE, the other words LOCATION.
 */
export function addressBlockSpans(text: string, streets: PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const street of streets) {
    let pos = street.end;
    for (let i = 0; i < MAX_LINES; i++) {
      const nl = text.indexOf('\n', pos);
      const line = text.slice(pos, nl === -1 ? text.length : nl);
      if (line.trim() !== '') {
        if (!ADDRESS_LINE.test(line)) break;
        out.push(...splitLine(line, pos));
      }
      if (nl === -1) break;
      pos = nl + 1;
    }
  }
  return out;
}

function splitLine(line: string, offset: number): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const m of line.matchAll(/[\p{L}][\p{L}'’.-]*(?:\s+[\p{L}][\p{L}'’.-]*)*|\d[\d -]*[\d]|\d/gu)) {
    if (m.index === undefined) continue;
    const value = m[0].trim();
    const start = offset + m.index;
    const isZip = /^\d/.test(value);
    if (/^(?:Apt|Suite|Unit|Flat)\.?$/i.test(value)) continue;
    spans.push({
      type: isZip ? 'ZIP_CODE' : 'LOCATION', start, end: start + value.length, text: value,
      confidence: isZip ? 0.75 : 0.7, source: 'rule:address-block',
    });
  }
  return spans;
}
