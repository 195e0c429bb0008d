import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../use-keys.js';
import { usePalette } from '../services-context.js';

/** One answer of a dialog, chosen by pressing its key. */
export interface Choice<T extends string> {
  key: string;
  value: T;
  label: string;
}

/** Props of ChoiceDialog. */
export interface ChoiceDialogProps<T extends string> {
  title: string;
  children?: ReactNode;
  choices: ReadonlyArray<Choice<T>>;
  onChoose(value: T): void;
  /** What Esc (and Ctrl+C) means; without it they do nothing. */
  onCancel?: () => void;
}

/** A framed question with single-key answers (case-insensitive). */
export function ChoiceDialog<T extends string>({ title, children, choices, onChoose, onCancel }: ChoiceDialogProps<T>) {
  const palette = usePalette();
  useKeys((action) => {
    if ((action.kind === 'escape' || action.kind === 'interrupt') && onCancel) return onCancel();
    if (action.kind !== 'text') return;
    const choice = choices.find((c) => c.key === action.text.toLowerCase());
    if (choice) onChoose(choice.value);
  });
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={palette.accent} paddingX={1}>
      <Text bold color={palette.warn}>{title}</Text>
      {children}
      <Box marginTop={1} flexWrap="wrap">
        {choices.map((c) => (
          <Box key={c.key} marginRight={3}>
            <Text><Text bold inverse={!palette.color} color={palette.accent}>{`[${c.key}]`}</Text> {c.label}</Text>
          </Box>
        ))}
        {onCancel ? <Text dimColor>[Esc] back</Text> : null}
      </Box>
    </Box>
  );
}
