import fs from 'node:fs';
import path from 'node:path';
import { atomicWrite, ensurePrivateDir, fsyncDir } from './atomic-write.js';
import { IntegrityError } from './errors.js';
import { KeyLabel, openGcm, sealGcm } from '../security/keys.js';
import type { Vault } from '../security/vault.js';

/** An unsaved entry of the writing session, autosaved while the person types. */
export interface Draft {
  /** The text so far. */
  text: string;
  /** When the session started (ISO 8601); the elapsed time continues from here after a restore. */
  startedAt: string;
  /** Seconds of writing before this draft was saved (for the entry's duration after a restore). */
  elapsedSeconds: number;
  /** The prompt shown when the session began, if any. */
  promptUsed: string | null;
  /** When the draft was written (ISO 8601). */
  savedAt: string;
}

/** Dependencies of a DraftStore. */
export interface DraftStoreDeps {
  /** The drafts directory (`paths.drafts`). */
  dir: string;
  /** The unlocked vault; the draft key is derived from it. */
  vault: Pick<Vault, 'deriveKey' | 'vaultId'>;
}

const FILE_NAME = 'session.draft';
const MAGIC = 'companion-draft';
const VERSION = 1;

interface DraftFile {
  magic: string;
  v: number;
  iv: string;
  tag: string;
  ct: string;
}

/**
 * The encrypted draft of the writing session: one file in the drafts directory, sealed with AES-256-GCM
 * under the vault's draft key and bound to the vault id. Written atomically, so a crash leaves the
 * previous draft or the new one, never a torn file.
 */
export class DraftStore {
  private readonly file: string;

  constructor(private readonly deps: DraftStoreDeps) {
    this.file = path.join(deps.dir, FILE_NAME);
  }

  /** Encrypt and store the draft, replacing any earlier one. */
  save(draft: Draft): void {
    ensurePrivateDir(this.deps.dir);
    const plaintext = Buffer.from(JSON.stringify(draft), 'utf8');
    const sealed = sealGcm(this.key(), plaintext, this.aad());
    const file: DraftFile = { magic: MAGIC, v: VERSION, iv: sealed.iv.toString('base64'), tag: sealed.tag.toString('base64'), ct: sealed.ct.toString('base64') };
    atomicWrite(this.file, JSON.stringify(file));
  }

  /**
   * The stored draft, or null when there is none. Throws IntegrityError when the file exists but does not
   * decrypt (altered, or written by another vault); the file is left in place for inspection.
   */
  load(): Draft | null {
    let raw: string;
    try {
      raw = fs.readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    const broken = () => new IntegrityError('The saved draft cannot be opened (it was altered or belongs to another journal).', `Move ${this.file} away to start without it.`);
    let file: DraftFile;
    try {
      file = JSON.parse(raw) as DraftFile;
    } catch {
      throw broken();
    }
    if (file?.magic !== MAGIC || file.v !== VERSION || typeof file.iv !== 'string' || typeof file.tag !== 'string' || typeof file.ct !== 'string') throw broken();
    const plaintext = openGcm(this.key(), Buffer.from(file.iv, 'base64'), Buffer.from(file.tag, 'base64'), Buffer.from(file.ct, 'base64'), this.aad());
    if (!plaintext) throw broken();
    const draft = JSON.parse(plaintext.toString('utf8')) as Draft;
    if (typeof draft.text !== 'string' || typeof draft.startedAt !== 'string') throw broken();
    return { ...draft, elapsedSeconds: Number(draft.elapsedSeconds) || 0, promptUsed: draft.promptUsed ?? null };
  }

  /** Remove the draft (after the entry is saved or discarded); nothing happens when there is none. */
  clear(): void {
    try {
      fs.unlinkSync(this.file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    fsyncDir(this.deps.dir);
  }

  /** True when a draft file exists (without decrypting it). */
  exists(): boolean {
    return fs.existsSync(this.file);
  }

  private key(): Buffer {
    return this.deps.vault.deriveKey(KeyLabel.draft);
  }

  private aad(): Buffer {
    return Buffer.from(`companion/v1/draft\0${this.deps.vault.vaultId}`, 'utf8');
  }
}
