import { useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { countWords } from '../../core/entry.js';
import type { KeyAction } from '../keys.js';
import { useKeys } from '../use-keys.js';
import { useIdleHint } from '../use-idle-hint.js';
import { useAutosave } from '../use-autosave.js';
import { useServices } from '../services-context.js';
import { useTerminalSize } from '../use-terminal-size.js';
import { EditorView } from '../editor/editor-view.js';
import {
  backspace, bufferText, deleteForward, insertText, moveLeft, moveRight, moveWordLeft, moveWordRight, moveTo, type TextBuffer,
} from '../editor/text-buffer.js';
import { cursorRow, layoutRows, moveVertical } from '../editor/wrap.js';
import { Greeting } from './greeting.js';
import { StatusBar } from './status-bar.js';

/** Props of WritingScreen. */
export interface WritingScreenProps {
  buffer: TextBuffer;
  onChange(buffer: TextBuffer): void;
  /** Seconds written before this screen opened (restored draft, or time before a dialog). */
  elapsedBefore: number;
  /** When the current stretch of writing began. */
  resumedAt: Date;
  streak: number | null;
  prompt: string | null;
  /** Ask for a continuation hint after an idle pause. */
  requestHint(draft: string, signal: AbortSignal): Promise<string | null>;
  /** Write the draft now (autosave). */
  saveDraft(): void;
  onSave(): void;
  onQuit(): void;
  onHelp(): void;
  /** A message to show in the status line (e.g. "nothing to save yet") until the text changes. */
  notice: string | null;
  /** Identity of the request to show `notice`: a new value shows it again. */
  noticeFor?: object;
}

const CHROME_ROWS = 6; // greeting (2) + its margin (1) + hint (1) + status (1) + spare (1)

/** Apply an editing action to the buffer; null when the action is not an edit or a move. */
function edit(b: TextBuffer, action: KeyAction, width: number, height: number, goal: { column?: number }): TextBuffer | null {
  switch (action.kind) {
    case 'text': return insertText(b, action.text);
    case 'enter': return insertText(b, '\n');
    case 'backspace': return backspace(b);
    case 'delete': return deleteForward(b);
    case 'left': return moveLeft(b);
    case 'right': return moveRight(b);
    case 'wordLeft': return moveWordLeft(b);
    case 'wordRight': return moveWordRight(b);
    case 'home': return moveTo(b, b.row, 0);
    case 'end': return moveTo(b, b.row, b.lines[b.row]!.length);
    case 'up': case 'down': case 'pageUp': case 'pageDown': {
      const delta = action.kind === 'up' ? -1 : action.kind === 'down' ? 1 : (action.kind === 'pageUp' ? -1 : 1) * Math.max(1, height - 1);
      goal.column ??= cursorRow(layoutRows(b.lines, width), b).column;
      return moveVertical(b, width, delta, goal.column);
    }
    default: return null;
  }
}

/** The greeting, the editor, the idle hint and the status line: where the writing happens. */
export function WritingScreen(props: WritingScreenProps) {
  const services = useServices();
  const { columns, rows } = useTerminalSize();
  const width = Math.max(10, columns - 3);
  const height = Math.max(3, rows - CHROME_ROWS);
  const [keystrokes, setKeystrokes] = useState(0);
  const [version, setVersion] = useState(0);
  const [note, setNote] = useState<string | null>(props.notice);
  const [, setTick] = useState(0);
  const goal = useRef<{ column?: number }>({});
  const bufferRef = useRef(props.buffer);
  bufferRef.current = props.buffer;

  useEffect(() => {
    if (props.notice) setNote(props.notice);
  }, [props.notice, props.noticeFor]);

  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), 1000);
    return () => clearInterval(timer);
  }, []);

  useAutosave(version, services.autosaveMs, () => {
    props.saveDraft();
    setNote('draft saved');
  }, () => setNote('the draft could not be saved'));

  const hint = useIdleHint({
    keystrokes,
    draft: () => bufferText(bufferRef.current),
    thresholdMs: services.idleThresholdMs,
    enabled: services.showHints,
    request: props.requestHint,
  });

  useKeys((action) => {
    if (action.kind === 'save') return props.onSave();
    if (action.kind === 'interrupt' || action.kind === 'escape') return props.onQuit();
    const empty = bufferRef.current.lines.length === 1 && bufferRef.current.lines[0] === '';
    if (action.kind === 'help' || (action.kind === 'text' && action.text === '?' && empty)) return props.onHelp();
    const vertical = action.kind === 'up' || action.kind === 'down' || action.kind === 'pageUp' || action.kind === 'pageDown';
    const before = bufferRef.current;
    const next = edit(before, action, width, height, goal.current);
    if (!next) return;
    if (!vertical) goal.current = {};
    bufferRef.current = next;
    props.onChange(next);
    setKeystrokes((k) => k + 1);
    if (next.lines !== before.lines) {
      setVersion((v) => v + 1);
      setNote(null);
    }
  });

  const words = useMemo(() => countWords(props.buffer.lines.join('\n')), [props.buffer.lines]);
  const now = services.now();
  const elapsed = props.elapsedBefore + (now.getTime() - props.resumedAt.getTime()) / 1000;
  return (
    <Box flexDirection="column" paddingX={1}>
      <Greeting now={now} streak={props.streak} prompt={props.prompt} />
      <EditorView buffer={props.buffer} width={width} height={height} placeholder="Start writing…" />
      <Text dimColor wrap="truncate">{hint ? `↳ ${hint}` : ' '}</Text>
      <StatusBar words={words} elapsedSeconds={elapsed} note={note} />
    </Box>
  );
}
