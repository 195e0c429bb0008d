import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake server answers the next request: normally, or with one of the failure modes. */
export type Behaviour = 'ok' | 'slow' | 'fail500' | 'rate429' | 'malformed' | 'unauthorized' | 'cut';

/** One request the fake server saw. */
export interface SeenRequest {
  method: string;
  path: string;
  body: Record<string, unknown> | undefined;
  headers: IncomingMessage['headers'];
}

/** The reply text every fake server streams; it carries terminal escapes split across chunks. */
export const FAKE_REPLY_CHUNKS = ['Hello ', 'from the \u001b[3', '1mfake\u001b[0m', ' server', '.\u0007'];
/** The reply after output hygiene. */
export const FAKE_REPLY_CLEAN = 'Hello from the fake server.';
/** The JSON reply for structured requests. */
export const FAKE_STRUCTURED = { mood: 'calm', score: 3 };

/** Deterministic 6-dimensional vector for a text (so the same text always embeds the same). */
export function fakeVector(text: string): number[] {
  const v = [0, 0, 0, 0, 0, 0];
  for (let i = 0; i < text.length; i++) v[i % 6] = (v[i % 6] ?? 0) + text.charCodeAt(i) / 1000;
  return v;
}

/** A local HTTP server on 127.0.0.1 with a per-request script of behaviours. */
export interface FakeServer {
  url: string;
  seen: SeenRequest[];
  /** Behaviours for the next requests, consumed in order; then `ok`. */
  script: Behaviour[];
  /** Delay used by `slow` (ms). */
  slowMs: number;
  close(): Promise<void>;
}

/** Answers one parsed request; `behaviour` is never `fail500`/`rate429`/`unauthorized` here. */
export type Handler = (req: SeenRequest, res: ServerResponse, behaviour: Behaviour, server: FakeServer) => Promise<void> | void;

/** Starts a fake server on an ephemeral port of 127.0.0.1 that routes requests to `handler`. */
export async function startFakeServer(handler: Handler, errorBody: (status: number) => unknown): Promise<FakeServer> {
  const state: FakeServer = { url: '', seen: [], script: [], slowMs: 300, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const seen: SeenRequest = { method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0] ?? '/', body: raw ? JSON.parse(raw) as Record<string, unknown> : undefined, headers: req.headers };
      state.seen.push(seen);
      const behaviour = state.script.shift() ?? 'ok';
      const fail = { fail500: 500, rate429: 429, unauthorized: 401 } as Record<string, number>;
      const status = fail[behaviour];
      if (status) {
        res.writeHead(status, { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': '0' } : {}) });
        res.end(JSON.stringify(errorBody(status)));
        return;
      }
      void Promise.resolve(handler(seen, res, behaviour, state)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
  return state;
}

/** Sleeps `ms` milliseconds. */
export const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
