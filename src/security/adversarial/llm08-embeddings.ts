import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Sandbox, filesUnder, needlesIn } from './sandbox.js';
import { check, type CheckResult, type CliRunner } from './types.js';

const marker = (): string => `zq${randomBytes(5).toString('hex')}`;

/**
 * LLM08 vector and embedding weaknesses: what companion keeps on disk about entry text (the search index
 * under cache/, any other cache) is encrypted, and forgets an entry when it is deleted.
 */
export async function embeddingStore(runner: CliRunner): Promise<CheckResult[]> {
  const checks: CheckResult[] = [];
  const box = await Sandbox.create(runner);
  try {
    const kept = marker();
    const doomed = marker();
    const ids: string[] = [];
    for (const m of [kept, doomed]) {
      const r = await box.run(['write', '--json'], { stdin: `Visited the ${m} gallery with an old friend, then coffee.` });
      if (r.code === 0) ids.push((JSON.parse(r.stdout) as { id: string }).id);
    }
    const firstSearch = await box.run(['search', doomed, '--json']);
    await box.run(['summary', '--json']);
    const cacheDir = path.join(box.dataDir, 'cache');
    const cacheFiles = filesUnder(cacheDir);
    const idx = cacheFiles.filter((f) => f.endsWith('.idx'));
    const plain = cacheFiles.filter((f) => needlesIn(fs.readFileSync(f), [kept, doomed, 'gallery']).length > 0);
    checks.push(check('search index and caches exist and hold no entry text in clear', idx.length > 0 && plain.length === 0,
      `${cacheFiles.length} cache file(s), ${idx.length} search index file(s); ${plain.length ? `plaintext in ${plain.map((f) => path.relative(box.dataDir, f)).join(', ')}` : 'no plaintext word of the entries found'}`));
    const foundBefore = firstSearch.code === 0 ? (JSON.parse(firstSearch.stdout) as { entries: unknown[] }).entries.length : -1;
    const idxBefore = new Map(idx.map((f) => [f, fs.readFileSync(f)]));
    const removed = await box.run(['delete', ids[1] ?? 'missing', '--yes']);
    const afterSearch = await box.run(['search', doomed, '--json']);
    const foundAfter = afterSearch.code === 0 ? (JSON.parse(afterSearch.stdout) as { entries: unknown[] }).entries.length : -1;
    const keptSearch = await box.run(['search', kept, '--json']);
    const keptFound = keptSearch.code === 0 ? (JSON.parse(keptSearch.stdout) as { entries: unknown[] }).entries.length : -1;
    const rewritten = [...idxBefore].filter(([f, b]) => !fs.existsSync(f) || !fs.readFileSync(f).equals(b)).length;
    checks.push(check('a deleted entry is purged from the search index', foundBefore === 1 && removed.code === 0 && foundAfter === 0 && keptFound === 1 && rewritten > 0,
      `found before ${foundBefore}, delete exit ${removed.code}, found after ${foundAfter}; the other entry still found ${keptFound}; ${rewritten} of ${idxBefore.size} index file(s) rewritten or removed`));
    const leftovers = filesUnder(box.dataDir).filter((f) => needlesIn(fs.readFileSync(f), [doomed]).length > 0);
    checks.push(check('no file in the data directory holds the deleted entry\'s text in clear', leftovers.length === 0, leftovers.length ? leftovers.map((f) => path.relative(box.dataDir, f)).join(', ') : `none of ${filesUnder(box.dataDir).length} files`));
  } finally {
    box.dispose();
  }
  return checks;
}
