import fs from 'node:fs';
import path from 'node:path';
import { atomicWrite, ensurePrivateDir } from './atomic-write.js';
import { KeyLabel, openGcm, sealGcm } from '../security/keys.js';
import type { Vault } from '../security/vault.js';

/** Where a shard's index lives: outside the shard, so writing it does not change the shard's mtime. */
function indexFile(cacheDir: string, shardDir: string): string {
  return path.join(cacheDir, 'search', `${path.basename(shardDir)}.idx`);
}

type DirStamp = [number, number];

function dirStamp(shardDir: string): DirStamp {
  const st = fs.statSync(shardDir);
  return [st.mtimeMs, st.ctimeMs];
}

/** What the index knows of one entry file: its size and mtime when indexed, and its folded text. */
export interface IndexedFile {
  size: number;
  mtimeMs: number;
  folded: string;
}

function aad(vault: Vault, shard: string): Buffer {
  return Buffer.from(`companion/v1/search-index\0${vault.vaultId}\0${shard}`, 'utf8');
}

/**
 * A month shard's encrypted search index: for each entry file, the folded text search matches against,
 * with the file's size and mtime so a stale row is noticed. It only pre-selects candidates: matches are
 * always read from the authenticated entry files, and a missing, damaged or stale index just means
 * reading the files themselves.
 */
export class ShardIndex {
  private constructor(
    readonly shardDir: string,
    private readonly file: string,
    readonly rows: Map<string, IndexedFile>,
    private dir: DirStamp | null,
  ) {}

  /** Load a shard's index; an empty one when it is missing or does not authenticate. */
  static load(vault: Vault, cacheDir: string, shardDir: string): ShardIndex {
    const rows = new Map<string, IndexedFile>();
    const file = indexFile(cacheDir, shardDir);
    let dir: DirStamp | null = null;
    try {
      const bytes = fs.readFileSync(file);
      const plain = openGcm(vault.deriveKey(KeyLabel.searchIndex), bytes.subarray(0, 12), bytes.subarray(12, 28), bytes.subarray(28), aad(vault, path.basename(shardDir)));
      if (plain) {
        const doc = JSON.parse(plain.toString('utf8')) as { v: number; dir: DirStamp; files: Record<string, [number, number, string]> };
        if (doc.v === 2) {
          dir = doc.dir;
          for (const [name, [size, mtimeMs, folded]] of Object.entries(doc.files)) rows.set(name, { size, mtimeMs, folded });
        }
      }
    } catch {
      // no index yet, or unreadable: every file is read directly until the next write rebuilds it
    }
    return new ShardIndex(shardDir, file, rows, dir);
  }

  /**
   * True when nothing in the shard changed since the index was written. Companion replaces entry files
   * only by renaming into the shard, which changes the directory's times; one stat then vouches for
   * every row instead of one per file.
   */
  unchangedSinceIndexed(): boolean {
    if (!this.dir) return false;
    const now = dirStamp(this.shardDir);
    return now[0] === this.dir[0] && now[1] === this.dir[1];
  }

  /** The indexed text of a file, when the row is current for the file as it is now. */
  current(name: string, stat: { size: number; mtimeMs: number }): string | null {
    const row = this.rows.get(name);
    return row && row.size === stat.size && row.mtimeMs === stat.mtimeMs ? row.folded : null;
  }

  /** The indexed text of a file without checking the file (only when unchangedSinceIndexed()). */
  row(name: string): string | null {
    return this.rows.get(name)?.folded ?? null;
  }

  /**
   * Bring the index up to date with the shard's files (called by writers, under the writer lock):
   * rows for vanished files are dropped, and files that are new or changed are folded by `fold`.
   */
  refresh(vault: Vault, names: readonly string[], fold: (name: string) => string): void {
    const next = new Map<string, IndexedFile>();
    const dir = dirStamp(this.shardDir);
    let changed = names.length !== this.rows.size || !this.dir || dir[0] !== this.dir[0] || dir[1] !== this.dir[1];
    for (const name of names) {
      const stat = fs.statSync(path.join(this.shardDir, name));
      const row = this.rows.get(name);
      if (row && row.size === stat.size && row.mtimeMs === stat.mtimeMs) {
        next.set(name, row);
        continue;
      }
      next.set(name, { size: stat.size, mtimeMs: stat.mtimeMs, folded: fold(name) });
      changed = true;
    }
    if (!changed) return;
    const files: Record<string, [number, number, string]> = {};
    for (const [name, r] of next) files[name] = [r.size, r.mtimeMs, r.folded];
    const { iv, tag, ct } = sealGcm(vault.deriveKey(KeyLabel.searchIndex), Buffer.from(JSON.stringify({ v: 2, dir, files }), 'utf8'), aad(vault, path.basename(this.shardDir)));
    ensurePrivateDir(path.dirname(this.file));
    atomicWrite(this.file, Buffer.concat([iv, tag, ct]));
    this.dir = dir;
    this.rows.clear();
    for (const [k, v] of next) this.rows.set(k, v);
  }
}
