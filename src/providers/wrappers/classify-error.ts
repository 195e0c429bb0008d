import { ProviderError, type ProviderErrorKind } from '../errors.js';

const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function field(err: unknown, key: string): unknown {
  return typeof err === 'object' && err !== null ? (err as Record<string, unknown>)[key] : undefined;
}

/** HTTP status carried by an SDK error (`status` in openai, `status_code` in ollama), if any. */
export function errorStatus(err: unknown): number | undefined {
  const s = field(err, 'status') ?? field(err, 'status_code');
  return typeof s === 'number' ? s : undefined;
}

function errorCodes(err: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = err, depth = 0; e && depth < 4; e = field(e, 'cause'), depth++) {
    const code = field(e, 'code');
    if (typeof code === 'string') codes.push(code);
  }
  return codes;
}

/**
 * Classifies any failure from a provider call: `auth` (401/403), `rate_limit` (429), `timeout` (408/504,
 * socket timeouts, aborted by timeout), `transient` (5xx, connection refused/reset, malformed or cut-off
 * responses), `permanent` (other 4xx, invalid requests, anything unknown). ProviderErrors keep their kind.
 */
export function classifyError(err: unknown): ProviderErrorKind {
  if (err instanceof ProviderError) return err.kind;
  const status = errorStatus(err);
  if (status !== undefined) {
    if (status === 401 || status === 403) return 'auth';
    if (status === 429) return 'rate_limit';
    if (status === 408 || status === 504) return 'timeout';
    if (status >= 500) return 'transient';
    if (status >= 400) return 'permanent';
  }
  const name = String(field(err, 'name') ?? '');
  const codes = errorCodes(err);
  if (name === 'TimeoutError' || name === 'APIConnectionTimeoutError' || codes.some((c) => TIMEOUT_CODES.has(c))) return 'timeout';
  if (codes.some((c) => TRANSIENT_CODES.has(c)) || name === 'APIConnectionError') return 'transient';
  if (err instanceof SyntaxError || /fetch failed|terminated|socket hang up|unexpected end|malformed|JSON/i.test(String(field(err, 'message') ?? ''))) return 'transient';
  return 'permanent';
}

/** Parses a Retry-After header (seconds or HTTP date) into milliseconds. */
export function retryAfterMs(err: unknown, now: number = Date.now()): number | undefined {
  const headers = field(err, 'headers');
  let value: unknown;
  if (headers instanceof Headers) value = headers.get('retry-after');
  else if (headers && typeof headers === 'object') value = (headers as Record<string, unknown>)['retry-after'];
  if (typeof value !== 'string' || !value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Turns any failure into a `ProviderError` with the classified kind, HTTP status and Retry-After. The
 * message is generic and never contains the request or response body.
 */
export function toProviderError(provider: string, err: unknown): ProviderError {
  if (err instanceof ProviderError) return err;
  const kind = classifyError(err);
  const status = errorStatus(err);
  const wait = retryAfterMs(err);
  const messages: Record<ProviderErrorKind, string> = {
    auth: `The ${provider} server rejected the credentials.`,
    rate_limit: `The ${provider} server is rate limiting requests.`,
    timeout: `The ${provider} server timed out.`,
    transient: `The ${provider} server is unreachable or failed temporarily.`,
    permanent: `The ${provider} server refused the request.`,
  };
  const hint = kind === 'auth' ? 'Set COMPANION_OPENAI_API_KEY (never put keys in the config file).' : undefined;
  return new ProviderError(`${messages[kind]}${status ? ` (HTTP ${status})` : ''}`, {
    kind, provider, cause: err, ...(status !== undefined ? { status } : {}), ...(wait !== undefined ? { retryAfterMs: wait } : {}), ...(hint ? { hint } : {}),
  });
}
