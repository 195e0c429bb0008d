import React from 'react';
import { render } from 'ink';
import type { ExcludedEntry } from '../../core/insight/model-context.js';
import type { Reflection, ReflectionEvent } from '../../core/insight/reflection-service.js';
import type { PeriodSummary } from '../../core/summary/summarize.js';
import { SummaryView, type ReflectionState } from './summary-view.js';

/** A live summary on the terminal: feed it reflection events, then finish it with the reflection. */
export interface LiveSummary {
  /** Show progress or a streamed chunk of the reflection. */
  update(event: ReflectionEvent): void;
  /** Show the final reflection and stop rendering. */
  finish(reflection: Reflection, excluded: readonly ExcludedEntry[]): Promise<void>;
}

/** The progress line for a reflection event. */
export function progressLabel(event: ReflectionEvent): string | null {
  if (event.kind === 'map') return `Reading your entries (batch ${event.batch} of ${event.batches})…`;
  if (event.kind === 'merge') return `Gathering notes (round ${event.round} of ${event.rounds})…`;
  if (event.kind === 'writing') return 'Writing the reflection…';
  return null;
}

/** Render a summary with Ink on a terminal stream, the reflection first in progress. */
export function renderLiveSummary(stdout: NodeJS.WriteStream, stats: PeriodSummary, excluded: readonly ExcludedEntry[], initial: string): LiveSummary {
  let state: ReflectionState = { phase: 'working', progress: initial, streamed: '' };
  let shownExcluded = excluded;
  const view = () => <SummaryView stats={stats} excluded={shownExcluded} reflection={state} />;
  const app = render(view(), { stdout, patchConsole: false, exitOnCtrlC: true });
  return {
    update(event) {
      if (state.phase !== 'working') return;
      const label = progressLabel(event);
      state = label ? { ...state, progress: label } : { ...state, streamed: state.streamed + (event.kind === 'chunk' ? event.text : '') };
      app.rerender(view());
    },
    async finish(reflection, excludedNow) {
      state = { phase: 'done', reflection };
      shownExcluded = excludedNow;
      app.rerender(view());
      app.unmount();
      await app.waitUntilExit();
    },
  };
}
