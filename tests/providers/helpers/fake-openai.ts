import type { ServerResponse } from 'node:http';
import { FAKE_REPLY_CHUNKS, FAKE_STRUCTURED, fakeVector, pause, startFakeServer, type Behaviour, type FakeServer, type SeenRequest } from './fake-server.js';

const MODEL = 'tiny';

function chunk(delta: Record<string, unknown>, finish: string | null): string {
  return `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 0, model: MODEL, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
}

async function answer(req: SeenRequest, res: ServerResponse, behaviour: Behaviour, server: FakeServer): Promise<void> {
  if (behaviour === 'slow') await pause(server.slowMs);
  if (req.path === '/v1/models') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ object: 'list', data: [{ id: MODEL, object: 'model', created: 0, owned_by: 'tests' }] }));
    return;
  }
  if (req.path === '/v1/embeddings') {
    const input = req.body?.input;
    const texts = Array.isArray(input) ? input as string[] : [String(input)];
    const data = texts.map((t, index) => ({ object: 'embedding', index, embedding: fakeVector(t) })).reverse();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(behaviour === 'malformed' ? JSON.stringify({ object: 'list', data: [{ index: 0, embedding: 'oops' }] }) : JSON.stringify({ object: 'list', data, model: MODEL, usage: { prompt_tokens: 1, total_tokens: 1 } }));
    return;
  }
  if (req.path !== '/v1/chat/completions') {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
    return;
  }
  const chunks = req.body?.response_format ? [JSON.stringify(FAKE_STRUCTURED)] : FAKE_REPLY_CHUNKS;
  if (!req.body?.stream) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(behaviour === 'malformed' ? '{"choices": [' : JSON.stringify({
      id: 'chatcmpl-1', object: 'chat.completion', created: 0, model: MODEL,
      choices: [{ index: 0, message: { role: 'assistant', content: chunks.join('') }, logprobs: null, finish_reason: 'stop' }],
      usage: { prompt_tokens: 3, completion_tokens: chunks.length, total_tokens: 3 + chunks.length },
    }));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  if (behaviour === 'malformed') { res.end('data: {not json}\n\n'); return; }
  res.write(chunk({ role: 'assistant', content: '' }, null));
  for (const [i, text] of chunks.entries()) {
    res.write(chunk({ content: text }, null));
    if (behaviour === 'cut' && i === 1) { res.destroy(); return; }
    await pause(2);
  }
  res.write(chunk({}, 'stop'));
  res.end('data: [DONE]\n\n');
}

/** A fake OpenAI-compatible server: chat completions (JSON and SSE), embeddings, models. */
export function startFakeOpenAI(): Promise<FakeServer> {
  return startFakeServer(answer, (status) => ({ error: { message: status === 429 ? 'Rate limit reached' : status === 401 ? 'Invalid API key' : 'Server error', type: status === 429 ? 'rate_limit_error' : 'server_error' } }));
}
