import crypto from 'node:crypto';
import fs from 'node:fs';

/** Helpers that play the attacker: they edit audit.log the way someone with file access (but no key) could. */
export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** The log's lines (without the trailing empty piece). */
export function readLines(file: string): string[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0);
}

/** Write lines back as a log. */
export function writeLines(file: string, lines: string[]): void {
  fs.writeFileSync(file, lines.map((l) => l + '\n').join(''));
}

/** Replace a JSON field of a line, keeping the line's layout. */
export function setField(line: string, field: string, value: unknown): string {
  const obj = JSON.parse(line) as Record<string, unknown>;
  obj[field] = value;
  // Rebuild in the record's key order so the line still looks like one companion wrote.
  const { seq, ts, type, severity, details, prev, mac } = obj as Record<string, unknown>;
  return JSON.stringify({ seq, ts, type, severity, details, prev, mac });
}

/** Recompute every prev hash from `from` on, as an attacker who knows the chain rule (but not the MAC key) would. */
export function rechain(lines: string[], from = 0): string[] {
  const out = [...lines];
  for (let i = Math.max(1, from); i < out.length; i += 1) out[i] = setField(out[i]!, 'prev', sha256(out[i - 1]!));
  if (from === 0 && out.length > 0) out[0] = setField(out[0]!, 'prev', '0'.repeat(64));
  return out;
}

/** Renumber seq fields 0..n-1 (hiding a deletion or a reorder) — the MACs no longer fit. */
export function renumber(lines: string[]): string[] {
  return lines.map((l, i) => setField(l, 'seq', i));
}

/** A log built from scratch with a made-up key: valid JSON, valid chain, wrong MACs. */
export function freshChain(count: number, vaultId: string): string[] {
  const key = crypto.randomBytes(32);
  const lines: string[] = [];
  let prev = '0'.repeat(64);
  for (let seq = 0; seq < count; seq += 1) {
    const body = JSON.stringify({ seq, ts: new Date().toISOString(), type: seq === 0 ? 'vault.created' : 'vault.unlocked', severity: 'LOW', details: seq === 0 ? { vaultId } : { source: 'file' } });
    const mac = crypto.createHmac('sha256', key).update(body).digest('hex');
    const line = `${body.slice(0, -1)},"prev":"${prev}","mac":"${mac}"}`;
    lines.push(line);
    prev = sha256(line);
  }
  return lines;
}
