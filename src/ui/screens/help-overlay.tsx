import { Box, Text } from 'ink';
import { useKeys } from '../use-keys.js';
import { usePalette } from '../services-context.js';

/** Every key of the writing session, as listed by F1, Ctrl+G, or ? on an empty page. */
export const SESSION_KEYS: ReadonlyArray<[string, string]> = [
  ['Ctrl+D', 'save the entry (personal data and AI-instruction checks first)'],
  ['Esc / Ctrl+C', 'leave: save, keep as draft, or discard'],
  ['Enter', 'new line'],
  ['← → ↑ ↓', 'move (up and down follow the wrapped lines)'],
  ['Ctrl+← / Ctrl+→', 'move by word'],
  ['Home / End, Ctrl+A / Ctrl+E', 'start / end of the line'],
  ['PgUp / PgDn', 'move a screen up / down'],
  ['Backspace / Delete', 'delete before / under the cursor, joining lines at the edges'],
  ['F1 / Ctrl+G', 'this list (? too, on an empty page)'],
];

/** Props of HelpOverlay. */
export interface HelpOverlayProps {
  onClose(): void;
}

/** The list of keys; any key closes it. */
export function HelpOverlay({ onClose }: HelpOverlayProps) {
  const palette = usePalette();
  useKeys(() => onClose());
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={palette.accent} paddingX={1}>
      <Text bold>Keys</Text>
      {SESSION_KEYS.map(([key, what]) => (
        <Text key={key}><Text bold color={palette.accent}>{key.padEnd(28)}</Text>{what}</Text>
      ))}
      <Text dimColor>After a pause, a dim question may appear under the text; it is never added to the entry.</Text>
      <Text dimColor>Press any key to go back.</Text>
    </Box>
  );
}
