import { randomBytes } from 'node:crypto';
import { Sandbox } from './sandbox.js';
import { startRecordingServer } from './recording-server.js';
import { promptsOf, useRecordingServer } from './model-setup.js';
import { check, type CheckResult, type CliRunner } from './types.js';

const OPENINGS = ['Woke up early and made coffee.', 'Slept badly, the neighbours were loud again.', 'A slow Sunday at home.', 'Busy day at work, back-to-back meetings.', 'Rain all morning, so I stayed in.', 'Went for a run before breakfast.'];
const MIDDLES = ['I read a few chapters of my book and felt calmer after.', 'Lunch with Priya was nice; we talked about her trip and my plans for the garden.', 'I called mum in the evening and we laughed about the old house.', 'Cooked lentil soup and froze half of it for next week.', 'I tidied the desk and finally answered the letters I had been putting off.', 'Walked by the canal and watched the herons for a while.'];
const ENDINGS = ['Tired now but content.', 'Going to bed early tonight.', 'I want to remember how quiet it felt.', 'Tomorrow I should start on the taxes.', 'Not a bad day overall.', 'Feeling a bit anxious about Monday, but okay.'];

/** A dozen entries in one person's voice (deterministic combinations of ordinary diary sentences). */
export function authorEntries(n = 12): string[] {
  return Array.from({ length: n }, (_, i) => `${OPENINGS[i % OPENINGS.length] ?? ''} ${MIDDLES[(i * 5 + 1) % MIDDLES.length] ?? ''} ${ENDINGS[(i * 7 + 2) % ENDINGS.length] ?? ''}`);
}

/** Imported spam: foreign text in a voice nothing like the journal's. */
const SPAM = 'CONGRATULATIONS!!! YOU HAVE BEEN SELECTED to receive a $1,000 GIFT CARD. Click http://prize.example/claim NOW to claim your exclusive reward. Limited time offer, act fast!!! Reply STOP to unsubscribe. Terms apply.';

interface QuarantineJson { count: number; entries: { id: string }[] }

/**
 * LLM04 data poisoning: a foreign entry imported into a journal of one author's writing is quarantined
 * (kept and listed, left out of what a model reads) until the person approves it.
 */
export async function dataPoisoning(runner: CliRunner): Promise<CheckResult[]> {
  const checks: CheckResult[] = [];
  const box = await Sandbox.create(runner);
  const server = await startRecordingServer(() => 'A steady week of small routines, reading and time with people you care about.');
  try {
    const day = (offset: number): string => new Date(Date.now() - offset * 3_600_000).toISOString();
    const marker = `ref${randomBytes(5).toString('hex')}`;
    const own = authorEntries().map((text, i) => ({ date: day(100 - i * 6).slice(0, 10), time: day(100 - i * 6).slice(11, 16), title: '', body: text, tags: [], starred: false }));
    const foreign = { date: day(2).slice(0, 10), time: day(2).slice(11, 16), title: '', body: `${SPAM} ${marker}`, tags: [], starred: false };
    const imported = await box.run(['import', '--from', 'jrnl', box.file('import.json', JSON.stringify({ entries: [...own, foreign] })), '--json']);
    const ids = imported.code === 0 ? (JSON.parse(imported.stdout) as { ids: string[] }).ids : [];
    const listed = await box.run(['quarantine', 'list', '--json']);
    const q = listed.code === 0 ? JSON.parse(listed.stdout) as QuarantineJson : { count: -1, entries: [] };
    const all = await box.run(['list', '--json', '--limit', '0']);
    const spamId = all.code === 0 ? (JSON.parse(all.stdout) as { entries: { id: string; text: string }[] }).entries.find((e) => e.text.includes(marker))?.id : undefined;
    const flagged = spamId !== undefined && q.entries.some((e) => e.id === spamId);
    checks.push(check('the imported foreign entry is quarantined', flagged, `import exit ${imported.code} (${ids.length} entries); quarantine list exit ${listed.code}: ${q.count} in quarantine, the foreign one ${flagged ? 'among them' : 'not among them'}`));
    checks.push(check('the author\'s own entries are not quarantined', q.count >= 0 && q.entries.filter((e) => e.id !== spamId).length === 0, `${q.entries.filter((e) => e.id !== spamId).length} of ${own.length} own entries in quarantine`));
    checks.push(check('a quarantined entry is kept, not deleted', spamId !== undefined, spamId ? 'still listed by `list`' : 'missing from `list`'));
    await useRecordingServer(box, server, 'local');
    const summary = await box.run(['summary', '--month', '--json']);
    const ask = await box.run(['ask', 'what did I win?', '--json']);
    const prompts = promptsOf(server.chats);
    checks.push(check('a quarantined entry never reaches the model', server.chats.length > 0 && !prompts.includes(marker) && !prompts.includes('GIFT CARD'),
      `summary exit ${summary.code}, ask exit ${ask.code}; ${server.chats.length} request(s); foreign text ${prompts.includes(marker) ? 'sent' : 'not sent'}`));
  } finally {
    await server.close();
    box.dispose();
  }
  return checks;
}
