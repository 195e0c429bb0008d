import React, { useEffect, useState } from 'react';
import { Box, Text } from 'ink';
import type { ExcludedEntry } from '../../core/insight/model-context.js';
import type { Reflection } from '../../core/insight/reflection-service.js';
import type { PeriodSummary } from '../../core/summary/summarize.js';
import { moodSummary, moodTone, namesWithCounts, signed, statRows, themeChange } from './summary-rows.js';

/** Where the reflection is: the model is working (with a progress line and the text so far), or done. */
export type ReflectionState =
  | { phase: 'working'; progress: string; streamed: string }
  | { phase: 'done'; reflection: Reflection };

/** Props of the summary screen. */
export interface SummaryViewProps {
  stats: PeriodSummary;
  excluded: readonly ExcludedEntry[];
  reflection: ReflectionState;
}

const TONE_COLOUR = { bright: 'green', mixed: 'yellow', low: 'red', none: 'gray' } as const;

/** Text coloured by the tone of a mood score. */
function Mood({ score, children }: { score: number | null; children: React.ReactNode }) {
  return <Text color={TONE_COLOUR[moodTone(score)]}>{children}</Text>;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A spinner with a label, shown while the model works. */
function Progress({ label }: { label: string }) {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => (f + 1) % FRAMES.length), 80);
    return () => clearInterval(timer);
  }, []);
  return <Text color="cyan">{FRAMES[frame]} {label}</Text>;
}

/** One row of the statistics table. */
function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box>
      <Box width={15}><Text dimColor>{label}</Text></Box>
      <Box flexShrink={1}>{typeof children === 'string' ? <Text>{children}</Text> : children}</Box>
    </Box>
  );
}

/** The summary screen: a statistics table, the mood sparkline, themes, notable entries and the reflection. */
export function SummaryView({ stats: s, excluded, reflection }: SummaryViewProps) {
  return (
    <Box flexDirection="column">
      <Text bold>Summary {s.from} → {s.to}</Text>
      <Box flexDirection="column" borderStyle="round" paddingX={1}>
        {statRows(s).map(([label, value]) => <Row key={label} label={label}>{value}</Row>)}
        <Row label="Mood"><Text><Mood score={s.mood.average}>{s.mood.sparkline}</Mood>  {moodSummary(s)}</Text></Row>
        {s.mood.best?.mood != null && <Row label="Best day"><Text>{s.mood.best.date} (<Mood score={s.mood.best.mood}>{signed(s.mood.best.mood)}</Mood>)</Text></Row>}
        {s.mood.hardest?.mood != null && <Row label="Hardest day"><Text>{s.mood.hardest.date} (<Mood score={s.mood.hardest.mood}>{signed(s.mood.hardest.mood)}</Mood>)</Text></Row>}
      </Box>
      {s.topThemes.length > 0 && (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>Themes</Text>
          {s.topThemes.map((t) => (
            <Box key={`${t.kind}:${t.label}`}>
              <Box width={28}><Text>  {t.label} <Text dimColor>({t.kind})</Text></Text></Box>
              <Box width={4}><Text>{t.entries}</Text></Box>
              <Text color={t.trend === 'up' || t.trend === 'new' ? 'cyan' : undefined}>{themeChange(t)}</Text>
            </Box>
          ))}
          {s.people.length > 0 && <Text>  People: {namesWithCounts(s.people)}</Text>}
          {s.places.length > 0 && <Text>  Places: {namesWithCounts(s.places)}</Text>}
        </Box>
      )}
      {s.notable.length > 0 && (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>Notable</Text>
          {s.notable.map((n) => <Text key={`${n.entryId}:${n.reason}`}>  {n.date}  <Text dimColor>{n.reason.padEnd(13)}</Text> {n.excerpt}</Text>)}
        </Box>
      )}
      {excluded.length > 0 && (
        <Box marginTop={1}><Text color="yellow">{excluded.length} {excluded.length === 1 ? 'entry was' : 'entries were'} flagged as possible prompt injection and left out of what the model sees.</Text></Box>
      )}
      <Box flexDirection="column" marginTop={1}>
        {reflection.phase === 'working' ? (
          <>
            <Progress label={reflection.progress} />
            {reflection.streamed.length > 0 && <Text>{reflection.streamed}</Text>}
          </>
        ) : (
          <>
            {reflection.reflection.fallbackReason && <Text dimColor>(No model reflection: {reflection.reflection.fallbackReason}. Showing the built-in one.)</Text>}
            <Text bold>{reflection.reflection.source === 'model' ? 'Reflection (written by the model from your entries)' : 'Reflection (built in, from the numbers)'}</Text>
            {reflection.reflection.paragraphs.map((p, i) => <Box key={i} marginBottom={1}><Text>{p}</Text></Box>)}
          </>
        )}
      </Box>
    </Box>
  );
}
