/**
 * Output hygiene: model output may contain terminal control sequences that would move the cursor, change
 * the title or hide text when printed. These functions remove ANSI CSI and OSC sequences, other ESC
 * sequences, and every C0/C1 control character except newline and tab.
 */

// CSI: ESC [ or 0x9B, parameters, intermediates, final byte. OSC/DCS/SOS/PM/APC: ESC ] P X ^ _ (or C1) up to
// BEL or ST. Other ESC: ESC followed by intermediates and one final byte.
const SEQUENCE = new RegExp(
  [
    '(?:\\u001b\\[|\\u009b)[\\u0030-\\u003f]*[\\u0020-\\u002f]*[\\u0040-\\u007e]',
    '(?:\\u001b[\\]PX^_]|[\\u0090\\u0098\\u009d\\u009e\\u009f])[\\s\\S]*?(?:\\u0007|\\u001b\\\\|\\u009c)',
    '\\u001b[\\u0020-\\u002f]*[\\u0030-\\u007e]',
  ].join('|'),
  'g',
);
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// An unfinished sequence at the end of a chunk: held back until the next chunk completes it.
// eslint-disable-next-line no-control-regex
const UNFINISHED = /(?:(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])(?:[^\u0007\u009c\u001b]|\u001b(?!\\))*\u001b?|\u001b[\u0020-\u002f]*)$/;

function stripComplete(text: string): string {
  return text.replace(SEQUENCE, '').replace(CONTROL, '');
}

/**
 * Returns `text` with terminal control sequences and control characters (except `\n`, `\t`) removed; an
 * unfinished sequence at the end is dropped. Equals what `StreamSanitizer` emits for the same text in chunks.
 */
export function stripControlSequences(text: string): string {
  const s = new StreamSanitizer();
  return s.push(text) + s.flush();
}

/** Longest an unfinished sequence may be held back before it is dropped as garbage. */
const MAX_HELD = 4096;

/**
 * A stateful stripper for streamed output, where an escape sequence may be split across chunks.
 * `push` returns the clean text that is safe to emit now; `flush` returns the remainder at the end.
 */
export class StreamSanitizer {
  private held = '';

  /** Feeds one chunk; returns clean text ready to emit (possibly empty). */
  push(chunk: string): string {
    const text = this.held + chunk;
    const m = UNFINISHED.exec(text);
    if (m && m[0].length <= MAX_HELD) {
      this.held = m[0];
      return stripComplete(text.slice(0, m.index));
    }
    this.held = '';
    return stripComplete(text);
  }

  /** Ends the stream; an unfinished control sequence held at the very end is dropped, never emitted. */
  flush(): string {
    this.held = '';
    return '';
  }
}

/** Yield streamed text with control sequences removed, even when one is split across chunks. */
export async function* sanitizedChunks(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  const sanitizer = new StreamSanitizer();
  for await (const chunk of chunks) {
    const clean = sanitizer.push(chunk);
    if (clean) yield clean;
  }
  const rest = sanitizer.flush();
  if (rest) yield rest;
}
