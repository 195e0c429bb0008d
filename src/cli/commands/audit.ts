import fs from 'node:fs';
import { entryRefs } from '../../core/entry-files.js';
import { parseSince } from '../../core/dates.js';
import { auditKeys, readTail } from '../../security/audit-log.js';
import { readWithFingerprint, refreshAuditMark } from '../../security/audit-mark.js';
import { lineHash, parseRecord, type AuditRecord } from '../../security/audit-record.js';
import { verifyAudit, type EntryState, type Problem, type VerifyReport } from '../../security/audit-verify.js';
import { openEntry, readClearHeader } from '../../security/entry-cipher.js';
import { sha256Hex } from '../../security/keys.js';
import { readVaultHeader } from '../../security/vault-header.js';
import type { Vault } from '../../security/vault.js';
import { ExitCode } from '../../core/errors.js';
import type { CommandContext } from '../context.js';
import { openJournal, type OpenJournal } from '../services.js';

function readLog(ctx: CommandContext): string | null {
  try {
    return fs.readFileSync(ctx.paths.audit, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Every entry file as it is now, and the stat fingerprint of what was read (for the verification mark). */
function entryStates(ctx: CommandContext, vault: Vault | null): { states: EntryState[]; fingerprints: string[] } {
  const states: EntryState[] = [];
  const fingerprints: string[] = [];
  for (const ref of entryRefs(ctx.paths.entries)) {
    const { bytes, fingerprint } = readWithFingerprint(ref.file);
    const clear = readClearHeader(bytes);
    let authentic: boolean | null = null;
    if (vault) {
      const opened = openEntry(vault, bytes);
      authentic = opened.ok && opened.header.id === ref.id;
    }
    states.push({ id: ref.id, rev: clear?.header.rev ?? 0, hash: sha256Hex(bytes), authentic });
    fingerprints.push(fingerprint);
  }
  return { states, fingerprints };
}

/** Can this command get a passphrase without failing (file, keychain opt-in, or a terminal)? */
function canUnlock(ctx: CommandContext): boolean {
  if (ctx.deps.env.COMPANION_PASSPHRASE_FILE || ctx.config.security.keychain || ctx.deps.stdin.isTTY) return true;
  const tty = ctx.deps.openTty();
  tty?.close();
  return tty !== null;
}

/**
 * The full verification. Its outcome refreshes the verification mark `companion health` builds on: written
 * when everything verified with the MACs, removed when anything failed.
 */
function runVerify(ctx: CommandContext, open: OpenJournal | null, expect?: string): VerifyReport {
  const header = readVaultHeader(ctx.paths.vault);
  const logText = readLog(ctx);
  const entries = entryStates(ctx, open?.vault ?? null);
  const report = verifyAudit({
    logText,
    vaultId: header.vaultId,
    checkpoint: header.audit,
    keys: open ? auditKeys(open.vault) : null,
    entries: entries.states,
    expect,
  });
  const note = refreshAuditMark(ctx.paths.cache, open?.vault ?? null, report, logText, entries.states, entries.fingerprints, ctx.deps.now());
  if (note) ctx.note(`companion: ${note}`);
  return report;
}

async function repair(ctx: CommandContext, open: OpenJournal, problems: Problem[]): Promise<number> {
  let fixed = 0;
  for (const p of problems) {
    if (!p.repairable) continue;
    if (p.entryId && p.message.includes('deleted in the log')) {
      const ref = [...entryRefs(ctx.paths.entries)].find((r) => r.id === p.entryId);
      if (ref) fs.rmSync(ref.file);
    } else if (p.entryId) {
      const ref = [...entryRefs(ctx.paths.entries)].find((r) => r.id === p.entryId)!;
      const entry = open.journal.read(ref);
      open.audit.record(entry.revision === 1 ? 'entry.created' : 'entry.updated', 'LOW', { id: entry.id, revision: entry.revision, hash: sha256Hex(fs.readFileSync(ref.file)) });
    }
    open.audit.record('audit.repaired', 'MEDIUM', { kind: p.kind, seq: p.seq, entry: p.entryId });
    fixed += 1;
  }
  await open.audit.flush(); // the append itself completes a torn checkpoint or removes a partial record
  return fixed;
}

function printReport(ctx: CommandContext, report: VerifyReport): void {
  const s = ctx.style;
  if (report.ok) {
    ctx.print(`${s.green('✓')} The audit log holds: ${report.records} records, chain intact, checkpoint matches, ${report.entriesChecked} entries match their last record.`);
  } else {
    const first = report.problems[0]!;
    ctx.print(`${s.red('✗')} ${first.kind.toUpperCase()}${first.seq !== null ? ` at record ${first.seq}` : ''}${first.entryId ? ` (entry ${first.entryId})` : ''}: ${first.message}`);
    ctx.print(`  ${first.meaning}`);
    for (const p of report.problems.slice(1)) ctx.print(`  also: ${p.kind}${p.seq !== null ? ` at record ${p.seq}` : ''}: ${p.message}`);
  }
  if (!report.macsChecked) ctx.print(s.yellow('MACs were not checked (no passphrase available): only structure, order and the hash chain were verified. Run it with your passphrase to detect forged records.'));
}

/** `companion audit verify`. */
export async function auditVerify(ctx: CommandContext, opts: { json?: boolean; expect?: string; unlock?: boolean; repair?: boolean }): Promise<void> {
  readVaultHeader(ctx.paths.vault); // a missing or damaged header is reported before asking for a passphrase
  const open = opts.unlock !== false && (opts.repair || canUnlock(ctx)) ? await openJournal(ctx) : null;
  let report = runVerify(ctx, open, opts.expect);
  let repaired = 0;
  if (opts.repair && open && !report.ok) {
    if (report.problems.every((p) => p.repairable)) {
      repaired = await repair(ctx, open, report.problems);
      report = runVerify(ctx, open, opts.expect);
    } else {
      ctx.note('Not repairing: only torn writes can be repaired, and this log shows tampering.');
    }
  }
  if (!report.ok) open?.audit.record('integrity.failure', 'HIGH', { during: 'audit verify', kind: report.problems[0]!.kind, seq: report.problems[0]!.seq });
  if (opts.json) ctx.printJson({ ...report, repaired, firstProblem: report.problems[0] ?? null });
  else {
    if (repaired) ctx.print(`Repaired ${repaired} torn write(s).`);
    printReport(ctx, report);
  }
  if (!report.ok) ctx.exitCode = ExitCode.integrity;
}

function readRecords(ctx: CommandContext): AuditRecord[] {
  const text = readLog(ctx) ?? '';
  return text.split('\n').filter((l) => l.trim()).map((l) => parseRecord(l)).filter((r): r is AuditRecord => r !== null);
}

/** `companion audit log`. */
export async function auditLogCommand(ctx: CommandContext, opts: { since?: string; type?: string; json?: boolean; limit?: string }): Promise<void> {
  const since = opts.since ? parseSince(opts.since, ctx.deps.now()).getTime() : null;
  const records = readRecords(ctx).filter((r) => (since === null || Date.parse(r.ts) >= since) && (!opts.type || r.type === opts.type || r.type.startsWith(opts.type + '.')));
  if (opts.json) {
    ctx.printJson({ records: records.map(({ seq, ts, type, severity, details }) => ({ seq, ts, type, severity, details })) });
    return;
  }
  const s = ctx.style;
  for (const r of records) {
    const sev = r.severity === 'HIGH' ? s.red(r.severity) : r.severity === 'MEDIUM' ? s.yellow(r.severity) : s.dim(r.severity);
    const details = Object.entries(r.details).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`).join(' ');
    ctx.print(`${String(r.seq).padStart(6)}  ${r.ts.slice(0, 19).replace('T', ' ')}  ${sev.padEnd(6)}  ${r.type.padEnd(20)} ${s.dim(details)}`);
  }
  if (records.length === 0) ctx.note('No matching events.');
}

/** `companion audit report`. */
export async function auditReport(ctx: CommandContext, opts: { json?: boolean }): Promise<void> {
  const records = readRecords(ctx);
  const byType: Record<string, number> = {};
  const bySeverity: Record<string, number> = { LOW: 0, MEDIUM: 0, HIGH: 0 };
  const choices: Record<string, number> = {};
  for (const r of records) {
    byType[r.type] = (byType[r.type] ?? 0) + 1;
    bySeverity[r.severity] = (bySeverity[r.severity] ?? 0) + 1;
    if (r.type.startsWith('warning.')) {
      const key = `${r.type}:${String(r.details.choice ?? 'shown')}`;
      choices[key] = (choices[key] ?? 0) + 1;
    }
  }
  const failed = records.filter((r) => r.type === 'vault.unlock_failed');
  const summary = {
    records: records.length,
    first: records[0]?.ts ?? null,
    last: records[records.length - 1]?.ts ?? null,
    byType,
    bySeverity,
    failedUnlocks: { count: failed.length, last: failed[failed.length - 1]?.details.at ?? failed[failed.length - 1]?.ts ?? null },
    warnings: choices,
    integrityFailures: byType['integrity.failure'] ?? 0,
  };
  if (opts.json) {
    ctx.printJson(summary);
    return;
  }
  ctx.print(`${summary.records} events from ${summary.first?.slice(0, 10) ?? '-'} to ${summary.last?.slice(0, 10) ?? '-'}`);
  ctx.print(`severity: ${bySeverity.HIGH} high, ${bySeverity.MEDIUM} medium, ${bySeverity.LOW} low`);
  ctx.print(`failed unlocks: ${failed.length}${summary.failedUnlocks.last ? ` (last ${String(summary.failedUnlocks.last).slice(0, 19)})` : ''}`);
  ctx.print(`integrity failures: ${summary.integrityFailures}`);
  const warn = Object.entries(choices);
  ctx.print(`warnings shown: ${warn.length ? warn.map(([k, n]) => `${k} ×${n}`).join(', ') : 'none'}`);
  ctx.print('');
  for (const [type, n] of Object.entries(byType).sort((a, b) => b[1] - a[1])) ctx.print(`${String(n).padStart(6)}  ${type}`);
  ctx.note('This report reads the log as it is; `companion audit verify` proves it was not altered.');
}

/** `companion audit receipt`: the head fingerprint to note elsewhere. */
export async function auditReceipt(ctx: CommandContext, opts: { json?: boolean }): Promise<void> {
  const header = readVaultHeader(ctx.paths.vault);
  const tail = readTail(ctx.paths.audit);
  const last = tail.lastLine ? parseRecord(tail.lastLine) : null;
  const length = last ? last.seq + 1 : 0;
  const head = tail.lastLine ? lineHash(tail.lastLine) : '0'.repeat(64);
  const fingerprint = `${length}-${head.slice(0, 32)}`;
  const matches = header.audit !== null && header.audit.length === length && header.audit.head === head;
  if (opts.json) {
    ctx.printJson({ fingerprint, records: length, head, matchesCheckpoint: matches, at: ctx.deps.now().toISOString() });
    return;
  }
  ctx.print(fingerprint);
  ctx.note(`Note this fingerprint somewhere else (a password manager, paper). Later, \`companion audit verify --expect ${fingerprint}\` proves the journal was not rolled back to an earlier copy.`);
  if (!matches) ctx.note('Warning: the log and its checkpoint disagree; run `companion audit verify`.');
}
