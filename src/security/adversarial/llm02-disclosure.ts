import fs from 'node:fs';
import path from 'node:path';
import { makeCanaries } from './canaries.js';
import { Sandbox, filesUnder, needlesIn } from './sandbox.js';
import { startRecordingServer } from './recording-server.js';
import { useRecordingServer } from './model-setup.js';
import { check, type CheckResult, type CliRunner } from './types.js';

/** Commands whose stdout shows the decrypted journal to its owner (the one place the planted data may appear). */
const READS_JOURNAL = new Set(['list', 'show', 'search', 'export', 'write', 'ask', 'summary']);

function found(label: string, hits: { where: string; labels: string[] }[]): string {
  const bad = hits.filter((h) => h.labels.length > 0);
  return bad.length === 0 ? `no canary in ${label}` : bad.map((h) => `${h.where}: ${h.labels.join(', ')}`).join('; ');
}

/**
 * LLM02 sensitive information disclosure: canary PII and secrets planted in an entry must not appear in
 * clear text in logs, metrics, caches, the audit log, command errors, a sanitized export, or what a remote
 * provider receives with `security.redact_remote` on.
 */
export async function sensitiveDisclosure(runner: CliRunner): Promise<CheckResult[]> {
  const checks: CheckResult[] = [];
  const canaries = makeCanaries();
  const all = [...canaries.pii, ...canaries.secrets];
  const labelsIn = (content: string | Buffer, set = all): string[] => {
    const hits = needlesIn(content, set.map((c) => c.value));
    return set.filter((c) => hits.includes(c.value)).map((c) => c.label);
  };
  const apiKey = `sk-suite-${Date.now().toString(36)}`;
  const box = await Sandbox.create(runner, { COMPANION_OPENAI_API_KEY: apiKey });
  const server = await startRecordingServer(() => 'It was a week of admin and small chores, handled one at a time with some patience.');
  try {
    const written = await box.run(['write', '--json'], { stdin: canaries.entryText });
    const id = written.code === 0 ? (JSON.parse(written.stdout) as { id: string }).id : '';
    await box.run(['write', 'A quiet evening with a book and tea, nothing much else to report today.']);
    const listed = await box.run(['list', '--json']);
    checks.push(check('the entry is stored and reads back intact', written.code === 0 && labelsIn(listed.stdout).length === all.length, `write exit ${written.code}; list shows ${labelsIn(listed.stdout).length} of ${all.length} canaries`));

    await useRecordingServer(box, server, 'remote');
    await box.config('security.redact_remote', 'true');
    const summary = await box.run(['summary']);
    const ask = await box.run(['ask', 'what did I pay the dentist with?']);
    await box.run(['analyze']);
    await box.run(['export', '--format', 'json', '-o', path.join(box.dir, 'export.json')]);
    const sanitized = await box.run(['export', '--format', 'md', '--sanitize']);
    await box.run(['audit', 'log', '--json']);
    await box.run(['audit', 'report']);
    await box.run(['show', id]);

    const remote = server.bodies.join('\n');
    checks.push(check('the remote provider was called', server.chats.length > 0 && summary.code === 0 && ask.code === 0, `summary exit ${summary.code}, ask exit ${ask.code}; ${server.chats.length} request(s) to the remote stand-in (http://0.0.0.0, classified remote)`));
    const piiRemote = labelsIn(remote, canaries.pii);
    checks.push(check('PII canaries reach the remote provider only redacted', server.chats.length > 0 && piiRemote.length === 0, piiRemote.length ? `sent in clear: ${piiRemote.join(', ')}` : `none of ${canaries.pii.length} PII canaries in ${server.bodies.length} request bodies`));
    const secretRemote = labelsIn(remote, canaries.secrets);
    checks.push(check('secrets (API keys) in entries reach the remote provider only redacted', server.chats.length > 0 && secretRemote.length === 0, secretRemote.length ? `sent in clear: ${secretRemote.join(', ')}` : `none of ${canaries.secrets.length} secret canaries sent`));

    const files = filesUnder(box.dataDir);
    const fileHits = files.map((f) => ({ where: path.relative(box.dataDir, f), labels: labelsIn(fs.readFileSync(f)) }));
    const byArea = (test: (rel: string) => boolean): { where: string; labels: string[] }[] => fileHits.filter((h) => test(h.where));
    checks.push(check('audit log holds no canary', byArea((r) => r.startsWith('audit')).length > 0 && byArea((r) => r.startsWith('audit')).every((h) => h.labels.length === 0), found('audit files', byArea((r) => r.startsWith('audit')))));
    checks.push(check('metrics hold no canary', byArea((r) => r.startsWith('metrics')).every((h) => h.labels.length === 0), `${byArea((r) => r.startsWith('metrics')).length} metrics file(s); ${found('metrics', byArea((r) => r.startsWith('metrics')))}`));
    checks.push(check('entries, caches and every other file hold no canary in clear text', fileHits.every((h) => h.labels.length === 0), `${files.length} file(s) under the data directory; ${found('any file', fileHits)}`));
    const logs = box.transcript.map((t) => ({ where: `stderr of ${t.argv[0] ?? ''}`, labels: labelsIn(t.run.stderr) }))
      .concat(box.transcript.filter((t) => !READS_JOURNAL.has(t.argv[0] ?? '')).map((t) => ({ where: `stdout of ${t.argv.slice(0, 2).join(' ')}`, labels: labelsIn(t.run.stdout) })));
    checks.push(check('command messages (stderr) and non-reading commands\' output hold no canary', logs.every((h) => h.labels.length === 0), `${box.transcript.length} runs; ${found('output', logs)}`));
    const leftInExport = labelsIn(sanitized.stdout, canaries.pii);
    checks.push(check('`export --sanitize` replaces the planted personal data', sanitized.code === 0 && leftInExport.length === 0, leftInExport.length ? `still in the sanitized export: ${leftInExport.join(', ')}` : `exit ${sanitized.code}; none of ${canaries.pii.length} PII canaries left`));
    checks.push(check('prompts never carry the provider API key', !remote.includes(apiKey), remote.includes(apiKey) ? 'the API key appears in a request body' : 'the API key only travels in the Authorization header'));
  } finally {
    await server.close();
    box.dispose();
  }
  return checks;
}
