import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alignTokens } from '../../../src/security/pii/token-align.js';
import { detectPII, detectPIIDeep } from '../../../src/security/pii/index.js';
import { writeTinyNerModel } from './pii-tiny-ner-onnx.js';

const LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-MISC'];
const WORDS = ['zork', 'quux', 'blorp', 'widget', 'met', 'in', 'and', 'my', 'email', 'is', 'bob', '@', 'example', '.', 'com', 'the', '##s'];
const LABEL_OF: Record<string, string> = { zork: 'B-PER', quux: 'I-PER', blorp: 'B-LOC', widget: 'B-MISC' };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(os.tmpdir(), 'companion-pii-ner-'));
  await writeTinyNerModel(dir, 'tiny-ner', WORDS, LABELS, (w) => LABEL_OF[w] ?? 'O');
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('detectPIIDeep with a local token-classification model', () => {
  it('merges the model\'s PERSON and LOCATION spans with the rule spans, at the right offsets', async () => {
    const text = 'I met zork quux in blorp and my email is bob@example.com';
    expect(detectPII(text).some((s) => s.text === 'zork quux')).toBe(false);
    const spans = await detectPIIDeep(text, { nerModel: { modelDir: dir, model: 'tiny-ner' } });
    const person = spans.find((s) => s.type === 'PERSON');
    expect(person).toMatchObject({ text: 'zork quux', start: 6, end: 15, source: 'ner:transformers' });
    expect(spans.find((s) => s.type === 'LOCATION')).toMatchObject({ text: 'blorp', start: 19, end: 24 });
    // The validated email regex still reports the address; MISC is not a PII type we claim.
    expect(spans.find((s) => s.type === 'EMAIL')?.text).toBe('bob@example.com');
    expect(spans.some((s) => s.text.includes('widget'))).toBe(false);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('finds entities in every chunk of a long entry (past the model\'s token limit)', async () => {
    const filler = Array.from({ length: 400 }, () => 'the').join(' ');
    const text = `ZORK met blorp. ${filler} ${filler} and then Zork Quux.`;
    const spans = await detectPIIDeep(text, { nerModel: { modelDir: dir, model: 'tiny-ner' } });
    const persons = spans.filter((s) => s.type === 'PERSON' && s.source === 'ner:transformers').map((s) => s.text);
    expect(persons).toEqual(['ZORK', 'Zork Quux']);
  });

  it('is detectPII when no model is configured, and rejects a missing model folder', async () => {
    const text = 'Email me at bob@example.com';
    expect(await detectPIIDeep(text)).toEqual(detectPII(text));
    await expect(detectPIIDeep(text, { nerModel: { modelDir: dir, model: 'no-such-model' } })).rejects.toThrow();
  });
});

describe('alignTokens', () => {
  it('places WordPiece tokens in the original text, ignoring case, accents and special tokens', () => {
    expect(alignTokens('Zoë met José', ['[CLS]', 'zoe', 'met', 'jo', '##se', '[SEP]'])).toEqual([
      undefined, [0, 3], [4, 7], [8, 10], [10, 12], undefined,
    ]);
  });
});
