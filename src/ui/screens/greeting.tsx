import { Box, Text } from 'ink';
import { usePalette } from '../services-context.js';

/** Props of Greeting. */
export interface GreetingProps {
  now: Date;
  /** Current streak in days; null while it is being worked out. */
  streak: number | null;
  /** The opening prompt; null while it is being chosen. */
  prompt: string | null;
}

/** The line above the editor: the date, the streak, and a prompt to start from. */
export function Greeting({ now, streak, prompt }: GreetingProps) {
  const palette = usePalette();
  const date = now.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const streakText = streak === null ? '' : streak === 0 ? ' · a fresh start today' : ` · ${streak}-day streak`;
  return (
    <Box flexDirection="column" marginBottom={1}>
      <Text bold color={palette.accent}>{date}<Text bold={false}>{streakText}</Text></Text>
      <Text italic>{prompt ?? ' '}</Text>
    </Box>
  );
}
