import { describe, expect, it } from 'vitest';
import {
  PROMPT_TEMPLATES, continuationPrompt, createRng, generatePrompt, reflectionPrompt, timeBasedPrompt, validateModelPrompt,
  type PromptContext, type PromptGenerator,
} from '../../src/core/prompts/index.js';

const ctx = (over: Partial<PromptContext> = {}): PromptContext => ({ recentThemes: [], recentMood: null, lastPrompt: null, rng: createRng(7), utcOffsetMinutes: 0, ...over });

describe('template library', () => {
  it('holds at least 60 distinct open questions', () => {
    const texts = new Set(PROMPT_TEMPLATES.map((t) => t.text));
    expect(texts.size).toBeGreaterThanOrEqual(60);
    for (const t of PROMPT_TEMPLATES) {
      expect(t.text.trim().endsWith('?')).toBe(true);
      expect(t.text).not.toMatch(/\b(you should|try to|you must|disorder|depress)/i);
    }
  });
});

describe('choosing prompts', () => {
  it('never shows the same prompt twice in a row', () => {
    const rng = createRng(42);
    let last: string | null = null;
    for (let i = 0; i < 300; i += 1) {
      const c = ctx({ rng, lastPrompt: last, recentThemes: i % 2 ? ['person:Sarah'] : [], recentMood: (i % 3) - 1, streakDays: i % 5 });
      const kinds = [() => reflectionPrompt(c), () => timeBasedPrompt(new Date(Date.UTC(2024, 4, 1 + (i % 7), i % 24)), c), () => continuationPrompt('I saw Tom. It was awful.', c)];
      const prompt = (kinds[i % 3] ?? kinds[0]!)();
      expect(prompt.text).not.toBe(last);
      last = prompt.text;
    }
  });

  it('is deterministic for a seed', () => {
    const a = reflectionPrompt(ctx({ rng: createRng(3), recentThemes: ['activity:running'] }));
    const b = reflectionPrompt(ctx({ rng: createRng(3), recentThemes: ['activity:running'] }));
    expect(a).toEqual(b);
  });

  it('fits the time of day', () => {
    const morning = timeBasedPrompt(new Date('2024-05-14T07:30:00Z'), ctx());
    expect(morning.situation).toBe('morning');
    const night = timeBasedPrompt(new Date('2024-05-14T23:30:00Z'), ctx());
    expect(night.situation).toBe('night');
  });

  it('asks about a person named in the draft, and stays with a hard sentence', () => {
    const aboutPerson = continuationPrompt('Had lunch with Priya and we talked for hours about her move.', ctx());
    expect(aboutPerson.situation).toBe('draft-person');
    expect(aboutPerson.text).toContain('Priya');
    const hard = continuationPrompt('The day started fine. Then the call came and I felt terrible and scared.', ctx());
    expect(hard.situation).toBe('draft-hard');
  });

  it('welcomes the writer back after a gap, and uses recent themes', () => {
    expect(reflectionPrompt(ctx({ daysSinceLastEntry: 10 })).situation).toBe('returning');
    const themed = reflectionPrompt(ctx({ recentThemes: ['topic:job offer'] }));
    expect(['theme', 'general']).toContain(themed.situation);
    if (themed.situation === 'theme') expect(themed.text).toContain('job offer');
  });
});

describe('validateModelPrompt', () => {
  it('accepts one short question and strips wrapping quotes', () => {
    expect(validateModelPrompt('  "What felt lighter today?"\n')).toEqual({ ok: true, prompt: 'What felt lighter today?' });
  });

  it.each([
    ['', 'empty'],
    ['Tell me about your day.', 'not a question'],
    ['What happened? Why?', 'more than one question'],
    ['Great entry. What happened next?', 'more than one sentence'],
    ['What\u0007 happened?', 'control characters'],
    [`${'word '.repeat(25)}right?`, 'too long (26 words)'],
  ])('refuses %j', (text, reason) => {
    expect(validateModelPrompt(text)).toEqual({ ok: false, reason });
  });
});

describe('generatePrompt', () => {
  it('uses a valid model prompt', async () => {
    const generate: PromptGenerator = async () => 'What made you laugh this week?';
    const result = await generatePrompt(generate, ctx(), { timeoutMs: 1000 });
    expect(result).toMatchObject({ source: 'model', text: 'What made you laugh this week?' });
  });

  it('falls back to a template on timeout and aborts the model', async () => {
    let aborted = false;
    const generate: PromptGenerator = (_p, { signal }) => new Promise((_resolve, reject) => {
      signal.addEventListener('abort', () => {
        aborted = true;
        reject(new Error('aborted'));
      });
    });
    const result = await generatePrompt(generate, ctx(), { timeoutMs: 20 });
    expect(result.source).toBe('template');
    expect(result.fallbackReason).toBe('timeout');
    expect(aborted).toBe(true);
    expect(PROMPT_TEMPLATES.length).toBeGreaterThan(0);
  });

  it('falls back on invalid output, on errors, and on a repeat of the last prompt', async () => {
    const bad = await generatePrompt(async () => 'You should go for a walk.', ctx(), { timeoutMs: 1000 });
    expect(bad).toMatchObject({ source: 'template', fallbackReason: 'invalid: not a question' });
    const failing = await generatePrompt(async () => { throw new TypeError('boom'); }, ctx(), { timeoutMs: 1000 });
    expect(failing).toMatchObject({ source: 'template', fallbackReason: 'model error: TypeError' });
    const repeat = await generatePrompt(async () => 'What is new?', ctx({ lastPrompt: 'What is new?' }), { timeoutMs: 1000 });
    expect(repeat.source).toBe('template');
    expect(repeat.text).not.toBe('What is new?');
  });

  it('sends the draft for a continuation and themes, never more than asked', async () => {
    let seen = '';
    await generatePrompt(async (p) => { seen = p; return 'What happened after that?'; }, ctx({ recentThemes: ['person:Sarah'] }), { timeoutMs: 1000 }, { kind: 'continuation', draft: 'We argued.' });
    expect(seen).toContain('Sarah');
    expect(seen).toContain('We argued.');
  });
});
