/**
 * Creates the format-version-1 vault fixture in tests/fixtures/vault-v1/data: a small journal (a few
 * entries with tags, stars and non-Latin text, one edited, one deleted) and its audit log, written by the
 * real CLI with a fixed clock. The fixture is generated ONCE and kept forever: tests/store/vault-v1-fixture
 * .test.ts opens it to prove every later companion still reads version-1 journals. It refuses to overwrite.
 *
 *   TZ=UTC npx tsx scripts/make-vault-fixture.ts [--out tests/fixtures/vault-v1/data]
 *
 * Passphrase: "fixture passphrase v1" (PBKDF2-SHA256, 100,000 iterations, so the test stays fast).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../src/cli/main.js';
import type { CliDeps, Output } from '../src/cli/deps.js';

process.env.TZ = 'UTC'; // entry dates below are given in UTC wall-clock time

/** The fixture's passphrase, also written in its README. */
export const FIXTURE_PASSPHRASE = 'fixture passphrase v1';

const outArg = process.argv.indexOf('--out');
const out = path.resolve(outArg >= 0 ? process.argv[outArg + 1]! : 'tests/fixtures/vault-v1/data');
if (fs.existsSync(out)) {
  process.stderr.write(`${out} already exists. The v1 fixture is kept forever; a new format gets a new fixture directory.\n`);
  process.exit(2);
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'companion-fixture-'));
const passFile = path.join(scratch, 'pass');
fs.writeFileSync(passFile, FIXTURE_PASSPHRASE + '\n', { mode: 0o600 });

/** Run the CLI in-process at a fixed time; returns stdout, failing loudly on any error. */
async function companion(args: string[], at: string, editTo?: string): Promise<string> {
  let stdout = '';
  let stderr = '';
  const sink = (add: (s: string) => void): Output => ({ isTTY: false, write: add });
  const stdin = Readable.from([]) as CliDeps['stdin'];
  (stdin as { isTTY?: boolean }).isTTY = false;
  const deps: CliDeps = {
    env: { COMPANION_DATA_DIR: out, COMPANION_PASSPHRASE_FILE: passFile, COMPANION_KEYCHAIN: 'none', NO_COLOR: '1' },
    stdin,
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    now: () => new Date(at),
    homeDir: scratch,
    openTty: () => null,
    runEditor: async (file) => {
      if (editTo === undefined) throw new Error('no edit planned for this command');
      fs.writeFileSync(file, editTo);
    },
  };
  const code = await main(args, deps);
  if (code !== 0) throw new Error(`companion ${args[0]} exited ${code}: ${stderr}`);
  return stdout;
}

/** The fixture's README: how it was made and what it must contain. */
function readme(f: { recoveryKey: string; lisbon: string; munich: string; rain: string; gone: string }): string {
  return `# vault-v1: the format-version-1 journal, kept forever

\`data/\` is a companion data directory written by \`scripts/make-vault-fixture.ts\` with the real CLI and a
fixed clock. \`tests/store/vault-v1-fixture.test.ts\` copies it to a temporary directory and opens it through
the CLI (list, show, search, tags, audit verify, recover): every later companion must still read it.
Never regenerate or edit these files; a new vault or entry format gets a new fixture directory.

- Passphrase: \`${FIXTURE_PASSPHRASE}\` (PBKDF2-SHA256, 100,000 iterations, so the test stays fast)
- Recovery key: \`${f.recoveryKey}\`
- Vault format 1, entry format 1 (\`CMPE\` files), audit log with its checkpoint in \`vault.json\`

| id | created (UTC) | revision | starred | tags | text starts |
|---|---|---|---|---|---|
| \`${f.lisbon}\` | 2025-01-08 14:30 | 1 | yes | trips, travel | Went to Lisbon with Ana. Pastéis de nata… |
| \`${f.munich}\` | 2025-02-14 08:15 | 2 (edited 2025-02-15) | no | walk, winter, river | Grüße aus München… |
| \`${f.rain}\` | 2025-03-01 21:05 | 1 | no | rain | 今日は雨でした。… (Japanese, Hebrew, a ZWJ emoji) |
| \`${f.gone}\` | 2025-03-02 07:00 | deleted | | | only in the audit log |

The exact texts are in \`scripts/make-vault-fixture.ts\` and asserted by the test.
`;
}

const id = (json: string) => (JSON.parse(json) as { id: string }).id;

try {
  const { recoveryKey } = JSON.parse(await companion(['init', '--iterations', '100000', '--json'], '2025-01-08T09:00:00Z')) as { recoveryKey: string };
  const lisbon = id(await companion(['write', '--json', '--star', '--tag', 'trips', '--date', '2025-01-08 14:30', 'Went to Lisbon with Ana. Pastéis de nata at the tram stop. @travel'], '2025-01-08T20:00:00Z'));
  const munich = id(await companion(['write', '--json', '--date', '2025-02-14 08:15', 'Grüße aus München: Schnee überall ❄️ and a long walk by the Isar @walk @winter'], '2025-02-14T08:20:00Z'));
  const rain = id(await companion(['write', '--json', '--date', '2025-03-01 21:05', '今日は雨でした。 Quiet evening, tea and a book. שלום 👩‍👩‍👧 @rain'], '2025-03-01T21:10:00Z'));
  const gone = id(await companion(['write', '--json', '--date', '2025-03-02 07:00', 'This entry is deleted in the fixture.'], '2025-03-02T07:01:00Z'));
  await companion(['edit', munich], '2025-02-15T10:00:00Z', 'Grüße aus München: Schnee überall ❄️ and a long walk by the Isar @walk @winter\n\nEdited the next day: the river was frozen at the edges. @river');
  await companion(['delete', '--yes', gone], '2025-03-02T07:30:00Z');
  await companion(['audit', 'verify'], '2025-03-03T12:00:00Z');
  fs.writeFileSync(path.join(path.dirname(out), 'README.md'), readme({ recoveryKey, lisbon, munich, rain, gone }));
  process.stdout.write(`Created ${out} and its README.md\n`);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
