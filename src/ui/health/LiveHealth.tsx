import { useApp, useInput, useStdin } from 'ink';
import { useEffect } from 'react';
import { HealthDashboard } from './HealthDashboard.js';
import type { HealthView } from './health-view.js';
import { useRefresh } from './use-refresh.js';

/** Props of the live (`--watch`) dashboard. */
export interface LiveHealthProps {
  initial: HealthView;
  /** Run the checks again (the journal stays unlocked: no KDF per refresh). */
  load: () => Promise<HealthView>;
  intervalMs: number;
  /** Called with every view shown, so the command can exit with the last status. */
  onView?: (view: HealthView) => void;
}

/** The dashboard refreshed every `intervalMs`; q or Esc quits. */
export function LiveHealth({ initial, load, intervalMs, onView }: LiveHealthProps) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const state = useRefresh(initial, load, intervalMs);
  useInput((input, key) => {
    if (input === 'q' || key.escape) exit();
  }, { isActive: isRawModeSupported });
  useEffect(() => {
    onView?.(state.value);
  }, [state.value, onView]);
  return <HealthDashboard view={state.value} watching error={state.error} />;
}
