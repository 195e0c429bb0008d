import path from 'node:path';
import { expect, it } from 'vitest';
import { runCli, TEST_PASSPHRASE, useTempJournal } from '../helpers/cli.js';
import { readVaultHeader } from '../../src/security/vault-header.js';
import { unlockWithPassphrase } from '../../src/security/vault.js';
import { SemanticCache, cacheKey } from '../../src/inference/semantic-cache.js';

const t = useTempJournal();

it('companion delete purges the cached answers derived from the deleted entry', async () => {
  const w = await runCli(['write', '--json', 'A long walk by the sea'], t.env);
  expect(w.code, w.stderr).toBe(0);
  const id = JSON.parse(w.stdout).id as string;
  const vault = await unlockWithPassphrase(readVaultHeader(path.join(t.dataDir, 'vault.json')), TEST_PASSPHRASE);
  const dir = path.join(t.dataDir, 'cache');
  const cache = SemanticCache.open({ dir, key: cacheKey(vault) });
  cache.storeVector([1, 0], 'about the walk', { sources: [id] });
  cache.storeVector([0, 1], 'about something else', { sources: ['otherentry12'] });
  const d = await runCli(['delete', id, '--yes', '--json'], t.env);
  expect(d.code, d.stderr).toBe(0);
  const after = SemanticCache.open({ dir, key: cacheKey(vault) });
  expect(after.size).toBe(1);
  expect(after.lookupVector([1, 0])).toBeNull();
  expect(after.lookupVector([0, 1])?.answer).toBe('about something else');
});
