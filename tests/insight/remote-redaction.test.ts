import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Pseudonymizer } from '../../src/security/pii/pseudonymizer.js';
import { runCli, useTempJournal } from '../helpers/cli.js';
import { sessionFollowUp } from '../helpers/session-follow-up.js';
import { startFakeOpenAI } from '../providers/helpers/fake-openai.js';
import type { FakeServer } from '../providers/helpers/fake-server.js';

const t = useTempJournal();
const EMAIL = 'maria.garcia@example.com';
let server: FakeServer;
let remote: Record<string, string>;

beforeEach(async () => {
  server = await startFakeOpenAI();
  // 0.0.0.0 reaches the local fake server but is not a loopback name: companion treats it as a remote host.
  remote = { COMPANION_PROVIDER: 'openai', COMPANION_OPENAI_BASE_URL: `${server.url.replace('127.0.0.1', '0.0.0.0')}/v1`, COMPANION_OPENAI_API_KEY: 'sk-test-key', COMPANION_MODEL: 'tiny' };
});
afterEach(async () => server.close());

/** Every body the "remote" server received, as text. */
const sent = () => server.seen.map((r) => JSON.stringify(r.body ?? {})).join('\n');

describe('personal data never reaches a remote provider unredacted (security.redact_remote)', () => {
  it('ask: neither the question nor the entries, in the embeddings for retrieval and the answer cache or in the prompt', async () => {
    expect((await runCli(['write', `Wrote to ${EMAIL} about the garden plans.`], t.env)).code).toBe(0);
    expect((await runCli(['write', 'Watered the garden and planned the beds for spring.'], t.env)).code).toBe(0);
    const r = await runCli(['ask', '--json', `Did I write to ${EMAIL} about the garden?`], { ...t.env, ...remote });
    expect(r.code, r.stderr).toBe(0);
    expect(server.seen.some((s) => s.path === '/v1/embeddings')).toBe(true);
    expect(sent()).not.toContain(EMAIL);
  });

  it('the writing session\'s follow-up question: the draft reaches the model redacted', async () => {
    const history = { streakDays: 1, recentThemes: [], recentMood: null, lastPrompt: null };
    const question = await sessionFollowUp({ ...t.env, ...remote }, t.dir, `This morning I finally wrote to ${EMAIL} about the garden plans.`, history);
    expect(typeof question).toBe('string');
    expect(server.seen.some((s) => s.path === '/v1/chat/completions')).toBe(true);
    expect(sent()).not.toContain(EMAIL);
  });
});

describe('Pseudonymizer.restore', () => {
  it('puts the original values back into text written about the stand-ins, longest stand-in first', () => {
    const p = new Pseudonymizer();
    const names = Array.from({ length: 15 }, (_, i) => p.pseudonymFor('PERSON', `Person Number${i}`));
    const email = p.pseudonymFor('EMAIL', EMAIL);
    expect(names[14]).toBe(`${names[0]} 2`);
    expect(p.restore(`Did ${names[14]} and ${names[0]} answer ${email}?`)).toBe(`Did Person Number14 and Person Number0 answer ${EMAIL}?`);
    expect(p.restore('Nothing to put back.')).toBe('Nothing to put back.');
  });
});
