import { Box, Text } from 'ink';
import type { Entry } from '../../core/entry.js';
import type { EntryAnalysis } from '../../core/analysis/analyze-entry.js';
import { usePalette } from '../services-context.js';

/** Props of FeedbackPanel. */
export interface FeedbackPanelProps {
  entry: Entry;
  /** The analysis, 'pending' while it runs, 'failed' when it could not be done. */
  analysis: EntryAnalysis | 'pending' | 'failed';
  streak: number | null;
  where: string;
}

function themeLabel(stored: string): string {
  return stored.replace(/^(person|place|activity|topic):/, '');
}

/** Shown after a save: words, minutes, mood, themes, streak, and where the entry went. */
export function FeedbackPanel({ entry, analysis, streak, where }: FeedbackPanelProps) {
  const palette = usePalette();
  const minutes = Math.max(1, Math.round((entry.durationSeconds ?? 0) / 60));
  const mood = analysis === 'pending' ? 'reading…' : analysis === 'failed' ? 'not analysed' : analysis.mood?.label ?? 'none';
  const themes = analysis === 'pending' ? '…' : analysis === 'failed' ? '—' : analysis.themes.map(themeLabel).join(', ') || 'none yet';
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={palette.good} paddingX={1}>
      <Text bold color={palette.good}>Saved.</Text>
      <Text>{entry.wordCount} {entry.wordCount === 1 ? 'word' : 'words'} · {minutes} {minutes === 1 ? 'minute' : 'minutes'}{streak !== null ? ` · ${streak}-day streak` : ''}</Text>
      <Text>Mood: {mood} · Themes: {themes}</Text>
      <Text dimColor>{where}</Text>
    </Box>
  );
}
