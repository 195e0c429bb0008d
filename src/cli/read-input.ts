import { UsageError } from '../core/errors.js';
import type { Input } from './deps.js';

/** The largest entry companion accepts, in characters (about 150,000 words). */
export const MAX_ENTRY_CHARS = 1_000_000;

/**
 * Read all of stdin as UTF-8 text. Binary input (invalid UTF-8, NUL bytes) and oversized input are refused
 * with a UsageError before anything is written.
 */
export async function readTextInput(stream: Input): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    size += buf.length;
    if (size > MAX_ENTRY_CHARS * 4) throw new UsageError(`The input is larger than ${MAX_ENTRY_CHARS} characters; nothing was saved.`);
    chunks.push(buf);
  }
  return decodeEntryText(Buffer.concat(chunks));
}

/** Decode bytes as entry text, refusing binary data. */
export function decodeEntryText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError('The input is not UTF-8 text (it looks binary); nothing was saved.');
  }
  return checkEntryText(text);
}

/** Validate entry text: no NUL or other binary control characters, not too long. Returns it with a BOM removed. */
export function checkEntryText(text: string): string {
  const clean = text.replace(/^\uFEFF/, '');
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u0008\u000E-\u001F\u007F]/.test(clean)) {
    throw new UsageError('The text contains control characters (it looks binary); nothing was saved.');
  }
  if (clean.length > MAX_ENTRY_CHARS) throw new UsageError(`The entry is longer than ${MAX_ENTRY_CHARS} characters; nothing was saved.`);
  return clean;
}
