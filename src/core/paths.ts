import os from 'node:os';
import path from 'node:path';

/** Every path under the data directory comes from here. */
export interface DataPaths {
  /** The data directory itself (`~/.companion` unless `COMPANION_DATA_DIR` says otherwise). */
  readonly root: string;
  /** `config.json`: user configuration. */
  readonly config: string;
  /** `vault.json`: KDF parameters, wrapped data key, audit checkpoint. */
  readonly vault: string;
  /** `entries/`: one encrypted file per entry, sharded by month (UTC). */
  readonly entries: string;
  /** `audit.log`: append-only, MAC'd security log. */
  readonly audit: string;
  /** `drafts/`: encrypted autosaved drafts of the writing session. */
  readonly drafts: string;
  /** `cache/`: encrypted caches (semantic cache, analysis). */
  readonly cache: string;
  /** `models/`: GGUF files the user put there. */
  readonly models: string;
  /** `metrics/`: local-only metrics and telemetry. */
  readonly metrics: string;
  /** `.lock`: the single writer lock. */
  readonly lock: string;
}

/** Resolve the data directory from the environment: `COMPANION_DATA_DIR`, else `<home>/.companion`. */
export function resolveDataDir(env: Record<string, string | undefined>, homeDir: string = os.homedir()): string {
  const fromEnv = env.COMPANION_DATA_DIR;
  if (fromEnv && fromEnv.trim() !== '') return path.resolve(fromEnv);
  return path.join(homeDir, '.companion');
}

/** Build the paths of a data directory. */
export function dataPaths(root: string): DataPaths {
  return {
    root,
    config: path.join(root, 'config.json'),
    vault: path.join(root, 'vault.json'),
    entries: path.join(root, 'entries'),
    audit: path.join(root, 'audit.log'),
    drafts: path.join(root, 'drafts'),
    cache: path.join(root, 'cache'),
    models: path.join(root, 'models'),
    metrics: path.join(root, 'metrics'),
    lock: path.join(root, '.lock'),
  };
}

const STAMP_RE = /^(\d{8}T\d{6}Z)_([a-z2-7]{12})\.cje$/;

/** File name of an entry: `<created UTC stamp>_<id>.cje`, inside its month shard `YYYY-MM`. */
export function entryFileName(id: string, created: Date): { shard: string; name: string } {
  const iso = created.toISOString(); // 2025-01-08T14:30:00.000Z
  const stamp = iso.slice(0, 19).replace(/[-:]/g, '') + 'Z';
  return { shard: iso.slice(0, 7), name: `${stamp}_${id}.cje` };
}

/** Parse an entry file name back into its stamp (sortable) and id; null for anything else. */
export function parseEntryFileName(name: string): { stamp: string; id: string } | null {
  const m = STAMP_RE.exec(name);
  return m ? { stamp: m[1]!, id: m[2]! } : null;
}

/** Turn a file-name stamp (`20250108T143000Z`) into epoch milliseconds. */
export function stampToMillis(stamp: string): number {
  const n = (from: number, to: number) => Number(stamp.slice(from, to));
  return Date.UTC(n(0, 4), n(4, 6) - 1, n(6, 8), n(9, 11), n(11, 13), n(13, 15));
}
