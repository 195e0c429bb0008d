import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One chat request a model server received: its system and user messages as sent over the wire. */
export interface RecordedChat {
  system: string;
  user: string;
  /** The raw request body (for searching for anything that should never be sent). */
  raw: string;
}

/** A local OpenAI-compatible model server that records every request and answers with a scripted reply. */
export interface RecordingServer {
  /** Port on 127.0.0.1. */
  port: number;
  /** Chat requests in order. */
  chats: RecordedChat[];
  /** Every request body, chat or not (embeddings, model listing). */
  bodies: string[];
  /** Change the reply for later requests. */
  setReply(reply: (chat: RecordedChat) => string): void;
  close(): Promise<void>;
}

type Message = { role?: string; content?: unknown };

function textOf(messages: Message[], role: string): string {
  return messages.filter((m) => m.role === role).map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content))).join('\n');
}

function sse(res: ServerResponse, reply: string): void {
  const chunk = (delta: Record<string, unknown>, finish: string | null): string =>
    `data: ${JSON.stringify({ id: 'rec-1', object: 'chat.completion.chunk', created: 0, model: 'recorder', choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.write(chunk({ role: 'assistant', content: '' }, null));
  for (const piece of reply.match(/[\s\S]{1,24}/g) ?? []) res.write(chunk({ content: piece }, null));
  res.write(chunk({}, 'stop'));
  res.end('data: [DONE]\n\n');
}

function answer(req: IncomingMessage, raw: string, res: ServerResponse, state: { reply: (c: RecordedChat) => string; chats: RecordedChat[] }): void {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const json = (status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (path.endsWith('/models')) return json(200, { object: 'list', data: [{ id: 'recorder', object: 'model', created: 0, owned_by: 'companion' }] });
  if (!path.endsWith('/chat/completions')) return json(404, { error: { message: 'not found', type: 'invalid_request_error' } });
  let body: { messages?: Message[]; stream?: boolean };
  try {
    body = JSON.parse(raw) as typeof body;
  } catch {
    return json(400, { error: { message: 'bad json', type: 'invalid_request_error' } });
  }
  const messages = Array.isArray(body.messages) ? body.messages : [];
  const chat: RecordedChat = { system: textOf(messages, 'system'), user: textOf(messages, 'user'), raw };
  state.chats.push(chat);
  const reply = state.reply(chat);
  if (body.stream) return sse(res, reply);
  json(200, {
    id: 'rec-1', object: 'chat.completion', created: 0, model: 'recorder',
    choices: [{ index: 0, message: { role: 'assistant', content: reply }, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  });
}

/**
 * Start a recording model server on an ephemeral port of 127.0.0.1. It never forwards anything: it is the
 * stand-in for a model so the suite can see exactly what companion sends.
 */
export async function startRecordingServer(reply: (chat: RecordedChat) => string = () => 'A short reflection.'): Promise<RecordingServer> {
  const state = { reply, chats: [] as RecordedChat[], bodies: [] as string[] };
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(parts).toString('utf8');
      state.bodies.push(raw);
      answer(req, raw, res, state);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    chats: state.chats,
    bodies: state.bodies,
    setReply: (r) => { state.reply = r; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
