import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEntry, sealEntry, type EntryClearHeader } from '../../src/security/entry-cipher.js';
import { createVaultHeader, type Vault } from '../../src/security/vault.js';
import { initJournal, tempJournal, TEST_PASSPHRASE, type TempJournal } from '../helpers/cli.js';
import { openLibraryJournal, type LibraryJournal } from './workers/library-journal.js';

const FAST_KDF = { kind: 'pbkdf2', iterations: 100_000 } as const;

const clearHeader: fc.Arbitrary<EntryClearHeader> = fc.record({
  id: fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz234567'), minLength: 12, maxLength: 12 }),
  created: fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2199-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  rev: fc.integer({ min: 1, max: 1_000_000 }),
});

let vault: Vault;
let otherVault: Vault;
beforeAll(async () => {
  vault = (await createVaultHeader('a passphrase for the round trip', FAST_KDF, new Date())).vault;
  otherVault = (await createVaultHeader('a passphrase for the round trip', FAST_KDF, new Date())).vault;
});

describe('sealEntry / openEntry with a real vault', () => {
  it('opens exactly what was sealed, for any body and clear header', () => {
    fc.assert(
      fc.property(clearHeader, fc.uint8Array({ maxLength: 4096 }), (header, body) => {
        const sealed = sealEntry(vault, header, body);
        const opened = openEntry(vault, sealed);
        expect(opened.ok).toBe(true);
        if (!opened.ok) return;
        expect(opened.header).toEqual(header);
        expect(Buffer.compare(opened.plaintext, Buffer.from(body))).toBe(0);
        // The body never appears in the clear (bodies long enough not to occur by chance).
        if (body.length >= 16) expect(sealed.includes(Buffer.from(body))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses any single flipped byte, any truncation, and another vault', () => {
    fc.assert(
      fc.property(clearHeader, fc.uint8Array({ minLength: 1, maxLength: 512 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (header, body, at, mask) => {
        const sealed = sealEntry(vault, header, body);
        const flipped = Buffer.from(sealed);
        const i = at % flipped.length;
        flipped[i] = flipped[i]! ^ mask;
        expect(openEntry(vault, flipped).ok).toBe(false);
        expect(openEntry(vault, sealed.subarray(0, at % sealed.length)).ok).toBe(false);
        expect(openEntry(otherVault, sealed)).toEqual({ ok: false, reason: 'authentication-failed' });
      }),
      { numRuns: 500 },
    );
  });
});

describe('Journal round trip', () => {
  let t: TempJournal;
  let open: LibraryJournal;
  beforeAll(async () => {
    t = tempJournal();
    await initJournal(t);
    open = await openLibraryJournal(t.dataDir, TEST_PASSPHRASE);
  });
  afterAll(() => t.cleanup());

  it('stores any text, tags and star and reads back the same entry, with nothing readable on disk', async () => {
    const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 400 });
    const tag = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(text, fc.array(tag, { maxLength: 4 }), fc.boolean(), async (body, tags, starred) => {
        const saved = await open.journal.create({ text: body, tags, starred, created: new Date('2026-03-04T05:06:07Z') });
        expect(open.journal.get(saved.id)).toEqual(saved);
        expect(saved.text).toBe(body);
        expect(saved.starred).toBe(starred);
        const file = open.journal.resolve(saved.id).file;
        if (Buffer.byteLength(body) >= 16) expect(fs.readFileSync(file).includes(Buffer.from(body, 'utf8'))).toBe(false);
        expect(path.dirname(file).endsWith('2026-03')).toBe(true);
      }),
      { numRuns: 60 },
    );
    await open.audit.flush();
    expect(open.stderr.text).toBe('');
  });
});
