import { UsageError } from '../core/errors.js';
import type { Input, Output } from './deps.js';

/**
 * Ask for a secret on a terminal without echoing it. Handles backspace, Ctrl+U (clear) and Ctrl+C
 * (cancel, UsageError). The input must be a TTY in raw mode capable.
 */
export function promptSecret(input: Input, output: Output, question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    output.write(question);
    let value = '';
    const wasRaw = (input as { isRaw?: boolean }).isRaw ?? false;
    input.setRawMode?.(true);
    input.resume();
    const finish = (err: Error | null) => {
      input.removeListener('data', onData);
      input.setRawMode?.(wasRaw);
      input.pause();
      output.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish(null);
        if (ch === '\u0003') return finish(new UsageError('Cancelled.'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch === '\u0015') value = '';
        else if (ch >= ' ') value += ch;
      }
    };
    input.on('data', onData);
  });
}
