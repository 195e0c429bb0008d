import { useEffect, useRef } from 'react';

/**
 * Call `save` every `intervalMs` while `version` has changed since the last save (so an idle session
 * writes nothing). `save` returns false or throws when the draft could not be written; `onError` hears
 * about it once per failure.
 */
export function useAutosave(version: number, intervalMs: number, save: () => void, onError: (err: unknown) => void, active = true): void {
  const versionRef = useRef(version);
  versionRef.current = version;
  const saved = useRef(version);
  const fns = useRef({ save, onError });
  fns.current = { save, onError };
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (versionRef.current === saved.current) return;
      const v = versionRef.current;
      try {
        fns.current.save();
        saved.current = v;
      } catch (err) {
        fns.current.onError(err);
      }
    }, intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, active]);
}
