import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { SessionHistory } from '../../src/ui/services.js';
import { semanticCacheFile } from '../../src/inference/cache-file.js';
import { runCli, useTempJournal } from '../helpers/cli.js';
import { sessionFollowUp } from '../helpers/session-follow-up.js';

const t = useTempJournal();
const history: SessionHistory = { streakDays: 2, recentThemes: ['activity:running'], recentMood: 0.3, lastPrompt: null, daysSinceLastEntry: 1 };
const DRAFT = 'I went running by the river this morning and the light was soft on the water.';

/** The session's follow-up question with the mock model answering `question`. */
async function followUp(question: string): Promise<string | null> {
  const fixture = path.join(t.dir, 'fixture.json');
  fs.writeFileSync(fixture, JSON.stringify({ default: question }));
  return sessionFollowUp({ ...t.env, COMPANION_PROVIDER: 'mock', COMPANION_MOCK_FIXTURE: fixture }, t.dir, DRAFT, history);
}

it('session follow-up questions from the model are cached for the same draft and context', async () => {
  expect(await followUp('What did the soft light on the water make you feel?')).toBe('What did the soft light on the water make you feel?');
  expect(fs.existsSync(semanticCacheFile(path.join(t.dataDir, 'cache')))).toBe(true);
  // The model would now ask something else: the same draft and context get the cached question.
  expect(await followUp('Who else was out by the river this morning?')).toBe('What did the soft light on the water make you feel?');
  const bytes = fs.readFileSync(semanticCacheFile(path.join(t.dataDir, 'cache')));
  expect(bytes.includes(Buffer.from('soft light'))).toBe(false);
  expect((await runCli(['config', 'set', 'performance.enable_caching', 'false'], t.env)).code).toBe(0);
  expect(await followUp('Who else was out by the river this morning?')).toBe('Who else was out by the river this morning?');
});
