import type { ServerResponse } from 'node:http';
import { FAKE_REPLY_CHUNKS, FAKE_STRUCTURED, fakeVector, pause, startFakeServer, type Behaviour, type FakeServer, type SeenRequest } from './fake-server.js';

const MODEL = 'tiny:latest';

function part(endpoint: string, text: string, done: boolean): Record<string, unknown> {
  const base = { model: MODEL, created_at: new Date(0).toISOString(), done };
  const extra = done ? { done_reason: 'stop', total_duration: 1000, load_duration: 10, prompt_eval_count: 3, eval_count: FAKE_REPLY_CHUNKS.length, eval_duration: 900 } : {};
  return endpoint === '/api/chat' ? { ...base, message: { role: 'assistant', content: text }, ...extra } : { ...base, response: text, ...extra };
}

async function answer(req: SeenRequest, res: ServerResponse, behaviour: Behaviour, server: FakeServer): Promise<void> {
  if (behaviour === 'slow') await pause(server.slowMs);
  if (req.path === '/api/tags') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ models: [{ name: MODEL, model: MODEL, modified_at: new Date(0).toISOString(), size: 1234, digest: 'abc', details: { format: 'gguf', family: 'llama', parameter_size: '260K', quantization_level: 'F32' } }] }));
    return;
  }
  if (req.path === '/api/embed') {
    const input = req.body?.input;
    const texts = Array.isArray(input) ? input as string[] : [String(input)];
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(behaviour === 'malformed' ? '{"embeddings": [[1, 2' : JSON.stringify({ model: MODEL, embeddings: texts.map(fakeVector) }));
    return;
  }
  if (req.path !== '/api/chat' && req.path !== '/api/generate') {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'not found' }));
    return;
  }
  const chunks = req.body?.format ? [JSON.stringify(FAKE_STRUCTURED)] : FAKE_REPLY_CHUNKS;
  if (req.body?.stream === false) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(behaviour === 'malformed' ? '{"message": ' : JSON.stringify(part(req.path, chunks.join(''), true)));
    return;
  }
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  if (behaviour === 'malformed') { res.end('this is not json\n'); return; }
  for (const [i, text] of chunks.entries()) {
    res.write(`${JSON.stringify(part(req.path, text, false))}\n`);
    if (behaviour === 'cut' && i === 1) { res.destroy(); return; }
    await pause(2);
  }
  res.end(`${JSON.stringify(part(req.path, '', true))}\n`);
}

/** A fake Ollama server speaking NDJSON on /api/chat, /api/generate, /api/embed and /api/tags. */
export function startFakeOllama(): Promise<FakeServer> {
  return startFakeServer(answer, (status) => ({ error: status === 429 ? 'too many requests' : 'server error' }));
}
