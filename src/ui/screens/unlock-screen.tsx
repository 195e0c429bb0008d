import { useRef, useState } from 'react';
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
  // Refs, not state: keys that arrive before the next render (a pasted passphrase and Enter) must see them.
  const value = useRef('');
  const failed = useRef(0);
  const busyRef = useRef(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useKeys((action) => {
    if (busyRef.current) return;
    if (action.kind === 'interrupt' || action.kind === 'escape') return onGiveUp();
    if (action.kind === 'backspace') {
      value.current = [...value.current].slice(0, -1).join('');
      return;
    }
    if (action.kind === 'text') {
      const [line, ...rest] = action.text.split('\n');
      value.current += line;
      if (rest.length === 0) return; // a pasted passphrase ending in a line break submits, like Enter
    } else if (action.kind !== 'enter' && action.kind !== 'save') return;
    const passphrase = value.current;
    value.current = '';
    if (passphrase.length === 0) return setError('The passphrase cannot be empty.');
    busyRef.current = true;
    setBusy(true);
    setError(null);
    unlock(passphrase).then(onUnlocked, (err: unknown) => {
      const wrong = err instanceof Error && err.name === 'LockedError';
      failed.current += 1;
      const left = tries - failed.current;
      busyRef.current = false;
      setBusy(false);
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
