/**
 * Child process for the concurrency and crash tests: unlocks a data directory once and adds entries in a
 * loop through the library API, printing "saved <id>" after each one is durable.
 * Usage: node --import tsx add-entries.ts <dataDir> <passphraseFile> <count|forever> <label>
 * "forever" stops at 5,000 entries, or as soon as the parent is gone (stdout closed), so a failed test
 * can never leave it running.
 */
import fs from 'node:fs';
import { openLibraryJournal } from './library-journal.js';

const [dataDir, passFile, countArg, label] = process.argv.slice(2);
if (!dataDir || !passFile || !countArg || !label) {
  process.stderr.write('usage: add-entries.ts <dataDir> <passphraseFile> <count|forever> <label>\n');
  process.exit(2);
}
const passphrase = fs.readFileSync(passFile, 'utf8').split('\n')[0]!;
const count = countArg === 'forever' ? 5000 : Number(countArg);
process.stdout.on('error', () => process.exit(1)); // EPIPE: whoever was reading is gone

const open = await openLibraryJournal(dataDir, passphrase);
open.audit.record('vault.unlocked', 'LOW', { source: 'file' }); // as openJournal does
for (let i = 0; i < count; i += 1) {
  const entry = await open.journal.create({ text: `${label} entry ${i} written by pid ${process.pid}`, tags: [label] });
  process.stdout.write(`saved ${entry.id}\n`);
}
await open.audit.flush();
if (open.stderr.text !== '') {
  process.stderr.write(open.stderr.text);
  process.exit(1);
}
