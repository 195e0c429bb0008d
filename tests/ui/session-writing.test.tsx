import { afterEach, describe, expect, it } from 'vitest';
import { KEY, startSession } from './harness.js';

type Session = Awaited<ReturnType<typeof startSession>>;
let s: Session | null = null;
afterEach(() => {
  s?.done();
  s = null;
});

describe('greeting and editor', () => {
  it('shows the date of the injected clock, the streak and a prompt, with the editor focused at once', async () => {
    s = await startSession();
    const f = await s.waitFor((x) => x.includes('Start writing') && /\?/.test(x.split('\n')[1] ?? ''));
    expect(f).toContain('Saturday, 21 November 2026');
    expect(f).toContain('a fresh start today');
    expect(f).toContain('0 words · 0:00');
    await s.press('h', 'i');
    await s.waitFor('1 word ·');
    expect(s.frame()).toContain('hi');
  });

  it('edits across lines: enter, backspace joining lines, delete, arrows, Home/End', async () => {
    s = await startSession();
    await s.waitFor('Start writing');
    await s.press(...'first'.split(''), KEY.enter, ...'second'.split(''));
    await s.waitFor('2 words');
    await s.press(KEY.home, KEY.backspace); // joins "second" onto "first"
    await s.waitFor('firstsecond');
    await s.press(' ');
    await s.waitFor('first second');
    await s.press(KEY.home, KEY.delete, KEY.end, KEY.left, KEY.backspace);
    await s.waitFor('irst secod');
    await s.press(KEY.enter, 'X', KEY.up, KEY.end, '!');
    await s.waitFor((f) => f.includes('irst seco!') || f.includes('irst seco\n'));
    await s.press(KEY.ctrlD);
    await s.waitFor('Saved.');
    const [entry] = await s.entries();
    expect(entry!.text).toBe('irst seco!\nXd');
  });

  it('takes a large paste as one insertion and counts its words', async () => {
    s = await startSession();
    await s.waitFor('Start writing');
    const paragraph = 'The morning was quiet and the coffee was strong enough. ';
    const paste = (paragraph.repeat(10) + '\r').repeat(40); // 4,000 words, 40 lines, CR line ends as a terminal pastes
    await s.press(paste);
    const f = await s.waitFor('4000 words');
    expect(f.split('\n').length).toBeLessThanOrEqual(24); // only the visible rows are drawn
    await s.press(KEY.ctrlD);
    await s.waitFor('Saved.');
    const [entry] = await s.entries();
    expect(entry!.text).toBe(paste.replace(/\r/g, '\n').trim());
  });

  it('re-wraps on resize and keeps every row within the width', async () => {
    s = await startSession();
    await s.waitFor('Start writing');
    await s.press('word '.repeat(60));
    await s.waitFor('60 words');
    const widest = (f: string) => Math.max(...f.split('\n').map((l) => l.trimEnd().length));
    expect(widest(s.frame())).toBeLessThanOrEqual(100);
    Object.defineProperty(s.ui.stdout, 'columns', { value: 40, configurable: true });
    s.ui.stdout.emit('resize');
    await s.press(KEY.left, KEY.right);
    const editorRows = (await s.waitFor((f) => f.split('\n').filter((l) => l.includes('word')).length >= 8)).split('\n').filter((l) => l.includes('word'));
    for (const row of editorRows) expect(row.trimEnd().length).toBeLessThanOrEqual(40);
  });

  it('shows elapsed writing time from the injected clock', async () => {
    s = await startSession();
    await s.waitFor('Start writing');
    await s.press('a');
    s.clock.advance(125);
    await s.waitFor('2:05');
  });

  it('lists every key with F1 and goes back on any key', async () => {
    s = await startSession();
    await s.waitFor('Start writing');
    await s.press(KEY.f1);
    const f = await s.waitFor('Keys');
    for (const key of ['Ctrl+D', 'Esc / Ctrl+C', 'Home / End', 'PgUp / PgDn']) expect(f).toContain(key);
    await s.press('x');
    await s.waitFor('Start writing');
    await s.press('?'); // on an empty page ? opens the list too
    await s.waitFor('Keys');
  });
});

describe('idle hints', () => {
  it('shows a continuation prompt under the text after the idle threshold; typing dismisses it; it never enters the text', async () => {
    s = await startSession({ idleThresholdMs: 150 });
    await s.waitFor('Start writing');
    await s.press('I met Sarah at the station and we walked home.');
    const f = await s.waitFor('↳');
    const hint = f.split('\n').find((l) => l.includes('↳'))!.replace(/.*↳\s*/, '').trim();
    expect(hint.length).toBeGreaterThan(5);
    await s.press(' Then');
    await s.waitFor((x) => !x.includes('↳') && x.includes('Then'));
    await s.press(KEY.ctrlD);
    await s.waitFor('Saved.');
    const [entry] = await s.entries();
    expect(entry!.text).toBe('I met Sarah at the station and we walked home. Then');
  });

  it('asks for no hint when show_placeholders is off', async () => {
    const asked: string[] = [];
    s = await startSession({
      idleThresholdMs: 50, autosaveMs: 400, showHints: false,
      override: (svc) => ({ ...svc, prompter: { ...svc.prompter, continuation: async (d) => (asked.push(d), 'never') } }),
    });
    await s.waitFor('Start writing');
    await s.press('a quiet day');
    await s.waitFor('draft saved'); // eight idle thresholds have passed
    expect(asked).toEqual([]);
    expect(s.frame()).not.toContain('↳');
  });
});
