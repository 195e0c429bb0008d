import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { atomicWrite, ensurePrivateDir, explainFsError, fsyncDir } from './atomic-write.js';
import { countWords, EntryBodySchema, normalizeTag, type Entry, type EntryBody, type NewEntry } from './entry.js';
import { entryRefs, findRefsByIdPrefix, readWhole, type EntryRef } from './entry-files.js';
import { containsWordStart, foldForSearch } from './search-text.js';
import { IntegrityError, NotFoundError, UsageError } from './errors.js';
import { entryFileName, parseEntryFileName, stampToMillis, type DataPaths } from './paths.js';
import { ShardIndex } from './search-index.js';
import type { WriterLock } from './writer-lock.js';
import { openEntry, sealEntry } from '../security/entry-cipher.js';
import { base32Encode } from '../security/base32.js';
import type { Vault } from '../security/vault.js';

/** What changed in the journal; the audit log records these (never the text). */
export interface EntryChange {
  kind: 'created' | 'updated' | 'deleted';
  id: string;
  revision: number;
  /** SHA-256 of the entry file as written; null for a deletion. */
  ciphertextHash: string | null;
}

/**
 * Observer of journal writes, called inside the writer lock: after the file is durable for a create or
 * update, before the unlink for a delete.
 */
export interface JournalEvents {
  entryChanged(change: EntryChange): void | Promise<void>;
  /** Optional: group many changes (an import) so they are recorded together when `fn` ends. */
  batch?<T>(fn: () => Promise<T>): Promise<T>;
}

/** One entry to import: a complete entry to keep as it is (own export), or new content. */
export type ImportItem = { original: Entry } | { entry: NewEntry & { created: Date } };

/** Filters shared by list, search, export and friends. */
export interface EntryQuery {
  since?: Date;
  until?: Date;
  /** Normalised tags; all must match unless `anyTag`. */
  tags?: string[];
  anyTag?: boolean;
  starred?: boolean;
  /** Return at most this many (newest first). */
  limit?: number;
}

/** Fields an update may change. */
export type EntryPatch = Partial<Pick<EntryBody, 'text' | 'tags' | 'starred' | 'promptUsed' | 'durationSeconds' | 'mood' | 'themes' | 'analyzerVersion' | 'quarantine'>>;

/** Dependencies of a Journal, built once by the entrypoint. */
export interface JournalDeps {
  paths: DataPaths;
  vault: Vault;
  lock: WriterLock;
  now: () => Date;
  events?: JournalEvents;
}

/** The encrypted journal: create, read, update, delete and query entries. */
export class Journal {
  private preloaded: ReadonlyMap<string, Buffer> | null = null;
  /** While a batch runs, shards whose search index needs refreshing once it ends. */
  private deferredIndex: Set<string> | null = null;

  constructor(private readonly deps: JournalDeps) {}

  /**
   * Use entry file bytes read earlier (see preloadEntryFiles) instead of reading those files again. The
   * bytes are authenticated exactly like bytes read now; writes never use them.
   */
  usePreloaded(files: ReadonlyMap<string, Buffer>): void {
    this.preloaded = files;
  }

  /** Encrypt and store a new entry under the writer lock; returns it as stored. */
  async create(input: NewEntry): Promise<Entry> {
    const entry = this.fresh(input);
    return this.deps.lock.withLock(async () => {
      const { shard, name } = entryFileName(entry.id, new Date(entry.created));
      const dir = path.join(this.deps.paths.entries, shard);
      ensurePrivateDir(dir);
      const hash = this.write(path.join(dir, name), entry);
      await this.deps.events?.entryChanged({ kind: 'created', id: entry.id, revision: 1, ciphertextHash: hash });
      this.refreshIndex(dir);
      return entry;
    });
  }

  /** A new entry (fresh id, revision 1) from caller content, validated. */
  private fresh(input: NewEntry): Entry {
    const now = this.deps.now();
    const created = input.created ?? now;
    if (Number.isNaN(created.getTime())) throw new UsageError('The entry date is not a valid date.');
    const body: EntryBody = EntryBodySchema.parse({
      updated: now.toISOString(),
      text: input.text,
      tags: dedupeTags(input.tags ?? []),
      starred: input.starred ?? false,
      promptUsed: input.promptUsed ?? null,
      wordCount: countWords(input.text),
      durationSeconds: input.durationSeconds ?? null,
      mood: input.mood ?? null,
      themes: input.themes ?? [],
      analyzerVersion: null,
    });
    return { ...body, id: newEntryId(), created: created.toISOString(), revision: 1 };
  }

  /**
   * Import entries in one locked batch. A complete entry keeps its id when it is free; an entry that is
   * already in the journal (same id, or same time and text) is skipped. Returns the ids written and skipped.
   */
  async importEntries(items: ImportItem[]): Promise<{ imported: string[]; skipped: number }> {
    return this.deps.lock.withLock(async () => {
      const existing = this.all();
      const ids = new Set(existing.map((e) => e.id));
      const seen = new Set(existing.map((e) => fingerprint(Date.parse(e.created), e.text)));
      const imported: string[] = [];
      let skipped = 0;
      const run = async () => {
        for (const item of items) {
          const created = 'original' in item ? new Date(item.original.created) : item.entry.created;
          const text = 'original' in item ? item.original.text : item.entry.text;
          const key = fingerprint(created.getTime(), text);
          if (seen.has(key) || ('original' in item && ids.has(item.original.id))) {
            skipped += 1;
            continue;
          }
          const entry = 'original' in item && !ids.has(item.original.id) ? item.original : this.fresh({ ...('original' in item ? item.original : item.entry), created });
          const { shard, name } = entryFileName(entry.id, new Date(entry.created));
          const dir = path.join(this.deps.paths.entries, shard);
          ensurePrivateDir(dir);
          const hash = this.write(path.join(dir, name), entry);
          await this.deps.events?.entryChanged({ kind: 'created', id: entry.id, revision: entry.revision, ciphertextHash: hash });
          this.refreshIndex(dir);
          ids.add(entry.id);
          seen.add(key);
          imported.push(entry.id);
        }
      };
      await this.deferringIndex(() => (this.deps.events?.batch ? this.deps.events.batch(run) : run()));
      return { imported, skipped };
    });
  }

  /** Change an entry (revision + 1, updated = now); word count follows the text. */
  async update(idOrPrefix: string, patch: EntryPatch): Promise<Entry> {
    return this.deps.lock.withLock(async () => {
      const ref = this.resolve(idOrPrefix);
      const current = this.readFresh(ref);
      const next: Entry = {
        ...current,
        ...patch,
        tags: patch.tags ? dedupeTags(patch.tags) : current.tags,
        wordCount: patch.text !== undefined ? countWords(patch.text) : current.wordCount,
        updated: this.deps.now().toISOString(),
        revision: current.revision + 1,
      };
      const hash = this.write(ref.file, next);
      await this.deps.events?.entryChanged({ kind: 'updated', id: next.id, revision: next.revision, ciphertextHash: hash });
      this.refreshIndex(path.dirname(ref.file));
      return next;
    });
  }

  /** Apply several updates in one locked batch (one audit append), e.g. storing analysis for many entries. */
  async updateMany(changes: ReadonlyArray<{ id: string; patch: EntryPatch }>): Promise<Entry[]> {
    return this.deps.lock.withLock(async () => {
      const out: Entry[] = [];
      const run = async () => {
        for (const { id, patch } of changes) out.push(await this.update(id, patch));
      };
      await this.deferringIndex(() => (this.deps.events?.batch ? this.deps.events.batch(run) : run()));
      return out;
    });
  }

  /** Remove an entry's file for good. */
  async remove(idOrPrefix: string): Promise<Entry> {
    return this.deps.lock.withLock(async () => {
      const ref = this.resolve(idOrPrefix);
      const current = this.readFresh(ref);
      // Logged before the unlink: a crash in between leaves a file the log calls deleted (a torn write).
      await this.deps.events?.entryChanged({ kind: 'deleted', id: current.id, revision: current.revision, ciphertextHash: null });
      try {
        fs.unlinkSync(ref.file);
      } catch (err) {
        throw explainFsError(err, ref.file);
      }
      fsyncDir(path.dirname(ref.file));
      this.refreshIndex(path.dirname(ref.file));
      return current;
    });
  }

  /** One entry by id or unique id prefix (at least 4 characters). */
  get(idOrPrefix: string): Entry {
    return this.read(this.resolve(idOrPrefix));
  }

  /** Locate an entry file by id or unique prefix; NotFoundError / UsageError otherwise. */
  resolve(idOrPrefix: string): EntryRef {
    const prefix = idOrPrefix.trim().toLowerCase();
    if (!/^[a-z2-7]{4,12}$/.test(prefix)) {
      throw new UsageError(`"${idOrPrefix}" is not an entry id.`, 'Ids are 12 characters (a-z, 2-7); the first 4 or more are enough. See `companion list`.');
    }
    const refs = findRefsByIdPrefix(this.deps.paths.entries, prefix);
    if (refs.length === 0) throw new NotFoundError(`No entry with id ${prefix}.`);
    if (refs.length > 1) throw new UsageError(`The id prefix ${prefix} matches more than one entry; type more of it.`);
    return refs[0]!;
  }

  /** Decrypt and validate one entry file. IntegrityError if it was altered, swapped or damaged. */
  read(ref: EntryRef): Entry {
    return this.parse(ref, this.open(ref, this.load(ref)));
  }

  /** The same, always from the file itself: what writers use under the lock (never preloaded bytes). */
  private readFresh(ref: EntryRef): Entry {
    return this.parse(ref, this.open(ref, this.load(ref, true)));
  }

  /** An entry file's bytes (valid until the next read); preloaded bytes unless `fresh`. */
  private load(ref: EntryRef, fresh = false): Buffer {
    const early = fresh ? undefined : this.preloaded?.get(ref.file);
    if (early) return early;
    try {
      return readWhole(ref.file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError(`Entry ${ref.id} disappeared while reading.`);
      throw err;
    }
  }

  /** Decrypt an entry file's bytes and check they belong to the file they came from. */
  private open(ref: EntryRef, bytes: Buffer): { header: { id: string; created: string; rev: number }; plaintext: Buffer } {
    const opened = openEntry(this.deps.vault, bytes);
    if (!opened.ok) throw entryIntegrityError(ref.id, opened.reason);
    // The authenticated header must name the same entry and second as the file name.
    if (opened.header.id !== ref.id || Math.floor(Date.parse(opened.header.created) / 1000) * 1000 !== ref.createdMs) {
      throw entryIntegrityError(ref.id, 'file name and contents disagree (a file was swapped or renamed)');
    }
    return opened;
  }

  /** Validate decrypted content as an entry. */
  private parse(ref: EntryRef, opened: { header: { id: string; created: string; rev: number }; plaintext: Buffer }): Entry {
    let body: EntryBody;
    try {
      body = EntryBodySchema.parse(JSON.parse(opened.plaintext.toString('utf8')));
    } catch {
      throw entryIntegrityError(ref.id, 'decrypted content is not a valid entry');
    }
    return { ...body, id: opened.header.id, created: opened.header.created, revision: opened.header.rev };
  }

  /** Entries matching a query, newest first. Decrypts only as many as needed. */
  list(query: EntryQuery = {}): Entry[] {
    return this.collect(query);
  }

  /**
   * Entries containing all the words (case- and accent-insensitive, word starts), newest first. The month
   * shards' encrypted search indexes rule out entries whose current row does not match; every other entry
   * is decrypted, and parsed only when its decrypted JSON contains every word (JSON escaping leaves
   * letters and digits alone, so no match is skipped). Matches always come from the entry files.
   */
  search(words: string[], query: EntryQuery = {}): Entry[] {
    const terms = words.flatMap((w) => foldForSearch(w).split(/[^\p{L}\p{N}'’_-]+/u)).filter((t) => t.length > 0);
    if (terms.length === 0) throw new UsageError('Give at least one word to search for.');
    const out: Entry[] = [];
    const filter = entryFilter(query);
    let index: ShardIndex | null = null;
    let unchanged = false;
    for (const ref of entryRefs(this.deps.paths.entries, { fromMs: query.since?.getTime(), toMs: query.until?.getTime() })) {
      const shardDir = path.dirname(ref.file);
      if (index?.shardDir !== shardDir) {
        index = ShardIndex.load(this.deps.vault, this.deps.paths.cache, shardDir);
        unchanged = index.unchangedSinceIndexed();
      }
      const name = path.basename(ref.file);
      const indexed = unchanged ? index.row(name) : index.current(name, fs.statSync(ref.file));
      if (indexed !== null && !terms.every((t) => containsWordStart(indexed, t))) continue; // current row, no match
      const opened = this.open(ref, this.load(ref));
      const json = opened.plaintext.toString('utf8');
      // As many UTF-16 units as bytes: plain ASCII, so lower case is the whole fold.
      const raw = json.length === opened.plaintext.length ? json.toLowerCase() : foldForSearch(json);
      if (!terms.every((t) => raw.includes(t))) continue;
      const e = this.parse(ref, opened);
      if (!filter(e) || !terms.every((t) => containsWordStart(foldForSearch(e.text), t))) continue;
      out.push(e);
      if (query.limit !== undefined && out.length >= query.limit) break;
    }
    return out;
  }

  /** Every entry, oldest first (export, tags, analysis). */
  all(query: EntryQuery = {}): Entry[] {
    return this.collect(query).reverse();
  }

  private collect(query: EntryQuery): Entry[] {
    const out: Entry[] = [];
    const filter = entryFilter(query);
    for (const ref of entryRefs(this.deps.paths.entries, { fromMs: query.since?.getTime(), toMs: query.until?.getTime() })) {
      const e = this.read(ref);
      if (!filter(e)) continue;
      out.push(e);
      if (query.limit !== undefined && out.length >= query.limit) break;
    }
    return out;
  }

  /** Run a batch of writes, refreshing each touched shard's search index once at the end. */
  private async deferringIndex<T>(fn: () => Promise<T>): Promise<T> {
    if (this.deferredIndex) return fn();
    const touched = new Set<string>();
    this.deferredIndex = touched;
    try {
      return await fn();
    } finally {
      this.deferredIndex = null;
      for (const dir of touched) this.refreshIndex(dir);
    }
  }

  /**
   * Bring a shard's search index up to date after a write (under the writer lock). The index is a cache:
   * if this fails the write still stands, and search reads the files themselves.
   */
  private refreshIndex(shardDir: string): void {
    if (this.deferredIndex) {
      this.deferredIndex.add(shardDir);
      return;
    }
    try {
      const names = fs.readdirSync(shardDir).filter((n) => parseEntryFileName(n) !== null);
      ShardIndex.load(this.deps.vault, this.deps.paths.cache, shardDir).refresh(this.deps.vault, names, (name) => {
        const parsed = parseEntryFileName(name)!;
        const ref: EntryRef = { id: parsed.id, stamp: parsed.stamp, createdMs: stampToMillis(parsed.stamp), file: path.join(shardDir, name) };
        return foldForSearch(this.readFresh(ref).text);
      });
    } catch {
      // a damaged entry or a full disk: left for search to read directly, and for verify to report
    }
  }

  private write(file: string, entry: Entry): string {
    const { id, created, revision, ...body } = entry;
    const sealed = sealEntry(this.deps.vault, { id, created, rev: revision }, Buffer.from(JSON.stringify(body), 'utf8'));
    atomicWrite(file, sealed);
    return crypto.createHash('sha256').update(sealed).digest('hex');
  }
}

/** A query's date, star and tag filters as one test (tags normalised once, not per entry). */
function entryFilter(query: EntryQuery): (e: Entry) => boolean {
  const since = query.since?.getTime();
  const until = query.until?.getTime();
  const wanted = query.tags?.map(normalizeTag) ?? [];
  return (e) => {
    const t = Date.parse(e.created);
    if (since !== undefined && t < since) return false;
    if (until !== undefined && t > until) return false;
    if (query.starred && !e.starred) return false;
    if (wanted.length === 0) return true;
    const has = (tag: string) => e.tags.includes(tag);
    return query.anyTag ? wanted.some(has) : wanted.every(has);
  };
}

function fingerprint(createdMs: number, text: string): string {
  return `${Math.floor(createdMs / 1000)}:${crypto.createHash('sha256').update(text.trim()).digest('hex')}`;
}

function dedupeTags(tags: string[]): string[] {
  return [...new Set(tags.map(normalizeTag).filter((t) => t.length > 0))];
}

function newEntryId(): string {
  return base32Encode(crypto.randomBytes(8)).slice(0, 12).toLowerCase();
}

function entryIntegrityError(id: string, reason: string): IntegrityError {
  const why = reason === 'authentication-failed' ? 'its ciphertext does not authenticate' : reason.replace(/-/g, ' ');
  return new IntegrityError(`Entry ${id} failed its integrity check: ${why}. It was altered or damaged; none of its text was used.`, 'Run `companion audit verify` for details.');
}
