import { useEffect, useRef, useState } from 'react';

/** Options of useIdleHint. */
export interface IdleHintOptions {
  /** Changes on every keystroke: typing dismisses the hint and restarts the idle wait. */
  keystrokes: number;
  /** The draft at the moment the pause is noticed. */
  draft: () => string;
  /** How long without a keystroke before asking for a hint. */
  thresholdMs: number;
  enabled: boolean;
  /** Produce a hint for the draft (off the render path); null when none fits. */
  request(draft: string, signal: AbortSignal): Promise<string | null>;
}

/**
 * A continuation hint after an idle pause: asked for once per pause of `thresholdMs`, shown only if no
 * key was pressed meanwhile, dismissed by the next keystroke. At most one hint per pause, so at most one
 * per threshold interval.
 */
export function useIdleHint(options: IdleHintOptions): string | null {
  const [hint, setHint] = useState<string | null>(null);
  const latest = useRef(options);
  latest.current = options;
  const { keystrokes, thresholdMs, enabled } = options;
  useEffect(() => {
    setHint(null);
    if (!enabled) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      latest.current
        .request(latest.current.draft(), controller.signal)
        .then((text) => {
          if (!controller.signal.aborted && text) setHint(text);
        })
        .catch(() => undefined); // a hint that fails is simply not shown
    }, thresholdMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [keystrokes, thresholdMs, enabled]);
  return hint;
}
