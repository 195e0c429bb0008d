import { Box, Text } from 'ink';

/** Props of StatusBar. */
export interface StatusBarProps {
  words: number;
  elapsedSeconds: number;
  /** A short note such as "draft saved" or an autosave problem. */
  note: string | null;
}

/** Format seconds as m:ss (or h:mm:ss). */
export function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The bottom line: word count, elapsed time, the main keys. */
export function StatusBar({ words, elapsedSeconds, note }: StatusBarProps) {
  return (
    <Box justifyContent="space-between">
      <Text>
        {words} {words === 1 ? 'word' : 'words'} · {formatElapsed(elapsedSeconds)}
        {note ? <Text dimColor> · {note}</Text> : null}
      </Text>
      <Text dimColor>Ctrl+D save · Esc quit · F1 keys</Text>
    </Box>
  );
}
