import { useLayoutEffect, useRef } from 'react';
import { useStdin } from 'ink';
import { parseKeys, type KeyAction } from './keys.js';

/**
 * Receive key actions while `active`. Reads Ink's raw input events (not `useInput`), because Ink reports
 * the Backspace key (DEL, 0x7f) and the Delete key alike; the session needs them apart. Subscribes in a
 * layout effect, so a key pressed just after a screen appears is never lost.
 */
export function useKeys(handler: (action: KeyAction) => void, active = true): void {
  const { setRawMode, internal_eventEmitter: events, isRawModeSupported } = useStdin();
  const ref = useRef(handler);
  ref.current = handler;
  useLayoutEffect(() => {
    if (!active || !isRawModeSupported) return;
    setRawMode(true);
    return () => setRawMode(false);
  }, [active, isRawModeSupported, setRawMode]);
  useLayoutEffect(() => {
    if (!active) return;
    const onInput = (raw: string) => {
      for (const action of parseKeys(raw)) ref.current(action);
    };
    events.on('input', onInput);
    return () => {
      events.removeListener('input', onInput);
    };
  }, [active, events]);
}
