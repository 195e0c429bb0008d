import { useRef } from 'react';
import { Box, Text } from 'ink';
import type { TextBuffer } from './text-buffer.js';
import { cursorRow, layoutRows } from './wrap.js';

/** Props of EditorView. */
export interface EditorViewProps {
  buffer: TextBuffer;
  /** Columns available for text. */
  width: number;
  /** Screen rows available for text. */
  height: number;
  /** Shown dim when the buffer is empty. */
  placeholder?: string;
}

/**
 * The text with word wrap and a visible cursor, scrolled so the cursor row is always on screen. Only the
 * visible rows are drawn, so a long entry or a large paste costs the same per keystroke as a short one.
 */
export function EditorView({ buffer, width, height, placeholder }: EditorViewProps) {
  const top = useRef(0);
  const rows = layoutRows(buffer.lines, width);
  const cursor = cursorRow(rows, buffer);
  if (cursor.index < top.current) top.current = cursor.index;
  if (cursor.index >= top.current + height) top.current = cursor.index - height + 1;
  top.current = Math.max(0, Math.min(top.current, Math.max(0, rows.length - height)));
  const empty = buffer.lines.length === 1 && buffer.lines[0] === '';
  const visible = rows.slice(top.current, top.current + height);
  return (
    <Box flexDirection="column" height={height}>
      {visible.map((row, i) => {
        const text = buffer.lines[row.line]!.slice(row.start, row.end);
        if (top.current + i !== cursor.index) return <Text key={i} wrap="truncate">{text || ' '}</Text>;
        const at = cursor.column;
        const code = text.codePointAt(at);
        const under = code === undefined ? '' : String.fromCodePoint(code);
        return (
          <Text key={i} wrap="truncate">
            {text.slice(0, at)}
            <Text inverse>{under || ' '}</Text>
            {empty && placeholder ? <Text dimColor>{placeholder}</Text> : text.slice(at + under.length)}
          </Text>
        );
      })}
    </Box>
  );
}
