import { useEffect, useRef, useState } from 'react';

/** State of a periodically refreshed value. */
export interface Refreshed<T> {
  value: T;
  /** Message of the last failed refresh, cleared by the next good one. */
  error: string | null;
  refreshes: number;
}

/**
 * Keep `initial` up to date by calling `load` every `intervalMs` (never two loads at once); stops when
 * the component unmounts.
 */
export function useRefresh<T>(initial: T, load: () => Promise<T>, intervalMs: number): Refreshed<T> {
  const [state, setState] = useState<Refreshed<T>>({ value: initial, error: null, refreshes: 0 });
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    const tick = async () => {
      try {
        const value = await loadRef.current();
        if (!stopped) setState((s) => ({ value, error: null, refreshes: s.refreshes + 1 }));
      } catch (err) {
        if (!stopped) setState((s) => ({ ...s, error: err instanceof Error ? err.message : String(err), refreshes: s.refreshes + 1 }));
      }
      if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
    };
    timer = setTimeout(() => void tick(), intervalMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [intervalMs]);
  return state;
}
