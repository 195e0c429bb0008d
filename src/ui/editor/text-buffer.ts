/**
 * The text being written and the cursor in it: logical lines, a row and a column (UTF-16 index into the
 * row's line). Every operation returns a new buffer; none mutates.
 */
export interface TextBuffer {
  readonly lines: readonly string[];
  readonly row: number;
  readonly col: number;
}

/** A buffer holding `text`, cursor at its end. */
export function bufferFrom(text: string): TextBuffer {
  const lines = text.split('\n');
  const row = lines.length - 1;
  return { lines, row, col: lines[row]!.length };
}

/** The whole text of a buffer. */
export function bufferText(b: TextBuffer): string {
  return b.lines.join('\n');
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function prevIndex(line: string, col: number): number {
  if (col <= 0) return 0;
  return col >= 2 && isLowSurrogate(line.charCodeAt(col - 1)) ? col - 2 : col - 1;
}

function nextIndex(line: string, col: number): number {
  if (col >= line.length) return line.length;
  return isLowSurrogate(line.charCodeAt(col + 1)) ? col + 2 : col + 1;
}

/** Insert text (which may hold line breaks) at the cursor; the cursor ends after it. */
export function insertText(b: TextBuffer, text: string): TextBuffer {
  if (text.length === 0) return b;
  const line = b.lines[b.row]!;
  const before = line.slice(0, b.col);
  const after = line.slice(b.col);
  const parts = text.split('\n');
  const lines = b.lines.slice(0, b.row);
  if (parts.length === 1) {
    lines.push(before + text + after);
    for (let i = b.row + 1; i < b.lines.length; i += 1) lines.push(b.lines[i]!);
    return { lines, row: b.row, col: b.col + text.length };
  }
  lines.push(before + parts[0]!);
  for (let i = 1; i < parts.length - 1; i += 1) lines.push(parts[i]!);
  const last = parts[parts.length - 1]!;
  lines.push(last + after);
  const row = lines.length - 1;
  for (let i = b.row + 1; i < b.lines.length; i += 1) lines.push(b.lines[i]!);
  return { lines, row, col: last.length };
}

function replaceLines(b: TextBuffer, from: number, count: number, replacement: string[], row: number, col: number): TextBuffer {
  const lines = [...b.lines];
  lines.splice(from, count, ...replacement);
  return { lines, row, col };
}

/** Delete the character before the cursor; at the start of a line, join it to the line above. */
export function backspace(b: TextBuffer): TextBuffer {
  const line = b.lines[b.row]!;
  if (b.col > 0) {
    const at = prevIndex(line, b.col);
    return replaceLines(b, b.row, 1, [line.slice(0, at) + line.slice(b.col)], b.row, at);
  }
  if (b.row === 0) return b;
  const above = b.lines[b.row - 1]!;
  return replaceLines(b, b.row - 1, 2, [above + line], b.row - 1, above.length);
}

/** Delete the character under the cursor; at the end of a line, join the next line to it. */
export function deleteForward(b: TextBuffer): TextBuffer {
  const line = b.lines[b.row]!;
  if (b.col < line.length) return replaceLines(b, b.row, 1, [line.slice(0, b.col) + line.slice(nextIndex(line, b.col))], b.row, b.col);
  if (b.row >= b.lines.length - 1) return b;
  return replaceLines(b, b.row, 2, [line + b.lines[b.row + 1]!], b.row, b.col);
}

/** Move one character left, to the end of the line above at a line start. */
export function moveLeft(b: TextBuffer): TextBuffer {
  if (b.col > 0) return { ...b, col: prevIndex(b.lines[b.row]!, b.col) };
  if (b.row === 0) return b;
  return { ...b, row: b.row - 1, col: b.lines[b.row - 1]!.length };
}

/** Move one character right, to the start of the next line at a line end. */
export function moveRight(b: TextBuffer): TextBuffer {
  const line = b.lines[b.row]!;
  if (b.col < line.length) return { ...b, col: nextIndex(line, b.col) };
  if (b.row >= b.lines.length - 1) return b;
  return { ...b, row: b.row + 1, col: 0 };
}

/** Move to the start of the previous word (across lines). */
export function moveWordLeft(b: TextBuffer): TextBuffer {
  if (b.col === 0) return moveLeft(b);
  const line = b.lines[b.row]!;
  let i = b.col;
  while (i > 0 && /\s/.test(line[i - 1]!)) i -= 1;
  while (i > 0 && !/\s/.test(line[i - 1]!)) i -= 1;
  return { ...b, col: i };
}

/** Move to the end of the next word (across lines). */
export function moveWordRight(b: TextBuffer): TextBuffer {
  const line = b.lines[b.row]!;
  if (b.col >= line.length) return moveRight(b);
  let i = b.col;
  while (i < line.length && /\s/.test(line[i]!)) i += 1;
  while (i < line.length && !/\s/.test(line[i]!)) i += 1;
  return { ...b, col: i };
}

/** Put the cursor at a row and column, clamped to the text. */
export function moveTo(b: TextBuffer, row: number, col: number): TextBuffer {
  const r = Math.max(0, Math.min(row, b.lines.length - 1));
  return { ...b, row: r, col: Math.max(0, Math.min(col, b.lines[r]!.length)) };
}
