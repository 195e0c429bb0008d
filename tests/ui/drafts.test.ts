import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DraftStore, type Draft } from '../../src/core/drafts.js';
import { IntegrityError } from '../../src/core/errors.js';
import { Vault } from '../../src/security/vault.js';
import type { VaultHeader } from '../../src/security/vault-header.js';

const vault = (id: string, key = 7) => new Vault({ vaultId: id } as VaultHeader, Buffer.alloc(32, key));
const draft: Draft = { text: 'a secret line\nand another', startedAt: '2026-11-21T09:30:00.000Z', elapsedSeconds: 42, promptUsed: 'How was it?', savedAt: '2026-11-21T09:31:00.000Z' };

let dir: string;
beforeEach(() => {
  dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'companion-drafts-')), 'drafts');
});
afterEach(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

describe('DraftStore', () => {
  it('round-trips a draft, encrypted on disk and private', () => {
    const store = new DraftStore({ dir, vault: vault('v1') });
    expect(store.load()).toBeNull();
    store.save(draft);
    const file = path.join(dir, 'session.draft');
    expect(fs.readFileSync(file, 'utf8')).not.toContain('secret');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(store.load()).toEqual(draft);
    store.save({ ...draft, text: 'replaced' });
    expect(store.load()!.text).toBe('replaced');
  });

  it('refuses an altered draft or one from another journal with IntegrityError', () => {
    new DraftStore({ dir, vault: vault('v1') }).save(draft);
    expect(() => new DraftStore({ dir, vault: vault('v2') }).load()).toThrow(IntegrityError);
    expect(() => new DraftStore({ dir, vault: vault('v1', 8) }).load()).toThrow(IntegrityError);
    const file = path.join(dir, 'session.draft');
    const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
    const ct = Buffer.from(stored.ct, 'base64');
    ct[0]! ^= 1;
    fs.writeFileSync(file, JSON.stringify({ ...stored, ct: ct.toString('base64') }));
    expect(() => new DraftStore({ dir, vault: vault('v1') }).load()).toThrow(IntegrityError);
    fs.writeFileSync(file, 'not json');
    expect(() => new DraftStore({ dir, vault: vault('v1') }).load()).toThrow(IntegrityError);
  });

  it('clear removes the draft and is a no-op when there is none', () => {
    const store = new DraftStore({ dir, vault: vault('v1') });
    store.clear();
    store.save(draft);
    expect(store.exists()).toBe(true);
    store.clear();
    expect(store.exists()).toBe(false);
    expect(store.load()).toBeNull();
  });
});
