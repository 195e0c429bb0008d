import { useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../use-keys.js';
import { usePalette } from '../services-context.js';
import type { SessionStore } from '../services.js';

/** Props of UnlockScreen. */
export interface UnlockScreenProps {
  unlock(passphrase: string): Promise<SessionStore>;
  tries: number;
  onUnlocked(store: SessionStore): void;
  /** Every try failed, or the person cancelled. */
  onGiveUp(): void;
}

/** Ask for the passphrase without echo; a wrong one says so and allows `tries` attempts in all. */
export function UnlockScreen({ unlock, tries, onUnlocked, onGiveUp }: UnlockScreenProps) {
  const palette = usePalette();
  const [value, setValue] = useState('');
  const [failed, setFailed] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useKeys((action) => {
    if (busy) return;
    if (action.kind === 'interrupt' || action.kind === 'escape') return onGiveUp();
    if (action.kind === 'backspace') return setValue((v) => [...v].slice(0, -1).join(''));
    if (action.kind === 'text') return setValue((v) => v + action.text.replace(/\n/g, ''));
    if (action.kind !== 'enter' && !(action.kind === 'save')) return;
    if (value.length === 0) return setError('The passphrase cannot be empty.');
    setBusy(true);
    setError(null);
    unlock(value).then(onUnlocked, (err: unknown) => {
      const wrong = err instanceof Error && err.name === 'LockedError';
      const left = tries - failed - 1;
      setBusy(false);
      setValue('');
      setFailed((f) => f + 1);
      if (!wrong) return setError(err instanceof Error ? err.message : String(err));
      if (left <= 0) return onGiveUp();
      setError(`Wrong passphrase. ${left} ${left === 1 ? 'try' : 'tries'} left.`);
    });
  });
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color={palette.accent}>companion</Text>
      <Text>Passphrase: <Text dimColor>{busy ? 'unlocking…' : '(typing is not shown)'}</Text></Text>
      {error ? <Text color={palette.warn}>{error}</Text> : null}
    </Box>
  );
}
