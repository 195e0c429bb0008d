import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog, auditKeys } from '../../src/security/audit-log.js';
import { verifyAudit } from '../../src/security/audit-verify.js';
import { readVaultHeader, writeVaultHeader } from '../../src/security/vault-header.js';
import { createVaultHeader, type Vault } from '../../src/security/vault.js';
import { rechain } from './tamper-tools.js';

let dir: string;
let vault: Vault;
let files: { log: string; pending: string; header: string };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'companion-audit-prop-'));
  ({ vault } = await createVaultHeader('property passphrase', { kind: 'pbkdf2', iterations: 100_000 }, new Date('2026-01-01T00:00:00Z')));
  files = { log: path.join(dir, 'audit.log'), pending: path.join(dir, 'pending'), header: path.join(dir, 'vault.json') };
  writeVaultHeader(files.header, vault.header);
  const log = new AuditLog(files, vault, () => new Date('2026-01-02T00:00:00Z'));
  log.append([{ type: 'vault.created', severity: 'MEDIUM', details: { vaultId: vault.vaultId } }]);
  for (let i = 0; i < 11; i += 1) log.append([{ type: i % 2 ? 'vault.unlocked' : 'export', severity: 'LOW', details: { n: i } }]);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function check(text: string) {
  const header = readVaultHeader(files.header);
  return verifyAudit({ logText: text, vaultId: vault.vaultId, checkpoint: header.audit, keys: auditKeys(vault), entries: [] });
}

const lines = () => fs.readFileSync(files.log, 'utf8').split('\n').filter(Boolean);
const join = (ls: string[]) => ls.map((l) => l + '\n').join('');

describe('audit log properties', () => {
  it('the untouched log verifies', () => {
    expect(check(fs.readFileSync(files.log, 'utf8')).ok).toBe(true);
  });

  it('any single-character edit anywhere fails verify', () => {
    const text = fs.readFileSync(files.log, 'utf8');
    fc.assert(fc.property(fc.integer({ min: 0, max: text.length - 1 }), fc.integer({ min: 32, max: 126 }), (at, code) => {
      const ch = String.fromCharCode(code);
      fc.pre(text[at] !== ch);
      expect(check(text.slice(0, at) + ch + text.slice(at + 1)).ok).toBe(false);
    }), { numRuns: 300 });
  });

  it('deleting any record, with or without recomputing the chain, fails verify', () => {
    const ls = lines();
    fc.assert(fc.property(fc.integer({ min: 0, max: ls.length - 1 }), fc.boolean(), (i, recompute) => {
      const cut = ls.filter((_, j) => j !== i);
      expect(check(join(recompute ? rechain(cut, i) : cut)).ok).toBe(false);
    }));
  });

  it('swapping any two records fails verify', () => {
    const ls = lines();
    fc.assert(fc.property(fc.integer({ min: 0, max: ls.length - 1 }), fc.integer({ min: 0, max: ls.length - 1 }), fc.boolean(), (i, j, recompute) => {
      fc.pre(i !== j);
      const sw = [...ls];
      [sw[i], sw[j]] = [sw[j]!, sw[i]!];
      expect(check(join(recompute ? rechain(sw, Math.min(i, j)) : sw)).ok).toBe(false);
    }));
  });

  it('truncating any number of trailing records fails verify', () => {
    const ls = lines();
    fc.assert(fc.property(fc.integer({ min: 1, max: ls.length }), (k) => {
      expect(check(join(ls.slice(0, ls.length - k))).ok).toBe(false);
    }));
  });

  it('appends made through companion keep passing', () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'companion-audit-append-'));
    try {
      const f = { log: path.join(scratch, 'audit.log'), pending: path.join(scratch, 'p'), header: path.join(scratch, 'vault.json') };
      fs.copyFileSync(files.log, f.log);
      fs.copyFileSync(files.header, f.header);
      const log = new AuditLog(f, vault, () => new Date());
      fc.assert(fc.property(fc.array(fc.constantFrom('export', 'import', 'vault.unlocked'), { minLength: 1, maxLength: 4 }), (types) => {
        expect(log.append(types.map((type) => ({ type: type as 'export', severity: 'LOW', details: { n: types.length } })))).toBe(true);
        const header = readVaultHeader(f.header);
        expect(verifyAudit({ logText: fs.readFileSync(f.log, 'utf8'), vaultId: vault.vaultId, checkpoint: header.audit, keys: auditKeys(vault), entries: [] }).ok).toBe(true);
      }), { numRuns: 30 });
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });
});
