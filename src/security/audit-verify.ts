import type crypto from 'node:crypto';
import { safeEqual } from './keys.js';
import { GENESIS, bodyOf, checkpointMac, lineHash, parseRecord, recordMac, type AuditRecord } from './audit-record.js';
import type { AuditCheckpoint } from './vault-header.js';

/** The kinds of failure `audit verify` names. */
export type FailureKind =
  | 'edited' | 'deleted' | 'reordered' | 'truncated' | 'replaced' | 'forged' | 'replayed'
  | 'entry rolled back' | 'entry missing' | 'torn write' | 'rolled back';

/** One finding, with what it means for the person. */
export interface Problem {
  kind: FailureKind;
  /** Sequence number of the first bad record, when the problem is in the log. */
  seq: number | null;
  /** Entry concerned, when the problem is about an entry file. */
  entryId: string | null;
  message: string;
  meaning: string;
  /** True for torn writes that `audit verify --repair` can fix. */
  repairable: boolean;
}

/** What an entry file looks like on disk right now. */
export interface EntryState {
  id: string;
  /** Revision from the clear header. */
  rev: number;
  /** SHA-256 of the whole file. */
  hash: string;
  /** Whether it authenticates under the data key; null when not checked (no key). */
  authentic: boolean | null;
}

/** Everything verify looks at. */
export interface VerifyInput {
  /** The log's text; null when the file does not exist. */
  logText: string | null;
  vaultId: string;
  checkpoint: AuditCheckpoint | null;
  /** MAC keys; null when verifying without the passphrase (structure and chain only). */
  keys: { record: crypto.KeyObject; checkpoint: crypto.KeyObject } | null;
  entries: EntryState[];
  /** A fingerprint from `audit receipt` the log must still contain. */
  expect?: string;
}

/** The verdict. */
export interface VerifyReport {
  ok: boolean;
  macsChecked: boolean;
  records: number;
  head: string;
  entriesChecked: number;
  problems: Problem[];
}

const ENTRY_TYPES = new Set(['entry.created', 'entry.updated', 'entry.deleted']);

function problem(kind: FailureKind, seq: number | null, message: string, meaning: string, entryId: string | null = null, repairable = false): Problem {
  return { kind, seq, entryId, message, meaning, repairable };
}

const TAMPERED = 'Someone changed the security log outside companion: it can no longer vouch for what happened to your journal.';

/** Walk the chain; returns the good records and the first problem found in the log, if any. */
type Walk = { records: Array<{ rec: AuditRecord; hash: string }>; problem: Problem | null };

/** Records that are individually authentic (MAC valid, or merely well-formed without keys), in file order. */
function authenticRecords(input: VerifyInput, lines: string[]): Array<{ rec: AuditRecord; hash: string }> {
  const out: Array<{ rec: AuditRecord; hash: string }> = [];
  for (const line of lines) {
    const rec = parseRecord(line);
    const body = bodyOf(line);
    if (!rec || body === null) continue;
    if (input.keys && !safeEqual(rec.mac, recordMac(input.keys.record, body))) continue;
    out.push({ rec, hash: lineHash(line) });
  }
  return out;
}

function walkChain(input: VerifyInput, lines: string[]): Walk {
  const records: Array<{ rec: AuditRecord; hash: string }> = [];
  const bodies = lines.map(bodyOf);
  const parsed = lines.map((l, i) => parseRecord(l, bodies[i]));
  const macValid: Array<boolean | undefined> = [];
  const macOk = (i: number): boolean => {
    if (input.keys === null) return true;
    const body = bodies[i];
    return (macValid[i] ??= body != null && parsed[i] != null && safeEqual(parsed[i]!.mac, recordMac(input.keys.record, body)));
  };
  // A first record that fails its MAC, and no record that passes: the whole log is someone else's.
  if (input.keys && parsed.length > 0 && !macOk(0) && parsed.every((r, i) => r === null || !macOk(i))) {
    return { records, problem: problem('replaced', 0, 'No record in the log carries a valid MAC for this journal.', 'The whole log was replaced (by another journal\'s log or a freshly built chain): its history cannot be trusted.') };
  }
  const first = parsed[0];
  if (first && first.details.vaultId !== undefined && first.details.vaultId !== input.vaultId) {
    return { records, problem: problem('replaced', 0, 'The log belongs to another journal (its first record names a different vault).', 'The security log was swapped for another journal\'s log.') };
  }
  let prev = GENESIS;
  for (let i = 0; i < lines.length; i += 1) {
    const r = parsed[i];
    if (!r) return { records, problem: problem('edited', i, `Record ${i} is not a valid record (damaged or edited).`, TAMPERED) };
    if (r.seq !== i) return { records, problem: outOfPlace(parsed, i, r) };
    if (!macOk(i)) {
      const beyond = input.checkpoint !== null && i >= input.checkpoint.length;
      return beyond
        ? { records, problem: problem('forged', i, `Record ${i} was added after the last record companion wrote and its MAC is invalid.`, 'Someone without your passphrase added events to the log.') }
        : { records, problem: problem('edited', i, `Record ${i} does not match its MAC: its content was changed.`, TAMPERED) };
    }
    if (r.prev !== prev) {
      const at = input.keys ? i : Math.max(0, i - 1);
      return { records, problem: problem('edited', at, `The chain breaks at record ${i}: it does not point at the record before it.`, TAMPERED) };
    }
    prev = lineHash(lines[i]!);
    records.push({ rec: r, hash: prev });
  }
  return { records, problem: null };
}

/** Name what happened when record `r` stands at position `i` instead of record `i` (the rare path). */
function outOfPlace(parsed: Array<AuditRecord | null>, i: number, r: AuditRecord): Problem {
  if (parsed.slice(0, i).some((p) => p !== null && p.seq === r.seq && p.mac === r.mac)) {
    return problem('replayed', i, `Record ${r.seq} appears again at position ${i}.`, 'An old record was copied back into the log to repeat an event.');
  }
  const later = parsed.findIndex((p, j) => j > i && p !== null && p.seq === i);
  if (r.seq > i && later < 0) {
    const which = r.seq - 1 > i ? `Records ${i}–${r.seq - 1} are` : `Record ${i} is`;
    return problem('deleted', i, `${which} missing.`, 'Records were removed from the middle of the log to hide events.');
  }
  return problem('reordered', i, `Record ${r.seq} stands where record ${i} should.`, 'Records were moved around to change the order of events.');
}

function checkCheckpoint(input: VerifyInput, records: Array<{ rec: AuditRecord; hash: string }>, partial: boolean): Problem | null {
  const cp = input.checkpoint;
  const n = records.length;
  const head = n > 0 ? records[n - 1]!.hash : GENESIS;
  if (!cp) return n === 0 ? null : problem('forged', 0, 'The vault has no checkpoint for this log.', 'The vault header was replaced or edited: the log is not anchored any more.');
  if (input.keys && !safeEqual(cp.mac, checkpointMac(input.keys.checkpoint, input.vaultId, cp.length, cp.head))) {
    return problem('forged', cp.length, 'The checkpoint in vault.json does not carry a valid MAC.', 'Someone edited the checkpoint to make a changed log look whole.');
  }
  if (n < cp.length) {
    return problem('truncated', n, `The log ends at record ${n - 1} but companion had written ${cp.length} records.`, `The last ${cp.length - n} record(s) were cut off to hide recent events.`);
  }
  if (n === cp.length) {
    if (head !== cp.head) return problem('replaced', Math.max(0, n - 1), 'The log\'s head does not match the checkpoint.', 'The log was rebuilt: its records are not the ones companion wrote.');
    if (partial) return problem('torn write', n, `Record ${n} was only partly written (companion was interrupted while saving it).`, 'Nothing was tampered with; `companion audit verify --repair` removes the partial record.', null, true);
    return null;
  }
  const atCheckpoint = cp.length === 0 ? GENESIS : records[cp.length - 1]!.hash;
  if (atCheckpoint === cp.head) {
    // The chain walk already checked every record's MAC (when keys are given) and the links between them.
    const count = n - cp.length;
    return problem('torn write', cp.length, `${count} record(s) from ${cp.length} on were written but the checkpoint was not advanced (companion was interrupted, or the disk was full).`,
      input.keys ? 'Nothing was tampered with; `companion audit verify --repair` (or the next command) completes it.' : 'Without the passphrase the records\' MACs were not checked, so they could also have been added by someone else; verify with your passphrase.', null, input.keys !== null);
  }
  return problem('forged', cp.length, `${n - cp.length} record(s) follow the last checkpointed record.`, 'Records were added to the log outside companion.');
}

function checkEntries(input: VerifyInput, records: Array<{ rec: AuditRecord; hash: string }>): Problem[] {
  const history = new Map<string, AuditRecord[]>();
  for (const { rec } of records) {
    if (!ENTRY_TYPES.has(rec.type) || typeof rec.details.id !== 'string') continue;
    const list = history.get(rec.details.id) ?? [];
    list.push(rec);
    history.set(rec.details.id, list);
  }
  const lastHashes = new Map<string, string>();
  for (const [id, list] of history) {
    const last = list[list.length - 1]!;
    if (last.type !== 'entry.deleted' && typeof last.details.hash === 'string') lastHashes.set(last.details.hash, id);
  }
  const problems: Problem[] = [];
  const present = new Set<string>();
  for (const e of input.entries) {
    present.add(e.id);
    const list = history.get(e.id) ?? [];
    const last = list[list.length - 1];
    const genuineNext = e.authentic !== false;
    if (!last) {
      if (e.rev === 1 && genuineNext) problems.push(problem('torn write', null, `Entry ${e.id} was saved but its record is missing (companion was interrupted).`, 'Nothing was tampered with; `companion audit verify --repair` records it.', e.id, true));
      else problems.push(problem('forged', null, `Entry ${e.id} is not in the log.`, 'An entry file was put into the journal outside companion.', e.id));
      continue;
    }
    if (last.type === 'entry.deleted') {
      if (e.rev === last.details.revision && genuineNext) problems.push(problem('torn write', last.seq, `Entry ${e.id} was deleted in the log but its file is still there.`, 'A deletion was interrupted, or the file was restored from a backup; `companion audit verify --repair` finishes the deletion.', e.id, true));
      else problems.push(problem('entry rolled back', last.seq, `Entry ${e.id} was deleted but an older copy of it is back.`, 'A deleted entry was restored from an old copy.', e.id));
      continue;
    }
    if (last.details.hash === e.hash) continue;
    if (list.some((r) => r.details.hash === e.hash)) {
      problems.push(problem('entry rolled back', last.seq, `Entry ${e.id} is back at an older revision (${e.rev}) than the log's ${String(last.details.revision)}.`, 'Someone replaced the entry with an older version of itself, undoing your later changes.', e.id));
    } else if (lastHashes.has(e.hash)) {
      problems.push(problem('replaced', last.seq, `Entry ${e.id}'s file holds entry ${lastHashes.get(e.hash)}.`, 'Entry files were swapped.', e.id));
    } else if (e.rev === Number(last.details.revision) + 1 && genuineNext) {
      problems.push(problem('torn write', last.seq, `Entry ${e.id} was updated but its record is missing (companion was interrupted).`, 'Nothing was tampered with; `companion audit verify --repair` records it.', e.id, true));
    } else {
      problems.push(problem('edited', last.seq, `Entry ${e.id}'s file does not match the log.`, 'The entry file was changed outside companion.', e.id));
    }
  }
  for (const [id, list] of history) {
    const last = list[list.length - 1]!;
    if (last.type !== 'entry.deleted' && !present.has(id)) {
      problems.push(problem('entry missing', last.seq, `Entry ${id} is in the log but its file is gone.`, 'An entry was deleted outside companion.', id));
    }
  }
  return problems;
}

function checkExpect(expect: string, records: Array<{ rec: AuditRecord; hash: string }>): Problem | null {
  const m = /^(\d+)-([0-9a-f]{16,64})$/.exec(expect.trim().toLowerCase());
  if (!m) return problem('rolled back', null, `"${expect}" is not a fingerprint from \`companion audit receipt\`.`, 'Check the fingerprint you noted.');
  const length = Number(m[1]);
  const at = records[length - 1];
  if (!at || !at.hash.startsWith(m[2]!)) {
    return problem('rolled back', records.length, `The log does not contain the state you noted (record ${length - 1}, ${m[2]!.slice(0, 16)}…).`, 'The whole data directory was rolled back to an earlier copy, or replaced.');
  }
  return null;
}

/** Verify the audit log, its checkpoint and every live entry against it. Never throws on bad data. */
export function verifyAudit(input: VerifyInput): VerifyReport {
  const text = input.logText ?? '';
  const pieces = text.split('\n');
  const partial = pieces[pieces.length - 1] !== '';
  const lines = pieces.slice(0, -1); // the last piece is empty, or a partly written record
  const chain = walkChain(input, lines);
  const problems: Problem[] = [];
  if (chain.problem) problems.push(chain.problem);
  else {
    const cp = checkCheckpoint(input, chain.records, partial);
    if (cp) problems.push(cp);
  }
  // With a broken chain, entries are still judged against every record that is authentic on its own.
  problems.push(...checkEntries(input, chain.problem ? authenticRecords(input, lines) : chain.records));
  if (input.expect) {
    const ex = checkExpect(input.expect, chain.records);
    if (ex) problems.push(ex);
  }
  return {
    ok: problems.length === 0,
    macsChecked: input.keys !== null,
    records: chain.records.length,
    head: chain.records.length > 0 ? chain.records[chain.records.length - 1]!.hash : GENESIS,
    entriesChecked: input.entries.length,
    problems,
  };
}
